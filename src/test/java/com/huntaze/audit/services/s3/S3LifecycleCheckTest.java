package com.huntaze.audit.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.services.s3.BucketLifecycle.LifecycleRule;
import com.huntaze.audit.testing.CheckHarness;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3LifecycleCheckTest {

    static LifecycleRule noncurrent(String id, int days) {
        return new LifecycleRule(id, true, "whole bucket", days, null);
    }

    static LifecycleRule abort(String id, int days) {
        return new LifecycleRule(id, true, "whole bucket", null, days);
    }

    private static BucketLifecycle lifecycle(String bucket, LifecycleRule... rules) {
        return new BucketLifecycle(bucket, "us-east-1", Arrays.asList(rules));
    }

    private static BucketVersioning versioning(String bucket, String status) {
        return new BucketVersioning(bucket, "us-east-1", status, null);
    }

    private static CheckHarness audit(List<BucketLifecycle> lifecycles, BucketVersioning... versioning) {
        return CheckHarness.of(new S3LifecycleCheck())
                .with(S3Datasets.BUCKET_LIFECYCLE, lifecycles)
                .with(S3Datasets.BUCKET_VERSIONING, List.of(versioning));
    }

    @Test
    void versionedBucketWithBothRulesIsOk() {
        var audit = audit(List.of(lifecycle("assets", noncurrent("old-versions", 30), abort("uploads", 7))),
                versioning("assets", "Enabled"));

        var assets = audit.finding("assets");
        assertThat(assets.status()).isEqualTo(Status.OK);
        assertThat(assets.message()).isEqualTo("Noncurrent versions expire after 30 days and incomplete multipart"
                + " uploads are aborted after 7 days.");
        assertThat(assets.evidence()).containsEntry("NoncurrentVersionExpiration",
                "rule \"old-versions\" (whole bucket): 30 days").doesNotContainKey("Savings");
    }

    @Test
    void versionedBucketWithoutNoncurrentExpirationIsNokNamingIt() {
        var audit = audit(List.of(lifecycle("uploads", abort("abort", 3))), versioning("uploads", "Enabled"));

        var uploads = audit.finding("uploads");
        assertThat(uploads.status()).isEqualTo(Status.NOK);
        assertThat(uploads.message()).startsWith("No rule expires noncurrent versions").doesNotContain("multipart");
        assertThat(uploads.estimatedMonthlySavingsUsd()).isZero();
        assertThat(uploads.evidence()).containsEntry("NoncurrentVersionExpiration", "none")
                .containsEntry("Savings", "stored bytes not read: savings not estimated");
    }

    @Test
    void bucketWithoutAnyConfigurationMissesBothForAVersionedOneAndOnlyTheAbortOtherwise() {
        var audit = audit(List.of(lifecycle("versioned"), lifecycle("plain")),
                versioning("versioned", "Enabled"), versioning("plain", null));

        var versioned = audit.finding("versioned");
        assertThat(versioned.status()).isEqualTo(Status.NOK);
        assertThat(versioned.message()).contains("noncurrent versions").contains("incomplete multipart uploads");
        var plain = audit.finding("plain");
        assertThat(plain.status()).isEqualTo(Status.NOK);
        assertThat(plain.message()).startsWith("No rule aborts incomplete multipart uploads")
                .doesNotContain("noncurrent");
        assertThat(plain.evidence()).containsEntry("Versioning", "never enabled")
                .doesNotContainKey("NoncurrentVersionExpiration");
    }

    @Test
    void unversionedBucketThatAbortsUploadsIsOk() {
        var audit = audit(List.of(lifecycle("logs", abort("abort", 1))), versioning("logs", null));

        assertThat(audit.finding("logs").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("logs").message()).contains("after 1 day").contains("not versioned");
    }

    @Test
    void suspendedBucketStillNeedsItsNoncurrentVersionsExpired() {
        var audit = audit(List.of(lifecycle("backups", abort("abort", 7))), versioning("backups", "Suspended"));

        assertThat(audit.finding("backups").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("backups").message()).contains("noncurrent versions");
    }

    @Test
    void aDisabledRuleDoesNotCountAndARuleOfAnyScopeDoes() {
        var disabled = new LifecycleRule("paused", false, "whole bucket", 30, 7);
        var scoped = new LifecycleRule("state", true, "prefix env/", 90, 1);

        var audit = audit(List.of(lifecycle("paused-bucket", disabled), lifecycle("state-bucket", scoped)),
                versioning("paused-bucket", "Enabled"), versioning("state-bucket", "Enabled"));

        assertThat(audit.finding("paused-bucket").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("paused-bucket").evidence()).containsEntry("EnabledRules", 0);
        assertThat(audit.finding("state-bucket").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("state-bucket").evidence()).containsEntry("AbortIncompleteMultipartUpload",
                "rule \"state\" (prefix env/): 1 day");
    }

    @Test
    void findingsCarryTheBucketsRegionAndABucketGoneBetweenTheTwoCallsIsNotJudged() {
        var audit = audit(List.of(new BucketLifecycle("sydney", "ap-southeast-2", List.of()), lifecycle("gone")),
                new BucketVersioning("sydney", "ap-southeast-2", null, null));

        assertThat(audit.findings()).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo("sydney");
            assertThat(f.region()).isEqualTo("ap-southeast-2");
        });
    }
}
