package com.huntaze.audit.services.amplify;

import java.util.List;

/**
 * An Amplify app, from ListApps, with its branches from ListBranches. Environment variable values, basic-auth
 * credentials and build specs are not kept.
 *
 * @param appId             its id, e.g. {@code d1a2b3c4d5e6f7}
 * @param platform          {@code WEB} (static), {@code WEB_COMPUTE} (SSR, Amplify Hosting compute) or
 *                          {@code WEB_DYNAMIC} (the previous SSR platform)
 * @param defaultDomain     {@code APPID.amplifyapp.com}; a branch is served at {@code BRANCH.APPID.amplifyapp.com}
 * @param iamServiceRoleArn the role Amplify builds and deploys with (not the SSR runtime's), or null
 * @param computeRoleArn    the role the SSR runtime of every branch assumes, or null
 */
public record AmplifyApp(
        String appId,
        String arn,
        String name,
        String platform,
        String defaultDomain,
        String iamServiceRoleArn,
        String computeRoleArn,
        List<AmplifyVariable> environmentVariables,
        List<AmplifyBranch> branches) {

    public AmplifyApp {
        environmentVariables = environmentVariables == null ? List.of() : List.copyOf(environmentVariables);
        branches = branches == null ? List.of() : List.copyOf(branches);
    }

    /** Its default domain, lower case ({@code APPID.amplifyapp.com} when the answer has none). */
    public String domain() {
        return (defaultDomain == null || defaultDomain.isBlank() ? appId + ".amplifyapp.com" : defaultDomain)
                .toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The domain a branch is served at: {@code BRANCH.APPID.amplifyapp.com}, the branch name lower case with every
     * character other than a letter, digit or dash made a dash ({@code feature/login} is {@code feature-login}).
     */
    public String branchDomain(AmplifyBranch branch) {
        return branch.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "." + domain();
    }
}
