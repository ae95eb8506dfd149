package com.huntaze.audit.services.cloudfront;

import com.huntaze.audit.engine.CheckSelection;
import com.huntaze.audit.engine.SettingsSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The config file's {@code cloudfront:} section: the external origins a team intends to serve through CloudFront
 * (a SaaS storefront, a partner's media host), which {@code cloudfront.origin-in-account} accepts.
 *
 * @param allowedOrigins globs on the origin's domain name ({@code *} any characters, {@code ?} one), matched without
 *                       case
 */
public record CloudFrontSettings(List<String> allowedOrigins) {

    /** The config file's key. */
    public static final String SECTION_KEY = "cloudfront";

    /** No section in the file: no external origin is allowed. */
    public static final CloudFrontSettings DEFAULTS = new CloudFrontSettings(List.of());

    public CloudFrontSettings {
        allowedOrigins = allowedOrigins.stream().map(g -> g.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** The first pattern that allows {@code domain}, if any. */
    public Optional<String> allowing(String domain) {
        String name = domain.toLowerCase(Locale.ROOT);
        return allowedOrigins.stream().filter(g -> CheckSelection.glob(g).matcher(name).matches()).findFirst();
    }

    /** The section as the config file declares it. */
    public static final SettingsSection<CloudFrontSettings> SECTION = new SettingsSection<>(SECTION_KEY,
            CloudFrontSettings.class, DEFAULTS, CloudFrontSettings::bind,
            "External origins cloudfront.origin-in-account accepts (allowedOrigins: domain globs)");

    /** The section as written. */
    record Written(List<String> allowedOrigins) {
    }

    private static CloudFrontSettings bind(com.fasterxml.jackson.databind.JsonNode node, SettingsSection.Input input) {
        Written written = input.read(node, List.of(), Written.class);
        if (written == null || written.allowedOrigins() == null) {
            return DEFAULTS;
        }
        List<String> globs = new ArrayList<>();
        for (int i = 0; i < written.allowedOrigins().size(); i++) {
            String glob = written.allowedOrigins().get(i);
            if (glob == null || glob.isBlank()) {
                input.problem(List.of("allowedOrigins", i), "empty pattern: a domain name or a glob such as"
                        + " *.myshopify.com");
            } else if (glob.strip().chars().anyMatch(Character::isWhitespace) || glob.contains("/")) {
                input.problem(List.of("allowedOrigins", i), "expected a domain name or a glob such as"
                        + " *.myshopify.com (no scheme, path or spaces), not " + SettingsSection.quote(glob));
            } else {
                globs.add(glob);
            }
        }
        return new CloudFrontSettings(globs);
    }
}
