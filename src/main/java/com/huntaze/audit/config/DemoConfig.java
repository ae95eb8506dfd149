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
 * shows one by-hand item attested and one expired on any day it runs; suppressions expire {@code {{daysAhead N}}}
 * (or {@code {{daysAgo N}}}), so one accepted risk holds and one has expired. Real config files have no such syntax.
 */
public final class DemoConfig {
    private DemoConfig() {
    }

    static final String RESOURCE = "/demo/huntaze-audit.yml";
    private static final Pattern RELATIVE_DATE = Pattern.compile("\\{\\{days(Ago|Ahead) (\\d+)}}");

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

    /**
     * {@code text} with each {@code {{daysAgo N}}} and {@code {{daysAhead N}}} as the date N days before or after
     * {@code today} (YYYY-MM-DD): the demo config, and the dates in the demo account's datasets
     * ({@code "{{daysAgo 20}}T04:12:09Z"}), so that the demo reads the same on any day.
     */
    public static String resolveDates(String text, LocalDate today) {
        Matcher m = RELATIVE_DATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long days = Long.parseLong(m.group(2));
            m.appendReplacement(out, (m.group(1).equals("Ago") ? today.minusDays(days) : today.plusDays(days))
                    .toString());
        }
        m.appendTail(out);
        return out.toString();
    }
}
