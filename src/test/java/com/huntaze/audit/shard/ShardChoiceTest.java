package com.huntaze.audit.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --shard K/N} as written, and {@code --shard auto} from each job engine's variables. */
class ShardChoiceTest {

    private static ShardChoice auto(Map<String, String> environment) {
        return ShardChoice.parse("auto", environment);
    }

    @Test
    void kOfNIsZeroBasedWithNFromOneToAThousand() {
        assertThat(ShardChoice.parse("0/1", Map.of())).isEqualTo(new ShardChoice(0, 1));
        assertThat(ShardChoice.parse("7/8", Map.of())).isEqualTo(new ShardChoice(7, 8));
        assertThat(ShardChoice.parse("999/1000", Map.of())).isEqualTo(new ShardChoice(999, 1000));

        assertThatThrownBy(() -> ShardChoice.parse("8/8", Map.of())).hasMessage(
                "--shard '8/8': the shard index K is 0-based and must be below N=8, not 8");
        assertThatThrownBy(() -> ShardChoice.parse("0/0", Map.of())).hasMessageContaining("from 1 to 1000, not 0");
        assertThatThrownBy(() -> ShardChoice.parse("0/1001", Map.of())).hasMessageContaining("from 1 to 1000, not 1001");
        assertThatThrownBy(() -> ShardChoice.parse("1-3", Map.of())).hasMessage(
                "--shard '1-3': expected K/N (0 <= K < N, N from 1 to 1000) or auto");
        assertThatThrownBy(() -> ShardChoice.parse("-1/3", Map.of())).hasMessageContaining("expected K/N");
    }

    @Test
    void aKubernetesIndexedJobGivesTheIndexAndTheJobTemplateTheCount() {
        assertThat(auto(Map.of("JOB_COMPLETION_INDEX", "2", "HUNTAZE_AUDIT_SHARDS", "8")))
                .isEqualTo(new ShardChoice(2, 8));

        assertThatThrownBy(() -> auto(Map.of("JOB_COMPLETION_INDEX", "2"))).hasMessage("--shard auto:"
                + " JOB_COMPLETION_INDEX is set but HUNTAZE_AUDIT_SHARDS is not (Kubernetes Indexed Job): set both,"
                + " HUNTAZE_AUDIT_SHARDS to the Job's completions");
    }

    @Test
    void anAwsBatchArrayJobGivesBoth() {
        assertThat(auto(Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "0", "AWS_BATCH_JOB_ARRAY_SIZE", "50")))
                .isEqualTo(new ShardChoice(0, 50));

        assertThatThrownBy(() -> auto(Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "50", "AWS_BATCH_JOB_ARRAY_SIZE", "50")))
                .hasMessage("--shard auto: AWS_BATCH_JOB_ARRAY_INDEX='50' and AWS_BATCH_JOB_ARRAY_SIZE='50': the"
                        + " shard index K is 0-based and must be below N=50, not 50");
    }

    @Test
    void aGithubMatrixSetsHuntazeAuditShard() {
        assertThat(auto(Map.of("HUNTAZE_AUDIT_SHARD", "1/3"))).isEqualTo(new ShardChoice(1, 3));

        assertThatThrownBy(() -> auto(Map.of("HUNTAZE_AUDIT_SHARD", "1"))).hasMessage(
                "--shard auto: HUNTAZE_AUDIT_SHARD='1': expected K/N (0 <= K < N, N from 1 to 1000) or auto");
    }

    @Test
    void noEngineSetIsAnErrorNamingEveryVariable() {
        assertThatThrownBy(() -> auto(Map.of("PATH", "/usr/bin"))).hasMessage("--shard auto: no job engine's"
                + " variables are set: expected JOB_COMPLETION_INDEX with HUNTAZE_AUDIT_SHARDS (Kubernetes Indexed"
                + " Job), AWS_BATCH_JOB_ARRAY_INDEX with AWS_BATCH_JOB_ARRAY_SIZE (AWS Batch array job) or"
                + " HUNTAZE_AUDIT_SHARD=K/N (e.g. a GitHub Actions matrix)");
    }

    @Test
    void enginesThatAgreeAreOneAnswerAndEnginesThatDisagreeAreAnError() {
        assertThat(auto(Map.of("JOB_COMPLETION_INDEX", "1", "HUNTAZE_AUDIT_SHARDS", "3", "HUNTAZE_AUDIT_SHARD",
                "1/3"))).isEqualTo(new ShardChoice(1, 3));

        assertThatThrownBy(() -> auto(Map.of("JOB_COMPLETION_INDEX", "1", "HUNTAZE_AUDIT_SHARDS", "3",
                "HUNTAZE_AUDIT_SHARD", "2/3"))).hasMessage("--shard auto: the job engines' variables disagree:"
                + " JOB_COMPLETION_INDEX and HUNTAZE_AUDIT_SHARDS say 1/3, HUNTAZE_AUDIT_SHARD say 2/3");
    }

    @Test
    void theShardTakesItsPartOfTheList() {
        assertThat(new ShardChoice(1, 2).select(java.util.List.of("333333333333", "111111111111", "222222222222")))
                .containsExactly("222222222222");
    }
}
