package com.huntaze.audit.cli;

import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;

/**
 * Region names: the known ones come from the SDK's partition metadata. The default region is read from
 * AWS_REGION, AWS_DEFAULT_REGION, then the profile's {@code region}; unlike the SDK's own chain, the instance
 * metadata service is not asked, so a machine without it never waits on a time-out.
 */
final class Regions {
    private Regions() {
    }

    private static final Set<String> KNOWN = Region.regions().stream()
            .filter(r -> !r.isGlobalRegion())
            .map(Region::id)
            .collect(Collectors.toUnmodifiableSet());

    /** The known region names, sorted: the completion candidates of {@code --region}. */
    static final class Candidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return KNOWN.stream().sorted().iterator();
        }
    }

    static boolean isKnown(String name) {
        return KNOWN.contains(name);
    }

    static String defaultRegion(String profile) {
        for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        String name = profile != null ? profile : System.getenv().getOrDefault("AWS_PROFILE", "default");
        return ProfileFile.defaultProfileFile().profile(name)
                .flatMap(p -> p.property(ProfileProperty.REGION))
                .orElse(null);
    }
}
