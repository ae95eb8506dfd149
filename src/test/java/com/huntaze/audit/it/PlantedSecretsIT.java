package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.huntaze.audit.collection.AwsSession;
import com.huntaze.audit.collection.InventoryCollector;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.inventory.RegionInventory;
import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Values planted where the collectors' answers carry them (a secret's value; a task definition's container
 * environment, which DescribeTaskDefinition returns in clear; a Lambda function's environment, which ListFunctions
 * returns in clear) reach no collected record of any collector of the
 * catalog, and no output of a full audit, --debug included. Names may appear; values never.
 */
@ExtendWith(Moto.class)
class PlantedSecretsIT {

    private static final String SECRET_VALUE = "planted-secret-5b8e1d-value";
    private static final String ENV_VALUE = "planted-env-9c2f7a-password";
    /** 40 characters, the shape of a secret access key, in a Lambda function's environment (ListFunctions returns it). */
    private static final String LAMBDA_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTED40x";

    @Test
    void noCollectedRecordAndNoOutputHoldsAPlantedValue(MotoServer moto) throws Exception {
        try (SecretsManagerClient secrets = moto.configure(SecretsManagerClient.builder(), "us-east-1").build()) {
            secrets.createSecret(r -> r.name("prod/api-key").secretString(SECRET_VALUE));
        }
        try (EcsClient ecs = moto.configure(EcsClient.builder(), "us-east-1").build()) {
            ecs.createCluster(r -> r.clusterName("prod"));
            String taskDefinition = ecs.registerTaskDefinition(r -> r.family("api")
                    .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC)
                    .cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("api").image("nginx")
                            .environment(e -> e.name("DB_PASSWORD").value(ENV_VALUE))))
                    .taskDefinition().taskDefinitionArn();
            ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition(taskDefinition)
                    .desiredCount(1));
        }

        assertThat(LAMBDA_SECRET).hasSize(40);
        LambdaFunctions.create(moto, "us-east-1", "nightly-report", "python3.8",
                java.util.Map.of("AWS_SECRET_ACCESS_KEY", LAMBDA_SECRET));

        // Every dataset of every collector, as an audit of every check would read them.
        ServiceCatalog catalog = ServiceCatalog.current();
        Set<Dataset<?>> all = new LinkedHashSet<>(catalog.collectors().keySet());
        Inventory inventory;
        AwsSession.Settings settings = new AwsSession.Settings(null, moto.endpoint(), false, 2, Duration.ofSeconds(20));
        try (AwsSession aws = new AwsSession(settings, 8, catalog.actions())) {
            inventory = new InventoryCollector(catalog.collectors(), aws, 8, (done, total) -> { })
                    .collect("123456789012", List.of("us-east-1"), all);
        }
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        StringBuilder records = new StringBuilder();
        for (RegionInventory region : inventory.all()) {
            records.append(json.writeValueAsString(region.data().values()));
        }
        assertThat(records).as("what was read: the secret and the task definition are there")
                .contains("prod/api-key").contains("task-definition/api:1")
                .contains("nightly-report").contains("AWS_SECRET_ACCESS_KEY");
        assertThat(records).doesNotContain(SECRET_VALUE).doesNotContain(ENV_VALUE).doesNotContain(LAMBDA_SECRET);

        List<String> outputs = new ArrayList<>();
        for (String format : List.of("md", "json", "junit")) {
            CliRun run = CliRun.of("check", "--debug", "--endpoint-url", moto.endpoint().toString(),
                    "--region", "us-east-1", "--format", format);
            assertThat(run.exitCode()).as(run.toString()).isIn(0, 1);
            outputs.add(run.out());
            outputs.add(run.err());
        }
        String output = String.join("\n", outputs);
        assertThat(output).contains("prod/api-key").contains("prod/api").contains("nightly-report");
        assertThat(output).doesNotContain(SECRET_VALUE).doesNotContain(ENV_VALUE).doesNotContain(LAMBDA_SECRET);
    }
}
