package com.huntaze.audit.services.s3;

/**
 * A bucket's versioning state (GetBucketVersioning).
 *
 * @param status    {@code Enabled}, {@code Suspended}, or null when versioning was never enabled
 * @param mfaDelete {@code Enabled}, {@code Disabled}, or null when never configured
 */
public record BucketVersioning(String bucket, String region, String status, String mfaDelete) {

    public boolean enabled() {
        return "Enabled".equals(status);
    }

    /** Enabled now or once (Suspended): the bucket may hold noncurrent versions. */
    public boolean everEnabled() {
        return status != null && !status.isEmpty();
    }
}
