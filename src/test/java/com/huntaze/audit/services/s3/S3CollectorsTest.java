package com.huntaze.audit.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.Tag;

/** What the S3 collectors make of GetBucketLocation's and GetBucketLifecycleConfiguration's answers. */
class S3CollectorsTest {

    @Test
    void aBucketsRegionIsItsLocationConstraintWithAwssTwoSpecialCases() {
        assertThat(S3Collectors.regionOf(null)).as("no constraint: us-east-1").isEqualTo("us-east-1");
        assertThat(S3Collectors.regionOf("")).isEqualTo("us-east-1");
        assertThat(S3Collectors.regionOf("EU")).as("the old name of eu-west-1").isEqualTo("eu-west-1");
        assertThat(S3Collectors.regionOf("ap-southeast-2")).isEqualTo("ap-southeast-2");
    }

    @Test
    void aRulesScopeSaysWhatItAppliesTo() {
        assertThat(S3Collectors.scope(LifecycleRule.builder().filter(LifecycleRuleFilter.builder().build()).build()))
                .isEqualTo("whole bucket");
        assertThat(S3Collectors.scope(LifecycleRule.builder().build())).isEqualTo("whole bucket");
        assertThat(S3Collectors.scope(LifecycleRule.builder().prefix("logs/").build())).isEqualTo("prefix logs/");
        assertThat(S3Collectors.scope(LifecycleRule.builder().filter(f -> f.prefix("tmp/")).build()))
                .isEqualTo("prefix tmp/");
        assertThat(S3Collectors.scope(LifecycleRule.builder().filter(f -> f.tag(Tag.builder().key("env")
                .value("dev").build())).build())).isEqualTo("tag env=dev");
        assertThat(S3Collectors.scope(LifecycleRule.builder().filter(f -> f.and(LifecycleRuleAndOperator.builder()
                .prefix("raw/").tags(Tag.builder().key("kind").value("video").build()).objectSizeGreaterThan(1024L)
                .build())).build())).isEqualTo("prefix raw/, tag kind=video, objects over 1024 bytes");
    }
}
