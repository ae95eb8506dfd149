package com.huntaze.audit.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": the nearest known names by edit distance, never a far-fetched one. */
class SuggestionsTest {

    private static final List<String> IDS = List.of("elasticache.multi-az", "elbv2.multi-az", "iam.user-mfa",
            "rds.multi-az", "rds.public-access");

    @Test
    void aTypoFindsTheIdItMissed() {
        assertThat(Suggestions.nearest("rds.mutli-az", IDS)).containsExactly("rds.multi-az");
        assertThat(Suggestions.nearest("IAM.USER-MFA", IDS)).as("case does not count").isEmpty();
        assertThat(Suggestions.nearest("iam.usr-mfa", IDS)).containsExactly("iam.user-mfa");
    }

    @Test
    void anIdWithoutItsServiceFindsEveryServicesCheckOfThatName() {
        assertThat(Suggestions.nearest("multi-az", IDS)).containsExactly("elasticache.multi-az", "elbv2.multi-az",
                "rds.multi-az");
    }

    @Test
    void nothingFarOffIsSuggested() {
        assertThat(Suggestions.nearest("s3.versioning", IDS)).isEmpty();
        assertThat(Suggestions.nearest("xyz", List.of("check", "render"))).isEmpty();
    }

    @Test
    void theHintIsOneClause() {
        assertThat(Suggestions.didYouMean(List.of())).isEmpty();
        assertThat(Suggestions.didYouMean(List.of("check"))).isEqualTo("; did you mean `check`?");
        assertThat(Suggestions.didYouMean(List.of("a", "b", "c"))).isEqualTo("; did you mean `a`, `b` or `c`?");
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
