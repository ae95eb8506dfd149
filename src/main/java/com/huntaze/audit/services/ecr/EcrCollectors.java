package com.huntaze.audit.services.ecr;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.ecs.EcsDatasets;
import com.huntaze.audit.services.ecs.EcsService;
import com.huntaze.audit.services.ecs.EcsTaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.EnhancedImageScanFinding;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;
import software.amazon.awssdk.services.ecr.model.ImageScanFindings;
import software.amazon.awssdk.services.ecr.model.RegistryScanningConfiguration;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;
import software.amazon.awssdk.services.ecr.model.ScanningRepositoryFilter;

/**
 * ECR: the registry scanning configuration (GetRegistryScanningConfiguration, one call), the repositories
 * (DescribeRepositories, all pages of 1000, its maximum) and the scan of each image the ECS services run
 * (DescribeImageScanFindings, one call per distinct image).
 */
final class EcrCollectors {
    private EcrCollectors() {
    }

    static final ServiceClient<EcrClient, EcrClientBuilder> ECR = ServiceClient.regional("ecr", EcrClient::builder);

    static final int REPOSITORIES_PAGE = 1000;
    static final int FINDINGS_PAGE = 1000;

    static final DatasetCollector<EcrRegistryScanning> REGISTRY_SCANNING = new DatasetCollector<>() {
        @Override
        public Dataset<EcrRegistryScanning> dataset() {
            return EcrDatasets.REGISTRY_SCANNING;
        }

        @Override
        public List<String> actions() {
            return List.of("ecr:GetRegistryScanningConfiguration");
        }

        @Override
        public EcrRegistryScanning collect(CollectionContext context) {
            return call("ecr:GetRegistryScanningConfiguration", () -> {
                var answer = context.client(ECR).getRegistryScanningConfiguration(r -> { });
                RegistryScanningConfiguration c = answer.scanningConfiguration();
                if (c == null) {
                    return new EcrRegistryScanning(answer.registryId(), "BASIC", List.of());
                }
                return new EcrRegistryScanning(answer.registryId(), c.scanTypeAsString(), c.rules().stream()
                        .map(rule -> new EcrRegistryScanning.Rule(rule.scanFrequencyAsString(),
                                rule.repositoryFilters().stream().map(ScanningRepositoryFilter::filter).toList()))
                        .toList());
            });
        }
    };

    static final DatasetCollector<List<EcrRepository>> REPOSITORIES = new DatasetCollector<>() {
        @Override
        public Dataset<List<EcrRepository>> dataset() {
            return EcrDatasets.REPOSITORIES;
        }

        @Override
        public List<String> actions() {
            return List.of("ecr:DescribeRepositories");
        }

        @Override
        public List<EcrRepository> collect(CollectionContext context) {
            return call("ecr:DescribeRepositories", () -> context.client(ECR)
                    .describeRepositoriesPaginator(r -> r.maxResults(REPOSITORIES_PAGE)).repositories().stream()
                    .map(r -> new EcrRepository(r.repositoryName(), r.repositoryArn(), r.repositoryUri(),
                            r.registryId(), r.imageScanningConfiguration() != null
                            && Boolean.TRUE.equals(r.imageScanningConfiguration().scanOnPush())))
                    .toList());
        }
    };

    /**
     * The scans of the images the region's ACTIVE ECS services run from this account's ECR (the account of their
     * task definitions' ARNs), each distinct image once, in the ECR region its name says. One page of findings at
     * the maximum size: the severity counts of that first page cover the whole scan, and the few vulnerability ids
     * the finding shows need no more. An image or repository that no longer exists, or was never scanned, is
     * recorded as such, not as a failure.
     */
    static final DatasetCollector<List<EcrImageScan>> IMAGE_SCANS = new DatasetCollector<>() {
        @Override
        public Dataset<List<EcrImageScan>> dataset() {
            return EcrDatasets.IMAGE_SCANS;
        }

        @Override
        public List<String> actions() {
            return List.of("ecr:DescribeImageScanFindings");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(EcsDatasets.SERVICES, EcsDatasets.TASK_DEFINITIONS);
        }

        @Override
        public List<EcrImageScan> collect(CollectionContext context) {
            List<EcrImageReference> images = imagesInUse(context.dependency(EcsDatasets.SERVICES),
                    context.dependency(EcsDatasets.TASK_DEFINITIONS));
            return context.forEach(images, image -> call("ecr:DescribeImageScanFindings",
                    () -> scan(context, image)));
        }
    };

