package com.huntaze.audit.services.iam;

import com.huntaze.audit.collection.AwsSession;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.util.Masking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;

/**
 * IAM (global: collected once per audit): GetAccountSummary; ListUsers (1000 per page, its maximum) with
 * GetLoginProfile and ListMFADevices per user; ListAccessKeys per user and GetAccessKeyLastUsed per key.
 */
final class IamCollectors {
    private IamCollectors() {
    }

    static final ServiceClient<IamClient, IamClientBuilder> IAM =
            ServiceClient.inRegion("iam", AwsSession.GLOBAL_CLIENT_REGION, IamClient::builder);

    static final int MAX_ITEMS = 1000;

    /** GetAccessKeyLastUsed answers "N/A" for the service and region of a key that was never used. */
    private static final String NOT_APPLICABLE = "N/A";

    static final DatasetCollector<IamAccountSummary> ACCOUNT_SUMMARY = new DatasetCollector<>() {
        @Override
        public Dataset<IamAccountSummary> dataset() {
            return IamDatasets.ACCOUNT_SUMMARY;
        }

        @Override
        public List<String> actions() {
            return List.of("iam:GetAccountSummary");
        }

        @Override
        public IamAccountSummary collect(CollectionContext context) {
            Map<String, Integer> summary = call("iam:GetAccountSummary",
                    () -> context.client(IAM).getAccountSummary().summaryMapAsStrings());
            return new IamAccountSummary(summary.getOrDefault("AccountMFAEnabled", 0),
                    summary.getOrDefault("AccountAccessKeysPresent", 0));
        }
    };

    static final DatasetCollector<List<IamUser>> USERS = new DatasetCollector<>() {
        @Override
        public Dataset<List<IamUser>> dataset() {
            return IamDatasets.USERS;
        }

        @Override
        public List<String> actions() {
            return List.of("iam:ListUsers", "iam:GetLoginProfile", "iam:ListMFADevices");
        }

        @Override
        public List<IamUser> collect(CollectionContext context) {
            IamClient iam = context.client(IAM);
            List<User> users = call("iam:ListUsers", () ->
                    iam.listUsersPaginator(r -> r.maxItems(MAX_ITEMS)).users().stream().toList());
            // Both per-user calls of all users in one fan-out, not one after the other per user: one round trip
            // less on the way to the access keys, which wait for this dataset.
            record Question(User user, boolean loginProfile) {
            }
            List<Question> questions = new ArrayList<>(2 * users.size());
            for (User u : users) {
                questions.add(new Question(u, true));
                questions.add(new Question(u, false));
            }
            List<Object> answers = context.forEach(questions, q -> q.loginProfile()
                    ? (Object) hasConsolePassword(iam, q.user().userName())
                    : (Object) mfaDevices(iam, q.user().userName()));
            List<IamUser> collected = new ArrayList<>(users.size());
            for (int i = 0; i < users.size(); i++) {
                User u = users.get(i);
                collected.add(new IamUser(u.userName(), u.arn(), u.createDate(), u.passwordLastUsed(),
                        (Boolean) answers.get(2 * i), (Integer) answers.get(2 * i + 1)));
            }
            return collected;
        }
    };

    private static boolean hasConsolePassword(IamClient iam, String userName) {
        return call("iam:GetLoginProfile", () -> {
            try {
                iam.getLoginProfile(r -> r.userName(userName));
                return true;
            } catch (NoSuchEntityException noLoginProfile) {
                // The documented answer for a user without a console password: not a failure.
                return false;
            }
        });
    }

    private static int mfaDevices(IamClient iam, String userName) {
        return call("iam:ListMFADevices", () -> (int) iam
                .listMFADevicesPaginator(r -> r.userName(userName).maxItems(MAX_ITEMS)).mfaDevices().stream().count());
    }

    static final DatasetCollector<List<IamAccessKey>> ACCESS_KEYS = new DatasetCollector<>() {
        @Override
        public Dataset<List<IamAccessKey>> dataset() {
            return IamDatasets.ACCESS_KEYS;
        }

        @Override
        public List<String> actions() {
            return List.of("iam:GetAccessKeyLastUsed", "iam:ListAccessKeys");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(IamDatasets.USERS);
        }

        @Override
        public List<IamAccessKey> collect(CollectionContext context) {
            IamClient iam = context.client(IAM);
            List<IamUser> users = context.dependency(IamDatasets.USERS);
            Map<String, String> arnByUser = users.stream()
                    .collect(Collectors.toMap(IamUser::name, IamUser::arn, (a, b) -> a));
            // Two rounds rather than nested fan-outs: a fan-out task waiting on fan-out tasks could starve the pool.
            List<AccessKeyMetadata> keys = context.forEach(users, u -> call("iam:ListAccessKeys", () -> iam
                            .listAccessKeysPaginator(r -> r.userName(u.name()).maxItems(MAX_ITEMS))
                            .accessKeyMetadata().stream().toList()))
                    .stream().flatMap(List::stream).toList();
            return context.forEach(keys, k -> {
                AccessKeyLastUsed lastUsed = call("iam:GetAccessKeyLastUsed",
                        () -> iam.getAccessKeyLastUsed(r -> r.accessKeyId(k.accessKeyId())).accessKeyLastUsed());
                return new IamAccessKey(k.userName(), arnByUser.get(k.userName()),
                        Masking.maskAccessKeyId(k.accessKeyId()), k.statusAsString(), k.createDate(),
                        lastUsed == null ? null : lastUsed.lastUsedDate(),
                        lastUsed == null ? null : applicable(lastUsed.serviceName()),
                        lastUsed == null ? null : applicable(lastUsed.region()));
            });
        }
    };

    private static String applicable(String value) {
        return value == null || NOT_APPLICABLE.equals(value) ? null : value;
    }
}
