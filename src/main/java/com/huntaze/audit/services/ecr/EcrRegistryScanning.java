package com.huntaze.audit.services.ecr;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A region's registry scanning configuration, from GetRegistryScanningConfiguration.
 *
 * @param registryId the registry's (the account's) id
 * @param scanType   {@code BASIC} or {@code ENHANCED} (Amazon Inspector); ENHANCED ignores each repository's own
 *                   scanOnPush setting: only its rules decide what is scanned
 * @param rules      the registry's scanning rules, in the order AWS lists them
 */
public record EcrRegistryScanning(String registryId, String scanType, List<Rule> rules) {

    public EcrRegistryScanning {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public boolean enhanced() {
        return "ENHANCED".equals(scanType);
    }

    /**
     * One scanning rule.
     *
     * @param scanFrequency     {@code SCAN_ON_PUSH}, {@code CONTINUOUS_SCAN} (ENHANCED only: on push, then whenever a
     *                          new vulnerability is published) or {@code MANUAL}
     * @param repositoryFilters the repository name filters it applies to (WILDCARD filters, {@code *} any run of
     *                          characters)
     */
    public record Rule(String scanFrequency, List<String> repositoryFilters) {

        public Rule {
            repositoryFilters = repositoryFilters == null ? List.of() : List.copyOf(repositoryFilters);
        }

        /** Whether images pushed to a repository it covers are scanned: SCAN_ON_PUSH or CONTINUOUS_SCAN. */
        public boolean scansOnPush() {
            return "SCAN_ON_PUSH".equals(scanFrequency) || "CONTINUOUS_SCAN".equals(scanFrequency);
        }

        /** The first of its filters that matches {@code repository}, or null. */
        public String filterMatching(String repository) {
            for (String filter : repositoryFilters) {
                if (wildcard(filter).matcher(repository).matches()) {
                    return filter;
                }
            }
            return null;
        }

        /** Whether it covers every repository (a {@code *} filter). */
        public boolean coversEveryRepository() {
            return repositoryFilters.contains("*");
        }

        /** A WILDCARD filter as a pattern: {@code *} is any run of characters, everything else literal. */
        private static Pattern wildcard(String filter) {
            return Pattern.compile(Arrays.stream(filter.split("\\*", -1)).map(Pattern::quote)
                    .collect(Collectors.joining(".*")));
        }
    }
}