    /** The distinct images of this account's ECR that ACTIVE services run, in the order the services list them. */
    static List<EcrImageReference> imagesInUse(List<EcsService> services, List<EcsTaskDefinition> taskDefinitions) {
        Map<String, EcsTaskDefinition> byArn = new LinkedHashMap<>();
        taskDefinitions.forEach(t -> byArn.put(t.arn(), t));
        Set<String> seen = new LinkedHashSet<>();
        List<EcrImageReference> images = new ArrayList<>();
        for (EcsService service : services) {
            EcsTaskDefinition task = "ACTIVE".equals(service.status()) ? byArn.get(service.taskDefinitionArn()) : null;
            if (task == null) {
                continue;
            }
            for (String image : task.images()) {
                EcrImageReference.parse(image)
                        .filter(ref -> ref.account().equals(accountOf(task.arn())))
                        .filter(ref -> seen.add(image))
                        .ifPresent(images::add);
            }
        }
        return images;
    }

    /** The account of an ARN ({@code arn:aws:ecs:us-east-1:123456789012:task-definition/api:3}), or "". */
    static String accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length > 4 ? parts[4] : "";
    }

    private static EcrImageScan scan(CollectionContext context, EcrImageReference image) {
        // The image's own region: a service may pull from the account's registry in another region (the same
        // client as context.client(ECR) when it is this one).
        EcrClient ecr = context.aws().client(ECR, image.region());
        ImageIdentifier id = image.digest() != null ? ImageIdentifier.builder().imageDigest(image.digest()).build()
                : ImageIdentifier.builder().imageTag(image.effectiveTag()).build();
        try {
            DescribeImageScanFindingsResponse answer = ecr.describeImageScanFindings(r -> r
                    .registryId(image.account()).repositoryName(image.repository()).imageId(id)
                    .maxResults(FINDINGS_PAGE));
            ImageScanFindings findings = answer.imageScanFindings();
            return new EcrImageScan(image.image(), image.account(), image.region(), image.repository(),
                    answer.imageScanStatus() == null ? null : answer.imageScanStatus().statusAsString(),
                    answer.imageScanStatus() == null ? null : answer.imageScanStatus().description(),
                    findings == null ? null : findings.imageScanCompletedAt(),
                    findings == null ? Map.of() : findings.findingSeverityCountsAsStrings(),
                    findings == null ? List.of() : topIds(findings));
        } catch (ScanNotFoundException e) {
            return absent(image, EcrImageScan.NOT_SCANNED);
        } catch (ImageNotFoundException e) {
            return absent(image, EcrImageScan.IMAGE_NOT_FOUND);
        } catch (RepositoryNotFoundException e) {
            return absent(image, EcrImageScan.REPOSITORY_NOT_FOUND);
        }
    }

    private static EcrImageScan absent(EcrImageReference image, String status) {
        return new EcrImageScan(image.image(), image.account(), image.region(), image.repository(), status, null, null,
                Map.of(), List.of());
    }

    /** Up to 5 ids of CRITICAL findings, then of HIGH ones (BASIC findings name the CVE; ENHANCED ones carry it). */
    private static List<String> topIds(ImageScanFindings findings) {
        List<String> ids = new ArrayList<>();
        for (String severity : List.of("CRITICAL", "HIGH")) {
            for (ImageScanFinding f : findings.findings()) {
                if (severity.equals(f.severityAsString()) && f.name() != null && !ids.contains(f.name())) {
                    ids.add(f.name());
                }
            }
            for (EnhancedImageScanFinding f : findings.enhancedFindings()) {
                String id = f.packageVulnerabilityDetails() == null ? f.title()
                        : f.packageVulnerabilityDetails().vulnerabilityId();
                if (severity.equals(f.severity()) && id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids.size() > EcrImageScan.TOP_IDS ? List.copyOf(ids.subList(0, EcrImageScan.TOP_IDS)) : ids;
    }
}
