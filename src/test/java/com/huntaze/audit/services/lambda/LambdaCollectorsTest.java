package com.huntaze.audit.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

class LambdaCollectorsTest {

    @Test
    void aFunctionKeepsItsVariableNamesAndNeverTheirValues() {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTED40x";
        var function = LambdaCollectors.function(FunctionConfiguration.builder().functionName("cron")
                .functionArn("arn:aws:lambda:us-east-1:123456789012:function:cron").runtime("python3.8")
                .packageType("Zip").deadLetterConfig(d -> d.targetArn("arn:aws:sqs:us-east-1:123456789012:dlq"))
                .environment(e -> e.variables(Map.of("AWS_SECRET_ACCESS_KEY", secret, "TABLE", "orders"))).build());

        assertThat(function.environmentVariables()).containsExactly("AWS_SECRET_ACCESS_KEY", "TABLE");
        assertThat(function.toString()).doesNotContain(secret).doesNotContain("orders");
        assertThat(function.deadLetterTargetArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:dlq");
        assertThat(function.runtime()).isEqualTo("python3.8");
    }

    @Test
    void aFunctionArnGivesItsNameWithOrWithoutQualifier() {
        assertThat(AsynchronousCallers.functionName("arn:aws:lambda:us-east-1:1:function:cron")).isEqualTo("cron");
        assertThat(AsynchronousCallers.functionName("arn:aws:lambda:us-east-1:1:function:cron:live")).isEqualTo("cron");
        assertThat(AsynchronousCallers.functionName("arn:aws:sqs:us-east-1:1:queue")).isNull();
        assertThat(AsynchronousCallers.functionName(null)).isNull();
    }
}
