package com.huntaze.audit.services.ecr;

import static com.huntaze.audit.testing.Fixtures.ecsService;
import static com.huntaze.audit.testing.Fixtures.taskDefinitionRunning;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.services.ecs.EcsDatasets;
import com.huntaze.audit.services.ecs.EcsService;
import com.huntaze.audit.services.ecs.EcsTaskDefinition;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcrImageFindingsCheckTest {

    private static final String REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com/";
    private static final Instant SCANNED = Instant.parse("2026-11-20T08:00:00Z");

    private static EcrImageScan scan(String image, String status, Map<String, Integer> counts, String... ids) {
        String repository = image.substring(REGISTRY.length()).replaceAll("[:@].*", "");
        return new EcrImageScan(image, "123456789012", "us-east-1", repository, status, null,
                status.equals("COMPLETE") ? SCANNED : null, counts, List.of(ids));
    }

    private static CheckHarness audit(List<EcsService> services, List<EcsTaskDefinition> tasks,
                                      EcrImageScan... scans) {
        return CheckHarness.of(new EcrImageFindingsCheck())
                .with(EcsDatasets.SERVICES, services)
                .with(EcsDatasets.TASK_DEFINITIONS, tasks)
                .with(EcrDatasets.IMAGE_SCANS, List.of(scans));
    }

    @Test
    void anImageWithCriticalFindingsIsNokWithTheCountsTheIdsAndEveryServiceRunningIt() {
        String image = REGISTRY + "api:1.4";
        var audit = audit(List.of(ecsService("prod", "api").build(), ecsService("prod", "api-canary").build()),
                List.of(taskDefinitionRunning("api", image), taskDefinitionRunning("api-canary", image)),
                scan(image, "COMPLETE", Map.of("CRITICAL", 2, "MEDIUM", 4), "CVE-2024-45337", "CVE-2024-45491"));

        Finding f = audit.finding("api:1.4");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("2 CRITICAL and 0 HIGH vulnerabilities in its last scan (2026-11-20):"
                + " CVE-2024-45337, CVE-2024-45491.");
        assertThat(f.evidence()).containsEntry("Image", image).containsEntry("Repository", "api")
                .containsEntry("Tag", "1.4").containsEntry("Services", List.of("prod/api", "prod/api-canary"))
                .containsEntry("SeverityCounts", Map.of("CRITICAL", 2, "MEDIUM", 4))
                .containsEntry("VulnerabilityIds", List.of("CVE-2024-45337", "CVE-2024-45491"))
                .containsEntry("ScanStatus", "COMPLETE").containsEntry("ScanCompletedAt", "2026-11-20T08:00:00Z");
        assertThat(f.resourceArn()).isEqualTo("arn:aws:ecr:us-east-1:123456789012:repository/api");
        assertThat(f.resourceType()).isEqualTo("AWS::ECR::Repository");
        assertThat(f.remediation()).contains("Rebuild the image");
    }

    @Test
    void aCleanScanIsOkAndSaysWhatItDidFind() {
        String image = REGISTRY + "web@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        var audit = audit(List.of(ecsService("prod", "web").build()), List.of(taskDefinitionRunning("web", image)),
                scan(image, "COMPLETE", Map.of("LOW", 5, "MEDIUM", 3)));

        Finding f = audit.finding("web@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("Scanned on 2026-11-20: no CRITICAL or HIGH vulnerability (3 MEDIUM, 5 LOW).");
        assertThat(f.evidence()).containsEntry("Digest",
                "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08").doesNotContainKey("Tag")
                .doesNotContainKey("VulnerabilityIds");
    }

    @Test
    void anImageNeverScannedIsNok() {
        String image = REGISTRY + "worker:2026.11.3";
        var audit = audit(List.of(ecsService("prod", "worker").build()),
                List.of(taskDefinitionRunning("worker", image)),
                scan(image, EcrImageScan.NOT_SCANNED, Map.of()));

        Finding f = audit.finding("worker:2026.11.3");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("Not scanned: ECR has no scan of this image");
    }

    @Test
    void imagesOutsideEcrAreTodoNotScannedByEcr() {
        var audit = audit(List.of(ecsService("prod", "proxy").build()),
                List.of(taskDefinitionRunning("proxy", "docker.io/nginx:1.25", "nginx",
                        "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable")));

        assertThat(audit.findings()).hasSize(3).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.TODO);
            assertThat(f.message()).startsWith("Not scanned by ECR: ");
            assertThat(f.resourceType()).isEqualTo("AWS::ECS::TaskDefinition");
            assertThat(f.resourceArn()).isNull();
        });
        assertThat(audit.finding("docker.io/nginx:1.25").evidence()).containsEntry("Registry", "docker.io")
                .containsEntry("Services", List.of("prod/proxy"));
        assertThat(audit.finding("nginx").evidence()).containsEntry("Registry", "docker.io");
        assertThat(audit.finding("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable").evidence())
                .containsEntry("Registry", "public.ecr.aws");
        assertThat(audit.finding("nginx").remediation()).contains("pull-through cache");
    }

    @Test
    void anImageInAnotherAccountsEcrIsTodoForThatAccount() {
        var audit = audit(List.of(ecsService("prod", "api").build()), List.of(taskDefinitionRunning("api",
                "999988887777.dkr.ecr.us-east-1.amazonaws.com/shared/base:3")));

        Finding f = audit.finding("shared/base:3");
        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).contains("In the ECR of account 999988887777");
        assertThat(f.evidence()).containsEntry("RegistryAccount", "999988887777");
    }

    @Test
    void aScanUnderWayIsTodoAndAFailedOneIsNok() {
        String running = REGISTRY + "api:2";
        String failed = REGISTRY + "legacy:1";
        var audit = audit(List.of(ecsService("prod", "api").build(), ecsService("prod", "legacy").build()),
                List.of(taskDefinitionRunning("api", running), taskDefinitionRunning("legacy", failed)),
                scan(running, "IN_PROGRESS", Map.of()),
                new EcrImageScan(failed, "123456789012", "us-east-1", "legacy", "UNSUPPORTED_IMAGE",
                        "The operating system is not supported", null, Map.of(), List.of()));

        assertThat(audit.finding("api:2").status()).isEqualTo(Status.TODO);
        assertThat(audit.finding("api:2").message()).contains("IN_PROGRESS");
        Finding legacy = audit.finding("legacy:1");
        assertThat(legacy.status()).isEqualTo(Status.NOK);
        assertThat(legacy.message()).isEqualTo("No completed scan: UNSUPPORTED_IMAGE (The operating system is not"
                + " supported), so its vulnerabilities are unknown.");
    }

    @Test
    void anImageGoneFromItsRepositoryIsTodo() {
        String image = REGISTRY + "api:old";
        var audit = audit(List.of(ecsService("prod", "api").build()), List.of(taskDefinitionRunning("api", image)),
                scan(image, EcrImageScan.IMAGE_NOT_FOUND, Map.of()));

        assertThat(audit.finding("api:old").status()).isEqualTo(Status.TODO);
        assertThat(audit.finding("api:old").message()).contains("not in repository api any more");
    }

    @Test
    void onlyActiveServicesCount() {
        String image = REGISTRY + "api:1.4";
        var audit = audit(List.of(ecsService("prod", "api").status("DRAINING").build()),
                List.of(taskDefinitionRunning("api", image)), scan(image, EcrImageScan.NOT_SCANNED, Map.of()));

        assertThat(audit.findings()).isEmpty();
    }

    @Test
    void theImagesToScanAreTheDistinctEcrImagesOfThisAccountThatActiveServicesRun() {
        String api = REGISTRY + "api:1.4";
        String other = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4";
        List<EcsService> services = List.of(ecsService("prod", "api").build(), ecsService("prod", "api-2").build(),
                ecsService("prod", "old").status("INACTIVE").build());
        List<EcsTaskDefinition> tasks = List.of(taskDefinitionRunning("api", api, "nginx"),
                taskDefinitionRunning("api-2", api, other, "999988887777.dkr.ecr.us-east-1.amazonaws.com/x:1"),
                taskDefinitionRunning("old", REGISTRY + "old:1"));

        List<EcrImageReference> images = EcrCollectors.imagesInUse(services, tasks);

        assertThat(images).extracting(EcrImageReference::image).containsExactly(api, other);
        assertThat(images.get(1).region()).as("looked up in its own region").isEqualTo("eu-west-1");
    }

    @Test
    void imageNamesAreReadAsEcrWritesThem() {
        var tagged = EcrImageReference.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.4").orElseThrow();
        assertThat(tagged.repository()).isEqualTo("team/api");
        assertThat(tagged.tag()).isEqualTo("1.4");
        assertThat(tagged.name()).isEqualTo("team/api:1.4");
        assertThat(tagged.repositoryArn()).isEqualTo("arn:aws:ecr:us-east-1:123456789012:repository/team/api");

        var untagged = EcrImageReference.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api").orElseThrow();
        assertThat(untagged.effectiveTag()).isEqualTo("latest");
        assertThat(untagged.name()).isEqualTo("api");

        var both = EcrImageReference.parse("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/api:1@sha256:abc")
                .orElseThrow();
        assertThat(both.tag()).isEqualTo("1");
        assertThat(both.digest()).isEqualTo("sha256:abc");
        assertThat(both.repositoryArn()).startsWith("arn:aws-us-gov:ecr:us-gov-west-1:");

        assertThat(EcrImageReference.parse("nginx:1.25")).isEmpty();
        assertThat(EcrImageReference.parse("public.ecr.aws/nginx/nginx:1.25")).isEmpty();
        assertThat(EcrImageReference.registryOf("localhost:5000/api")).isEqualTo("localhost:5000");
        assertThat(EcrImageReference.registryOf("library/nginx")).isEqualTo("docker.io");
    }
}
