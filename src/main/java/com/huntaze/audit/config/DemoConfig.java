package com.huntaze.audit.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config of the demo account ({@code check --demo} without {@code --config}), embedded in the jar. Its
 * attestation dates are written {@code {{daysAgo N}}} and become real dates N days before the audit, so the demo
 * shows one by-hand item attested and one expired on any day it runs. Real config files have no such syntax.
 */
public final class DemoConfig {
    private DemoConfig() {
    }

    static final String RESOURCE = "/demo/huntaze-audit.yml";
    private static final Pattern DAYS_AGO = Pattern.compile("\\{\\{daysAgo (\\d+)}}");

    public static AuditConfig load(ConfigLoader loader, LocalDate today) {
        try (InputStream in = DemoConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo config is missing from the jar");
            }
            return loader.parse("demo config", resolveDates(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    today));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo config: " + e.getMessage(), e);
        }
    }

    static String resolveDates(String text, LocalDate today) {
        Matcher m = DAYS_AGO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, today.minusDays(Long.parseLong(m.group(1))).toString());
        }
        m.appendTail(out);
        return out.toString();
    }
}
