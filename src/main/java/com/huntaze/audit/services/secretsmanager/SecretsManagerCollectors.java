package com.huntaze.audit.services.secretsmanager;

import com.huntaze.audit.collection.ServiceClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Secrets Manager: ListSecrets (100 per page, its maximum). Its entries carry rotation, last access and creation
 * dates, so no DescribeSecret per secret is needed; the secret values are never read.
 */
final class SecretsManagerCollectors {
    private SecretsManagerCollectors() {
    }

    static final ServiceClient<SecretsManagerClient, SecretsManagerClientBuilder> SECRETS_MANAGER =
            ServiceClient.regional("secretsmanager", SecretsManagerClient::builder);

    static final int MAX_RESULTS = 100;

    static final DatasetCollector<List<Secret>> SECRETS = new DatasetCollector<>() {
        @Override
        public Dataset<List<Secret>> dataset() {
            return SecretsManagerDatasets.SECRETS;
        }

        @Override
        public List<String> actions() {
            return List.of("secretsmanager:ListSecrets");
        }

        @Override
        public List<Secret> collect(CollectionContext context) {
            return call("secretsmanager:ListSecrets", () -> context.client(SECRETS_MANAGER)
                    .listSecretsPaginator(r -> r.maxResults(MAX_RESULTS)).stream()
                    .flatMap(page -> page.secretList().stream())
                    .map(s -> new Secret(
                            s.name(),
                            s.arn(),
                            Boolean.TRUE.equals(s.rotationEnabled()),
                            s.rotationRules() == null || s.rotationRules().automaticallyAfterDays() == null
                                    ? null : s.rotationRules().automaticallyAfterDays().intValue(),
                            s.lastRotatedDate(),
                            s.lastAccessedDate(),
                            s.createdDate(),
                            s.owningService()))
                    .toList());
        }
    };
}
