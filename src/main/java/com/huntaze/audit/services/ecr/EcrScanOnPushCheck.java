package com.huntaze.audit.services.ecr;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ecr.scan-on-push: every image pushed to the region's ECR is scanned for vulnerabilities. A registry rule that
 * scans every repository ({@code *}) on push (BASIC SCAN_ON_PUSH, or ENHANCED SCAN_ON_PUSH or CONTINUOUS_SCAN) is
 * one account-level OK. Otherwise each repository is judged: covered by such a rule, or (BASIC scanning only) by its
 * own scanOnPush, is OK; neither is NOK. ENHANCED scanning ignores the repositories' own setting: a repository no
 * ENHANCED rule covers is not scanned, whatever its scanOnPush says.
 */
public final class EcrScanOnPushCheck implements Check {

    static final String ACCOUNT_TYPE = "AWS::::Account";

    @Override
    public String id() {
        return "ecr.scan-on-push";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(EcrDatasets.REGISTRY_SCANNING, EcrDatasets.REPOSITORIES);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        EcrRegistryScanning registry = ctx.get(EcrDatasets.REGISTRY_SCANNING);
        Optional<EcrRegistryScanning.Rule> everything = registry.rules().stream()
                .filter(r -> r.scansOnPush() && r.coversEveryRepository()).findFirst();
        if (everything.isPresent()) {
            EcrRegistryScanning.Rule rule = everything.get();
            return List.of(ctx.ok("", null, "The registry scans every repository's images on push (" + registry.scanType()
                            + " scanning, rule " + rule.scanFrequency() + " on *).",
                    Evidence.of("ScanType", registry.scanType(), "ScanFrequency", rule.scanFrequency(),
                            "RepositoryFilter", "*", "Repositories", ctx.get(EcrDatasets.REPOSITORIES).size()))
                    .withResourceType(ACCOUNT_TYPE));
        }
        return ctx.get(EcrDatasets.REPOSITORIES).stream().map(repo -> judge(ctx, registry, repo)).toList();
    }

    private static Finding judge(CheckContext ctx, EcrRegistryScanning registry, EcrRepository repo) {
        for (EcrRegistryScanning.Rule rule : registry.rules()) {
            String filter = rule.scansOnPush() ? rule.filterMatching(repo.name()) : null;
            if (filter != null) {
                return ctx.ok(repo.name(), repo.arn(), "Images are scanned on push: registry rule "
                        + rule.scanFrequency() + " on " + filter + " (" + registry.scanType() + " scanning).",
                        Evidence.of("ScanType", registry.scanType(), "ScanFrequency", rule.scanFrequency(),
                                "RepositoryFilter", filter, "ScanOnPush", repo.scanOnPush()));
            }
        }
        var evidence = Evidence.of("ScanType", registry.scanType(), "ScanOnPush", repo.scanOnPush(),
                "RegistryRules", registry.rules().stream()
                        .map(r -> r.scanFrequency() + " on " + String.join(", ", r.repositoryFilters())).toList());
        if (registry.enhanced()) {
            return ctx.nok(repo.name(), repo.arn(), "Images pushed to " + repo.name() + " are not scanned: the registry"
                    + " uses ENHANCED scanning, which ignores the repository's own scanOnPush" + (repo.scanOnPush()
                    ? " (true here)" : "") + ", and no ENHANCED rule covers it.", evidence);
        }
        if (repo.scanOnPush()) {
            return ctx.ok(repo.name(), repo.arn(), "Images are scanned on push (the repository's scanOnPush).",
                    evidence);
        }
        return ctx.nok(repo.name(), repo.arn(), "Images pushed to " + repo.name() + " are not scanned: scanOnPush is"
                + " off and no registry scanning rule covers it.", evidence);
    }
}
