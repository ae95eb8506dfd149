package com.huntaze.audit.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3VersioningCheckTest {

    private static CheckHarness audit(BucketVersioning... buckets) {
        return CheckHarness.of(new S3VersioningCheck()).with(S3Datasets.BUCKET_VERSIONING, List.of(buckets));
    }

    @Test
    void enabledIsOkNeverEnabledAndSuspendedAreNok() {
        var audit = audit(new BucketVersioning("assets", "us-east-1", "Enabled", "Disabled"),
                new BucketVersioning("uploads", "eu-west-1", null, null),
                new BucketVersioning("backups", "ap-southeast-2", "Suspended", null));

        var assets = audit.finding("assets");
        assertThat(assets.status()).isEqualTo(Status.OK);
        assertThat(assets.evidence()).containsEntry("Status", "Enabled").containsEntry("MFADelete", "Disabled");
        assertThat(assets.remediation()).isEmpty();

        var uploads = audit.finding("uploads");
        assertThat(uploads.status()).isEqualTo(Status.NOK);
        assertThat(uploads.message()).isEqualTo("Versioning was never enabled: an overwrite or delete cannot be undone.");
        assertThat(uploads.evidence()).containsEntry("Status", "never enabled").doesNotContainKey("MFADelete");
        assertThat(uploads.region()).isEqualTo("eu-west-1");
        assertThat(uploads.resourceArn()).isEqualTo("arn:aws:s3:::uploads");
        assertThat(audit.fixCommands(uploads)).singleElement().asString()
                .startsWith("aws s3api put-bucket-versioning --bucket uploads ");

        var backups = audit.finding("backups");
        assertThat(backups.status()).isEqualTo(Status.NOK);
        assertThat(backups.message()).startsWith("Versioning is suspended").contains("cannot be undone");
        assertThat(backups.region()).isEqualTo("ap-southeast-2");
    }

    @Test
    void anEmptyStatusFromTheApiIsNeverEnabled() {
        var audit = audit(new BucketVersioning("fresh", "us-east-1", "", null));

        assertThat(audit.finding("fresh").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("fresh").evidence()).containsEntry("Status", "never enabled");
    }

    @Test
    void noBucketsMeansNoFindings() {
        assertThat(audit().findings()).isEmpty();
    }

    @Test
    void deniedGetBucketVersioningIsOneTodo() {
        var audit = CheckHarness.of(new S3VersioningCheck()).failing("global", S3Datasets.BUCKET_VERSIONING,
                new CollectionFailure("s3:GetBucketVersioning", CollectionFailure.Kind.ACCESS_DENIED, "AccessDenied",
                        "Access Denied"));

        assertThat(audit.findings()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.TODO);
            assertThat(f.message()).contains("s3:GetBucketVersioning");
        });
    }
}
