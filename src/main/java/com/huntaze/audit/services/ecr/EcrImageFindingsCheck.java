package com.huntaze.audit.services.ecr;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.ecs.EcsDatasets;
import com.huntaze.audit.services.ecs.EcsService;
import com.huntaze.audit.services.ecs.EcsTaskDefinition;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ecr.image-findings: every image an ACTIVE ECS service runs from this account's ECR has a completed scan with no
 * CRITICAL or HIGH finding. One finding per distinct image (named as the task definition writes it, without the
 * registry host), the services running it in the evidence. Findings: NOK with the counts and up to 5 CVE ids; never
 * scanned: NOK; a scan that failed or cannot be done: NOK; a scan under way: TODO. An image outside ECR (Docker Hub,
 * ECR Public, another registry) has no ECR scan: TODO "not scanned by ECR", as is one in another account's ECR
 * (its findings are read in that account) or one that no longer exists.
 */
public final class EcrImageFindingsCheck implements Check {

    static final String OUTSIDE_ECR_TYPE = "AWS::ECS::TaskDefinition";
    private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL",
            "UNDEFINED");

    @Override
    public String id() {
        return "ecr.image-findings";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(EcsDatasets.SERVICES, EcsDatasets.TASK_DEFINITIONS, EcrDatasets.IMAGE_SCANS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Map<String, EcsTaskDefinition> tasks = new LinkedHashMap<>();
        ctx.get(EcsDatasets.TASK_DEFINITIONS).forEach(t -> tasks.put(t.arn(), t));
        Map<String, EcrImageScan> scans = new LinkedHashMap<>();
        ctx.get(EcrDatasets.IMAGE_SCANS).forEach(s -> scans.put(s.image(), s));
        record Use(String account, Set<String> services) {
        }
        Map<String, Use> images = new TreeMap<>();
        for (EcsService service : ctx.get(EcsDatasets.SERVICES)) {
            EcsTaskDefinition task = "ACTIVE".equals(service.status()) ? tasks.get(service.taskDefinitionArn()) : null;
            if (task == null) {
                continue;
            }
            for (String image : task.images()) {
                images.computeIfAbsent(image, i -> new Use(EcrCollectors.accountOf(task.arn()), new TreeSet<>()))
                        .services().add(service.qualifiedName());
            }
        }
        List<Finding> findings = new ArrayList<>();
        images.forEach((image, use) -> findings.add(judge(ctx, image, use.account(), List.copyOf(use.services()),
                scans.get(image))));
        return findings;
    }

    private static Finding judge(CheckContext ctx, String image, String account, List<String> services,
                                 EcrImageScan scan) {
        Optional<EcrImageReference> parsed = EcrImageReference.parse(image);
        if (parsed.isEmpty()) {
            String registry = EcrImageReference.registryOf(image);
            return ctx.todo(image, null, "Not scanned by ECR: the image comes from " + registry + ", outside this"
                            + " account's ECR, so no ECR scan result exists for it.",
                    Evidence.of("Image", image, "Registry", registry, "Services", services))
                    .withResourceType(OUTSIDE_ECR_TYPE)
                    .withRemediation("Scan it where it is built (Trivy, Grype or Inspector in CI) and keep the report,"
                            + " or serve it from this account's ECR (copy it, or an ECR pull-through cache rule for "
                            + registry + ") so that ECR scans it on push.");
        }
        EcrImageReference ref = parsed.get();
        Map<String, Object> where = new LinkedHashMap<>(Evidence.of("Image", image, "Repository", ref.repository(),
                "Tag", ref.digest() == null ? ref.effectiveTag() : ref.tag(), "Digest", ref.digest(),
                "Services", services));
        if (!ref.account().equals(account)) {
            where.put("RegistryAccount", ref.account());
            return ctx.todo(ref.name(), ref.repositoryArn(), "In the ECR of account " + ref.account() + " ("
                    + ref.region() + "), not this account's: its scan findings are read in that account.", where)
                    .withRemediation("Run the audit (or aws ecr describe-image-scan-findings) in account "
                            + ref.account() + ", which owns the repository.");
        }
        if (!ref.region().equals(ctx.region())) {
            where.put("RegistryRegion", ref.region());
        }
        if (scan == null || scan.status() == null) {
            return ctx.todo(ref.name(), ref.repositoryArn(), "Its scan was not read.", where);
        }
        where.put("ScanStatus", scan.status());
        switch (scan.status()) {
            case EcrImageScan.NOT_SCANNED:
                return ctx.nok(ref.name(), ref.repositoryArn(), "Not scanned: ECR has no scan of this image (it was"
                        + " pushed while scan on push was off and never scanned since), so its vulnerabilities are"
                        + " unknown.", where);
            case EcrImageScan.IMAGE_NOT_FOUND:
                return ctx.todo(ref.name(), ref.repositoryArn(), "The image is not in repository " + ref.repository()
                        + " any more (deleted or untagged, by a lifecycle policy?): its scan cannot be read, and new"
                        + " tasks cannot pull it.", where);
            case EcrImageScan.REPOSITORY_NOT_FOUND:
                return ctx.todo(ref.name(), ref.repositoryArn(), "Repository " + ref.repository() + " does not exist"
                        + " in " + ref.region() + ": the image's scan cannot be read, and new tasks cannot pull it.",
                        where);
            case "IN_PROGRESS", "PENDING":
                return ctx.todo(ref.name(), ref.repositoryArn(), "The scan is " + scan.status() + ": run the audit"
                        + " again once it has completed.", where);
            case "COMPLETE", "ACTIVE":
                return completed(ctx, ref, scan, where);
            default:
                if (scan.statusDescription() != null) {
                    where.put("ScanStatusDescription", scan.statusDescription());
                }
                return ctx.nok(ref.name(), ref.repositoryArn(), "No completed scan: " + scan.status()
                        + (scan.statusDescription() == null ? "" : " (" + scan.statusDescription() + ")")
                        + ", so its vulnerabilities are unknown.", where);
        }
    }

    private static Finding completed(CheckContext ctx, EcrImageReference ref, EcrImageScan scan,
                                     Map<String, Object> where) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        SEVERITIES.forEach(s -> {
            if (scan.count(s) > 0) {
                counts.put(s, scan.count(s));
            }
        });
        scan.severityCounts().forEach((s, n) -> {
            if (n > 0) {
                counts.putIfAbsent(s, n);
            }
        });
        String date = scan.completedAt() == null ? null
                : LocalDate.ofInstant(scan.completedAt(), ZoneOffset.UTC).toString();
        if (scan.completedAt() != null) {
            where.put("ScanCompletedAt", scan.completedAt().toString());
        }
        where.put("SeverityCounts", counts);
        int critical = scan.count("CRITICAL");
        int high = scan.count("HIGH");
        if (critical + high > 0) {
            where.put("VulnerabilityIds", scan.topVulnerabilityIds());
            return ctx.nok(ref.name(), ref.repositoryArn(), critical + " CRITICAL and " + high + " HIGH"
                    + " vulnerabilit" + (critical + high == 1 ? "y" : "ies") + " in its last scan"
                    + (date == null ? "" : " (" + date + ")") + (scan.topVulnerabilityIds().isEmpty() ? ""
                    : ": " + String.join(", ", scan.topVulnerabilityIds())) + ".", where);
        }
        List<String> others = new ArrayList<>();
        counts.forEach((s, n) -> others.add(n + " " + s));
        return ctx.ok(ref.name(), ref.repositoryArn(), "Scanned" + (date == null ? "" : " on " + date)
                + ": no CRITICAL or HIGH vulnerability" + (others.isEmpty() ? "." : " (" + String.join(", ", others)
                + ")."), where);
    }
}
