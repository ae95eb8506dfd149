package com.huntaze.audit.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3PublicAccessBlockCheckTest {

    static final PublicAccessBlock ALL_ON = new PublicAccessBlock(true, true, true, true, true);

    /** ACLs blocked and ignored, policies not: the usual half-done configuration. */
    static final PublicAccessBlock ACLS_ONLY = new PublicAccessBlock(true, true, true, false, false);

    private static CheckHarness audit(PublicAccessBlock account, BucketPublicAccessBlock... buckets) {
        return CheckHarness.of(new S3PublicAccessBlockCheck())
                .with(S3Datasets.ACCOUNT_PUBLIC_ACCESS_BLOCK, account)
                .with(S3Datasets.BUCKET_PUBLIC_ACCESS_BLOCKS, List.of(buckets));
    }

    private static BucketPublicAccessBlock bucket(String name, String region, PublicAccessBlock block) {
        return new BucketPublicAccessBlock(name, region, block);
    }

    @Test
    void accountWithoutAnyConfigurationIsOneNokNamingAllFourSettings() {
        var audit = audit(PublicAccessBlock.NONE);

        var account = audit.finding("");
        assertThat(account.status()).isEqualTo(Status.NOK);
        assertThat(account.region()).isEqualTo("global");
        assertThat(account.resourceType()).isEqualTo("AWS::::Account");
        assertThat(account.resourceArn()).isNull();
        assertThat(account.message()).contains("BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy,"
                + " RestrictPublicBuckets");
        assertThat(account.evidence()).containsEntry("BlockPublicAcls", false)
                .containsEntry("Configuration", "none (NoSuchPublicAccessBlockConfiguration): all four off");
        assertThat(audit.fixCommands(account)).singleElement().asString()
                .startsWith("aws s3control put-public-access-block --account-id 123456789012 ");
    }

    @Test
    void accountWithAllFourOnIsOkAndCoversBucketsItsCollectorDidNotAsk() {
        var audit = audit(ALL_ON, bucket("assets", "eu-west-1", null));

        assertThat(audit.finding("").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("").evidence()).doesNotContainKey("Configuration");
        var assets = audit.finding("assets");
        assertThat(assets.status()).isEqualTo(Status.OK);
        assertThat(assets.message()).contains("account-level");
        assertThat(assets.region()).isEqualTo("eu-west-1");
        assertThat(assets.resourceArn()).isEqualTo("arn:aws:s3:::assets");
    }

    @Test
    void withTheAccountOffABucketIsJudgedOnItsOwnBlock() {
        var audit = audit(PublicAccessBlock.NONE,
                bucket("private", "us-east-1", ALL_ON),
                bucket("newsletter-images", "us-east-1", ACLS_ONLY),
                bucket("legacy", "ap-southeast-2", PublicAccessBlock.NONE));

        assertThat(audit.finding("private").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("private").message()).contains("on for this bucket");

        var half = audit.finding("newsletter-images");
        assertThat(half.status()).isEqualTo(Status.NOK);
        assertThat(half.message()).startsWith("Block Public Access is off for BlockPublicPolicy, RestrictPublicBuckets");
        assertThat(half.evidence()).containsEntry("Off", List.of("BlockPublicPolicy", "RestrictPublicBuckets"))
                .containsEntry("AccountLevel", "none");

        var legacy = audit.finding("legacy");
        assertThat(legacy.status()).isEqualTo(Status.NOK);
        assertThat(legacy.region()).as("a bucket outside the audited regions keeps its own").isEqualTo("ap-southeast-2");
        assertThat(legacy.evidence()).containsEntry("BucketLevel", "none");
    }

    @Test
    void theBucketsAndTheAccountsSettingsCombineSettingBySetting() {
        // S3 applies the most restrictive combination: ACLs from the account, policies from the bucket.
        var account = new PublicAccessBlock(true, true, true, false, false);
        var bucketBlock = new PublicAccessBlock(true, false, false, true, true);

        var audit = audit(account, bucket("combined", "us-east-1", bucketBlock),
                bucket("acls-only", "us-east-1", PublicAccessBlock.NONE));

        assertThat(audit.finding("").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("combined").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("combined").message()).contains("together");
        assertThat(audit.finding("acls-only").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("acls-only").evidence().get("AccountLevel"))
                .isEqualTo(Map.of("BlockPublicAcls", true, "IgnorePublicAcls", true, "BlockPublicPolicy", false,
                        "RestrictPublicBuckets", false));
    }

    @Test
    void noBucketsStillJudgesTheAccount() {
        assertThat(audit(ALL_ON).findings()).hasSize(1);
    }

    @Test
    void deniedAccountLevelReadIsOneTodoNamingTheAction() {
        var denied = new CollectionFailure("s3:GetAccountPublicAccessBlock", CollectionFailure.Kind.ACCESS_DENIED,
                "AccessDenied", "Access Denied");
        var audit = CheckHarness.of(new S3PublicAccessBlockCheck())
                .failing("global", S3Datasets.ACCOUNT_PUBLIC_ACCESS_BLOCK, denied)
                .with(S3Datasets.BUCKET_PUBLIC_ACCESS_BLOCKS, List.of(bucket("assets", "us-east-1", ALL_ON)));

        var todo = audit.findingIn("global").orElseThrow();
        assertThat(audit.findings()).hasSize(1);
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).contains("s3:GetAccountPublicAccessBlock").contains("access denied");
    }
}
