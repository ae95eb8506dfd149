package com.huntaze.audit.services.amplify;

import java.util.ArrayList;
import java.util.List;

/** Amplify apps a test changes one part of: {@code app("d1", "web").branch("main", null, var("X")).build()}. */
final class AmplifyFixtures {
    private AmplifyFixtures() {
    }

    static final String SERVICE_ROLE = "arn:aws:iam::123456789012:role/amplify-build";
    static final String COMPUTE_ROLE = "arn:aws:iam::123456789012:role/web-ssr";

    /** A variable whose value holds nothing key-shaped. */
    static AmplifyVariable var(String name) {
        return new AmplifyVariable(name, null);
    }

    /** A variable whose value holds an access key id, kept masked. */
    static AmplifyVariable keyShaped(String name, String maskedKeyId) {
        return new AmplifyVariable(name, maskedKeyId);
    }

    /** A WEB_COMPUTE app with the build service role, no compute role, no variable and no branch. */
    static Builder app(String appId, String name) {
        return new Builder(appId, name);
    }

    static final class Builder {
        private final String appId;
        private final String name;
        private String platform = "WEB_COMPUTE";
        private String serviceRole = SERVICE_ROLE;
        private String computeRole;
        private final List<AmplifyVariable> variables = new ArrayList<>();
        private final List<AmplifyBranch> branches = new ArrayList<>();

        private Builder(String appId, String name) {
            this.appId = appId;
            this.name = name;
        }

        Builder platform(String value) { platform = value; return this; }
        Builder serviceRole(String value) { serviceRole = value; return this; }
        Builder computeRole(String value) { computeRole = value; return this; }
        Builder variables(AmplifyVariable... values) { variables.addAll(List.of(values)); return this; }
        Builder branch(String branchName, String branchComputeRole, AmplifyVariable... values) {
            branches.add(new AmplifyBranch(branchName, arn() + "/branches/" + branchName, "PRODUCTION",
                    branchComputeRole, List.of(values)));
            return this;
        }

        private String arn() {
            return "arn:aws:amplify:us-east-1:123456789012:apps/" + appId;
        }

        AmplifyApp build() {
            return new AmplifyApp(appId, arn(), name, platform, appId + ".amplifyapp.com", serviceRole, computeRole,
                    variables, branches);
        }
    }
}
