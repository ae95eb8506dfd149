package com.huntaze.audit.services.lambda;

import java.util.List;

/**
 * A Lambda function, from ListFunctions. Its environment variables' values are dropped by the collector (ListFunctions
 * returns them, and they hold secrets): only their names are kept. GetFunction is never called.
 *
 * @param runtime               e.g. {@code python3.12}; null for a container image
 * @param packageType           {@code Zip} or {@code Image}
 * @param deadLetterTargetArn   DeadLetterConfig.TargetArn (an SQS queue or an SNS topic); null without one
 * @param environmentVariables  the names of its environment variables, sorted (never their values)
 */
public record LambdaFunction(String name, String arn, String runtime, String packageType, String deadLetterTargetArn,
                             List<String> environmentVariables) {

    public LambdaFunction {
        environmentVariables = environmentVariables == null ? List.of() : List.copyOf(environmentVariables);
    }

    public boolean isImage() {
        return "Image".equals(packageType);
    }
}
