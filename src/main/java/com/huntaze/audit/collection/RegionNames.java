package com.huntaze.audit.collection;

import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;

/** The region names the SDK's partition metadata knows, for validating names outside the CLI (the config file). */
public final class RegionNames {
    private RegionNames() {
    }

    private static final Set<String> KNOWN = Region.regions().stream()
            .filter(r -> !r.isGlobalRegion())
            .map(Region::id)
            .collect(Collectors.toUnmodifiableSet());

    public static boolean isKnown(String name) {
        return KNOWN.contains(name);
    }
}
