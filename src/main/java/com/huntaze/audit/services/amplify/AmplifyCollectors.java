package com.huntaze.audit.services.amplify;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.util.Masking;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.amplify.AmplifyClient;
import software.amazon.awssdk.services.amplify.AmplifyClientBuilder;
import software.amazon.awssdk.services.amplify.model.App;
import software.amazon.awssdk.services.amplify.model.Branch;

/**
 * Amplify (regional): ListApps (100 per page, its maximum), then ListBranches for each app (50 per page, its
 * maximum), fanned out. Both answers carry the environment variables with their values (and basic-auth credentials):
 * only the names are kept, with the masked key id when a value holds an access key id; the SDK's answer objects,
 * values and all, are dropped as soon as the records are built.
 */
final class AmplifyCollectors {
    private AmplifyCollectors() {
    }

    static final ServiceClient<AmplifyClient, AmplifyClientBuilder> AMPLIFY =
            ServiceClient.regional("amplify", AmplifyClient::builder);

    static final int APPS_PAGE_SIZE = 100;
    static final int BRANCHES_PAGE_SIZE = 50;

    /** An AWS access key id: long-term (AKIA) or temporary (ASIA). */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])");

    static final DatasetCollector<List<AmplifyApp>> APPS = new DatasetCollector<>() {
        @Override
        public Dataset<List<AmplifyApp>> dataset() {
            return AmplifyDatasets.APPS;
        }

        @Override
        public List<String> actions() {
            return List.of("amplify:ListApps", "amplify:ListBranches");
        }

        @Override
        public List<AmplifyApp> collect(CollectionContext context) {
            AmplifyClient amplify = context.client(AMPLIFY);
            List<App> apps = call("amplify:ListApps", () -> amplify
                    .listAppsPaginator(r -> r.maxResults(APPS_PAGE_SIZE)).apps().stream().toList());
            return context.forEach(apps, a -> app(a, call("amplify:ListBranches", () -> amplify
                    .listBranchesPaginator(r -> r.appId(a.appId()).maxResults(BRANCHES_PAGE_SIZE)).branches()
                    .stream().map(AmplifyCollectors::branch).toList())));
        }
    };

    private static AmplifyApp app(App app, List<AmplifyBranch> branches) {
        return new AmplifyApp(app.appId(), app.appArn(), app.name(), app.platformAsString(), app.defaultDomain(),
                app.iamServiceRoleArn(), app.computeRoleArn(), names(app.environmentVariables()), branches);
    }

    private static AmplifyBranch branch(Branch branch) {
        return new AmplifyBranch(branch.branchName(), branch.branchArn(), branch.stageAsString(),
                branch.computeRoleArn(), names(branch.environmentVariables()));
    }

    /** The variables' names, sorted, each with the masked key id its value holds, if any; never a value. */
    static List<AmplifyVariable> names(Map<String, String> variables) {
        return variables.entrySet().stream()
                .map(e -> new AmplifyVariable(e.getKey(), maskedKeyId(e.getValue())))
                .sorted(java.util.Comparator.comparing(AmplifyVariable::name))
                .toList();
    }

    static String maskedKeyId(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ACCESS_KEY_ID.matcher(value);
        return m.find() ? Masking.maskAccessKeyId(m.group()) : null;
    }
}
