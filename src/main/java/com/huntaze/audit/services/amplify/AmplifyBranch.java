package com.huntaze.audit.services.amplify;

import java.util.List;

/**
 * A branch of an Amplify app, from ListBranches (environment variable names only).
 *
 * @param stage          {@code PRODUCTION}, {@code BETA}, {@code DEVELOPMENT}, {@code EXPERIMENTAL} or
 *                       {@code PULL_REQUEST}
 * @param computeRoleArn the IAM role its server-side (SSR) runtime assumes, or null (it then uses the app's)
 */
public record AmplifyBranch(
        String name,
        String arn,
        String stage,
        String computeRoleArn,
        List<AmplifyVariable> environmentVariables) {

    public AmplifyBranch {
        environmentVariables = environmentVariables == null ? List.of() : List.copyOf(environmentVariables);
    }
}
