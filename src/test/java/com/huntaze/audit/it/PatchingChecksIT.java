package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.ReportFindings;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The patching checks (ecr.scan-on-push, ecr.image-findings, rds.engine-support, rds.pending-maintenance,
 * elasticache.engine-support) against moto in us-east-1. moto keeps ECR repositories, images and the registry's
 * scanning configuration, answers ScanNotFoundException for an image never scanned, and keeps the engine versions
 * of DB instances and cache clusters. What it cannot represent is answered by the loopback stub: the scan findings
 * of one image (moto's only scan result is one fake HIGH finding), DescribeDBMajorEngineVersions and
 * DescribePendingMaintenanceActions (not implemented).
 */
@ExtendWith(Moto.class)
class PatchingChecksIT {

    private static final String CHECKS = "ecr.*,rds.engine-support,rds.pending-maintenance,elasticache.engine-support";
    private static final String REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com/";
    private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":"
            + "\"application/vnd.docker.distribution.manifest.v2+json\",\"config\":{\"mediaType\":"
            + "\"application/vnd.docker.container.image.v1+json\",\"size\":7023,\"digest\":"
            + "\"sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7\"},\"layers\":[]}";

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    /** ECR: api (scan on push, its image 1.0 with 2 CRITICAL findings by the stub) and web (no scan on push). */
    private void seedEcr() {
        try (EcrClient ecr = moto.configure(EcrClient.builder(), "us-east-1").build()) {
            ecr.createRepository(r -> r.repositoryName("api").imageScanningConfiguration(c -> c.scanOnPush(true)));
            ecr.createRepository(r -> r.repositoryName("web"));
            ecr.putImage(r -> r.repositoryName("api").imageTag("1.0").imageManifest(MANIFEST));
            ecr.putImage(r -> r.repositoryName("web").imageTag("2.0").imageManifest(MANIFEST));
        }
        proxy.when(r -> r.operation().equals("DescribeImageScanFindings") && r.body().contains("\"repositoryName\":\"api\""),
                new StubProxy.Response(200, "application/x-amz-json-1.1", "{\"registryId\":\"123456789012\","
                        + "\"repositoryName\":\"api\",\"imageId\":{\"imageTag\":\"1.0\"},\"imageScanStatus\":"
                        + "{\"status\":\"COMPLETE\",\"description\":\"The scan was completed successfully.\"},"
                        + "\"imageScanFindings\":{\"imageScanCompletedAt\":1795000000,\"findingSeverityCounts\":"
                        + "{\"CRITICAL\":2,\"MEDIUM\":1},\"findings\":["
                        + "{\"name\":\"CVE-2024-45337\",\"severity\":\"CRITICAL\"},"
                        + "{\"name\":\"CVE-2025-0001\",\"severity\":\"MEDIUM\"},"
                        + "{\"name\":\"CVE-2024-45491\",\"severity\":\"CRITICAL\"}]}}"));
    }

    /** ECS: two ACTIVE services run api:1.0 (with an nginx sidecar from Docker Hub), one runs web:2.0. */
    private void seedEcs() {
        try (EcsClient ecs = moto.configure(EcsClient.builder(), "us-east-1").build()) {
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.registerTaskDefinition(r -> r.family("api").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode("awsvpc").cpu("256").memory("512").containerDefinitions(
                            c -> c.name("api").image(REGISTRY + "api:1.0").essential(true),
                            c -> c.name("proxy").image("docker.io/nginx:1.25").essential(true)));
            ecs.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode("awsvpc").cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("web").image(REGISTRY + "web:2.0").essential(true)));
            for (String service : List.of("api", "api-canary")) {
                ecs.createService(r -> r.cluster("prod").serviceName(service).taskDefinition("api").desiredCount(1));
            }
            ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(1));
        }
    }

    /** RDS: legacy-db on PostgreSQL 11 (an OS update auto-applied in 10 days, no auto minor upgrades), orders-db on 16. */
    private Instant seedRds() {
        String legacyArn;
        try (RdsClient rds = moto.configure(RdsClient.builder(), "us-east-1").build()) {
            legacyArn = rds.createDBInstance(r -> r.dbInstanceIdentifier("legacy-db").engine("postgres")
                    .engineVersion("11.22").dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin")
                    .masterUserPassword("password123").autoMinorVersionUpgrade(false)).dbInstance().dbInstanceArn();
            rds.createDBInstance(r -> r.dbInstanceIdentifier("orders-db").engine("postgres").engineVersion("16.4")
                    .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin")
                    .masterUserPassword("password123"));
        }
        Instant inTenDays = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        Seed.pendingMaintenance(proxy, r -> true, Seed.pendingAction(legacyArn, "system-update",
                "New Operating System update is available", inTenDays));
        Seed.rdsLifecyclesAndMaintenance(proxy);
        return inTenDays;
    }

    private void seedElastiCache() {
        try (ElastiCacheClient cache = moto.configure(ElastiCacheClient.builder(), "us-east-1").build()) {
            cache.createCacheCluster(r -> r.cacheClusterId("old-redis").engine("redis").engineVersion("5.0.6")
                    .cacheNodeType("cache.t3.small").numCacheNodes(1));
            cache.createCacheCluster(r -> r.cacheClusterId("jobs").engine("redis").engineVersion("7.1")
                    .cacheNodeType("cache.t3.small").numCacheNodes(1));
        }
    }

    private CliRun audit() {
        return CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                "--checks", CHECKS, "--format", "json");
    }

    @Test
    void eachPatchingCheckJudgesWhatTheAccountShows() {
        seedEcr();
        seedEcs();
        Instant inTenDays = seedRds();
        seedElastiCache();

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(report.get("summary").has("collectionErrors")).as(run.toString()).isFalse();
        assertThat(ReportFindings.statuses(report, id -> true)).isEqualTo(Map.ofEntries(
                Map.entry("ecr.image-findings us-east-1 api:1.0", "NOK"),
                Map.entry("ecr.image-findings us-east-1 web:2.0", "NOK"),
                Map.entry("ecr.image-findings us-east-1 docker.io/nginx:1.25", "TODO"),
                Map.entry("ecr.scan-on-push us-east-1 api", "OK"),
                Map.entry("ecr.scan-on-push us-east-1 web", "NOK"),
                Map.entry("rds.engine-support us-east-1 legacy-db", "NOK"),
                Map.entry("rds.engine-support us-east-1 orders-db", "OK"),
                Map.entry("rds.pending-maintenance us-east-1 legacy-db", "NOK"),
                Map.entry("rds.pending-maintenance us-east-1 orders-db", "OK"),
                Map.entry("elasticache.engine-support us-east-1 old-redis", "NOK"),
                Map.entry("elasticache.engine-support us-east-1 jobs", "OK")));

        JsonNode api = run.finding("ecr.image-findings", "us-east-1", "api:1.0");
        assertThat(api.get("message").asText()).startsWith("2 CRITICAL and 0 HIGH vulnerabilities")
                .contains("CVE-2024-45337, CVE-2024-45491");
        assertThat(api.get("evidence").get("Services").toString()).isEqualTo("[\"prod/api\",\"prod/api-canary\"]");
        assertThat(api.get("evidence").get("SeverityCounts").toString()).isEqualTo("{\"CRITICAL\":2,\"MEDIUM\":1}");
        assertThat(api.get("resourceArn").asText()).isEqualTo("arn:aws:ecr:us-east-1:123456789012:repository/api");
        assertThat(run.finding("ecr.image-findings", "us-east-1", "web:2.0").get("message").asText())
                .as("moto: ScanNotFoundException").startsWith("Not scanned: ");
        assertThat(run.finding("ecr.image-findings", "us-east-1", "docker.io/nginx:1.25").get("message").asText())
                .startsWith("Not scanned by ECR: ");
        assertThat(run.finding("ecr.scan-on-push", "us-east-1", "web").get("message").asText())
                .contains("scanOnPush is off and no registry scanning rule covers it");

        assertThat(run.finding("rds.engine-support", "us-east-1", "legacy-db").get("message").asText())
                .startsWith("In extended support since 2024-03-01 (billed extra)");
        JsonNode maintenance = run.finding("rds.pending-maintenance", "us-east-1", "legacy-db");
        assertThat(maintenance.get("message").asText()).contains("system-update")
                .contains("New Operating System update is available")
                .contains("auto-applied after " + LocalDate.ofInstant(inTenDays, ZoneOffset.UTC));
        assertThat(maintenance.get("evidence").get("AutoMinorVersionUpgrade").asBoolean()).isFalse();
        assertThat(run.finding("elasticache.engine-support", "us-east-1", "old-redis").get("message").asText())
                .contains("Redis OSS 5 ended on 2026-01-31");
    }

    @Test
    void oneScanLookUpPerDistinctImageAndOneWalkPerRdsListing() {
        seedEcr();
        seedEcs();
        seedRds();

        JsonNode calls = audit().json().get("stats").get("apiCalls");

        assertThat(calls.get("ecr:DescribeImageScanFindings").asInt()).as("api:1.0 (two services) and web:2.0")
                .isEqualTo(2);
        assertThat(calls.get("ecr:GetRegistryScanningConfiguration").asInt()).isEqualTo(1);
        assertThat(calls.get("ecr:DescribeRepositories").asInt()).isEqualTo(1);
        assertThat(calls.get("rds:DescribeDBMajorEngineVersions").asInt()).isEqualTo(1);
        assertThat(calls.get("rds:DescribePendingMaintenanceActions").asInt()).isEqualTo(1);
        assertThat(proxy.requests()).filteredOn(r -> r.operation().equals("DescribeImageScanFindings"))
                .allSatisfy(r -> assertThat(r.body()).contains("\"maxResults\":1000"));
        assertThat(proxy.requests()).filteredOn(r -> r.operation().equals("DescribeRepositories"))
                .allSatisfy(r -> assertThat(r.body()).contains("\"maxResults\":1000"));
        assertThat(proxy.requests()).filteredOn(r -> r.operation().startsWith("Describe")
                        && (r.operation().contains("MajorEngine") || r.operation().contains("PendingMaintenance")))
                .hasSize(2).allSatisfy(r -> assertThat(r.body()).contains("MaxRecords=100"));
    }

    @Test
    void aRegistryRuleOnEveryRepositoryIsOneAccountLevelOk() {
        seedEcr();
        try (EcrClient ecr = moto.configure(EcrClient.builder(), "us-east-1").build()) {
            ecr.putRegistryScanningConfiguration(r -> r.scanType("ENHANCED").rules(rule -> rule
                    .scanFrequency("CONTINUOUS_SCAN").repositoryFilters(f -> f.filter("*").filterType("WILDCARD"))));
        }

        JsonNode report = audit().json();

        assertThat(ReportFindings.statuses(report, "ecr.scan-on-push"::equals))
                .isEqualTo(Map.of("ecr.scan-on-push us-east-1 ", "OK"));
    }
}
