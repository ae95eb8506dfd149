package com.huntaze.audit.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The guard of a client whose SDK operations are authorised by IAM actions of other names (S3: ListBuckets is
 * s3:ListAllMyBuckets) allows, counts and names them by the IAM action, and a table can never turn a write into a
 * read.
 */
class RenamedIamActionsTest {

    private final CallCounter counter = new CallCounter();

    private void call(ReadOnlyGuard guard, String operation) {
        ExecutionAttributes attributes = new ExecutionAttributes();
        attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
        guard.beforeExecution(null, attributes);
    }

    @Test
    void aRenamedReadIsAllowedAndCountedByItsIamAction() {
        var guard = new ReadOnlyGuard("s3", Map.of("ListBuckets", "s3:ListAllMyBuckets"),
                Set.of("s3:ListAllMyBuckets", "s3:GetBucketVersioning"), counter);

        call(guard, "ListBuckets");
        call(guard, "GetBucketVersioning");

        assertThat(counter.snapshot()).isEqualTo(Map.of("s3:ListAllMyBuckets", 1L, "s3:GetBucketVersioning", 1L));
    }

    @Test
    void theSdkNameOfARenamedOperationIsNotWhatIsAllowed() {
        var guard = new ReadOnlyGuard("s3", Map.of("ListBuckets", "s3:ListAllMyBuckets"), Set.of("s3:ListBuckets"),
                counter);

        assertThatThrownBy(() -> call(guard, "ListBuckets")).hasMessageContaining("s3:ListAllMyBuckets");
        assertThat(counter.snapshot()).isEmpty();
    }

    @Test
    void aWriteMappedOntoAnAllowedReadIsStillRefused() {
        var guard = new ReadOnlyGuard("s3", Map.of("PutBucketVersioning", "s3:GetBucketVersioning"),
                Set.of("s3:GetBucketVersioning"), counter);

        assertThatThrownBy(() -> call(guard, "PutBucketVersioning")).isInstanceOf(ReadOnlyViolationException.class);
        assertThat(counter.snapshot()).isEmpty();
    }
}
