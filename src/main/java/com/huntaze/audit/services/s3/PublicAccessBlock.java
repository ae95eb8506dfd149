package com.huntaze.audit.services.s3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four Block Public Access settings of the account (S3 Control GetPublicAccessBlock) or of a bucket (S3
 * GetPublicAccessBlock).
 *
 * @param configured false when there is no configuration at all (NoSuchPublicAccessBlockConfiguration): all four off
 */
public record PublicAccessBlock(boolean configured, boolean blockPublicAcls, boolean ignorePublicAcls,
                                boolean blockPublicPolicy, boolean restrictPublicBuckets) {

    /** No configuration: the answer NoSuchPublicAccessBlockConfiguration stands for. */
    public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false, false);

    /** The settings, by their API names, in the API's order. */
    public Map<String, Boolean> settings() {
        Map<String, Boolean> settings = new LinkedHashMap<>();
        settings.put("BlockPublicAcls", blockPublicAcls);
        settings.put("IgnorePublicAcls", ignorePublicAcls);
        settings.put("BlockPublicPolicy", blockPublicPolicy);
        settings.put("RestrictPublicBuckets", restrictPublicBuckets);
        return settings;
    }

    /** The names of the settings that are off, in the API's order. */
    public List<String> off() {
        List<String> off = new ArrayList<>();
        settings().forEach((name, on) -> {
            if (!on) {
                off.add(name);
            }
        });
        return off;
    }

    public boolean allOn() {
        return off().isEmpty();
    }

    /**
     * What applies to a bucket with this block under the account's: S3 applies the most restrictive combination,
     * so a setting is on when it is on at either level.
     */
    public PublicAccessBlock or(PublicAccessBlock other) {
        return new PublicAccessBlock(configured || other.configured, blockPublicAcls || other.blockPublicAcls,
                ignorePublicAcls || other.ignorePublicAcls, blockPublicPolicy || other.blockPublicPolicy,
                restrictPublicBuckets || other.restrictPublicBuckets);
    }
}
