package com.huntaze.audit.services.backup;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.backup.BackupProtectable.Resource;
import com.huntaze.audit.services.rds.RdsBackupRetentionCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * backup.plan-coverage: every resource of the kinds the services contribute ({@link BackupProtectable}: RDS
 * instances, Aurora and Multi-AZ DB clusters as one resource each) is protected by an AWS Backup plan, and no plan
 * rule keeps its recovery points fewer than {@code minBackupDays} days.
 *
 * <p>A resource is OK when a plan's selection names it by ARN (wildcards included, its NotResources respected, no
 * tag Conditions narrowing it), with the plan and its rule as evidence, or when ListProtectedResources lists it
 * (AWS Backup holds a recovery point of it). Otherwise it is TODO when a selection by tags could pick it (tags
 * are not read: one call per resource), and NOK when nothing can.
 */
public final class BackupPlanCoverageCheck implements Check {

    private static final String PLAN_TYPE = "AWS::Backup::BackupPlan";

    private final List<BackupProtectable> kinds;

    /** @param kinds what the services contribute: the kinds of resources judged */
    public BackupPlanCoverageCheck(List<BackupProtectable> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    @Override
    public String id() {
        return "backup.plan-coverage";
    }

    @Override
    public Set<Dataset<?>> requires() {
        Set<Dataset<?>> all = new LinkedHashSet<>(List.of(BackupDatasets.PLANS, BackupDatasets.PROTECTED_RESOURCES));
        kinds.forEach(k -> all.addAll(k.requires()));
        return all;
    }

    /** The same threshold as {@code rds.backup-retention}: one minimum for every kind of backup. */
    @Override
    public List<Threshold> thresholds() {
        return List.of(RdsBackupRetentionCheck.MIN_BACKUP_DAYS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        int minimum = ctx.threshold(RdsBackupRetentionCheck.MIN_BACKUP_DAYS);
        List<BackupPlan> plans = ctx.get(BackupDatasets.PLANS).stream()
                .sorted(Comparator.comparing(BackupPlan::name)).toList();
        Map<String, ProtectedResource> protectedByArn = ctx.get(BackupDatasets.PROTECTED_RESOURCES).stream()
                .collect(Collectors.toMap(ProtectedResource::arn, Function.identity(), (a, b) -> a));
        List<Finding> findings = new ArrayList<>();
        for (BackupPlan plan : plans) {
            findings.add(retention(ctx, plan, minimum));
        }
        for (BackupProtectable kind : kinds) {
            for (Resource resource : kind.resources().apply(ctx)) {
                findings.add(coverage(ctx, resource, plans, protectedByArn).withResourceType(resource.resourceType()));
            }
        }
        return findings;
    }

    /** NOK when a rule of the plan keeps recovery points fewer than {@code minimum} days. */
    private static Finding retention(CheckContext ctx, BackupPlan plan, int minimum) {
        List<BackupRule> tooShort = plan.rules().stream()
                .filter(r -> r.deleteAfterDays() != null && r.deleteAfterDays() < minimum).toList();
        Map<String, Object> evidence = Evidence.of("Rules", plan.rules().stream().map(BackupRule::describe).toList(),
                "MinimumDays", minimum);
        if (tooShort.isEmpty()) {
            return ctx.ok(plan.name(), plan.arn(), plan.rules().isEmpty() ? "The plan has no rule."
                    : "Every rule keeps recovery points at least " + minimum + " days.", evidence)
                    .withResourceType(PLAN_TYPE);
        }
        String rules = tooShort.stream().map(r -> r.name() + " (" + r.deleteAfterDays() + " day"
                + (r.deleteAfterDays() == 1 ? "" : "s") + ")").collect(Collectors.joining(", "));
        return ctx.nok(plan.name(), plan.arn(), (tooShort.size() == 1 ? "Rule " + rules + " keeps"
                        : "Rules " + rules + " keep") + " recovery points fewer than the required " + minimum
                        + " days.", evidence)
                .withResourceType(PLAN_TYPE)
                .withRemediation("Keep recovery points at least " + minimum + " days: aws backup get-backup-plan"
                        + " --backup-plan-id " + plan.id() + " > plan.json, raise Lifecycle.DeleteAfterDays of the"
                        + " rule(s) named, then aws backup update-backup-plan --backup-plan-id " + plan.id()
                        + " --backup-plan file://plan.json (or lower --min-backup-days if the shorter retention is"
                        + " intended).");
    }

    private static Finding coverage(CheckContext ctx, Resource resource, List<BackupPlan> plans,
                                    Map<String, ProtectedResource> protectedByArn) {
        for (BackupPlan plan : plans) {
            for (BackupSelection selection : plan.selections()) {
                if (selection.selectsByArn(resource.arn())) {
                    return ctx.ok(resource.id(), resource.arn(), "In backup plan " + plan.name() + " (selection "
                            + selection.name() + ").", planEvidence(plan, selection, resource.arn()));
                }
            }
        }
        ProtectedResource backedUp = protectedByArn.get(resource.arn());
        if (backedUp != null) {
            return ctx.ok(resource.id(), resource.arn(), "AWS Backup holds recovery points of it"
                            + (backedUp.lastBackupTime() == null ? "" : " (last backup " + backedUp.lastBackupTime() + ")")
                            + ".",
                    Evidence.of("ProtectedResource", backedUp.resourceType(), "LastBackupTime",
                            backedUp.lastBackupTime() == null ? null : backedUp.lastBackupTime().toString()));
        }
        Optional<Map.Entry<BackupPlan, BackupSelection>> byTags = plans.stream()
                .flatMap(p -> p.selections().stream().filter(s -> s.maySelectByTags(resource.arn()))
                        .map(s -> Map.entry(p, s)))
                .findFirst();
        if (byTags.isPresent()) {
            BackupPlan plan = byTags.get().getKey();
            BackupSelection selection = byTags.get().getValue();
            List<String> tags = new ArrayList<>(selection.listOfTags());
            tags.addAll(selection.conditions());
            return ctx.todo(resource.id(), resource.arn(), "No backup plan selects it by ARN; it may be selected by"
                                    + " the tags of plan " + plan.name() + " (selection " + selection.name()
                                    + "; tags are not read).",
                            Evidence.of("BackupPlan", plan.name(), "Selection", selection.name(), "TagConditions", tags))
                    .withRemediation("Compare the resource's tags (aws rds list-tags-for-resource --resource-name "
                            + resource.arn() + ", or the service's own list-tags command) with the selection's"
                            + " conditions (aws backup get-backup-selection --backup-plan-id " + plan.id()
                            + " --selection-id " + selection.id() + "); to make it certain, add its ARN to a selection.");
        }
        return ctx.nok(resource.id(), resource.arn(), plans.isEmpty()
                        ? "Outside every backup plan: the region has no AWS Backup plan, and AWS Backup holds no"
                                + " recovery point of it."
                        : "Outside every backup plan: no selection of the region's " + plans.size() + " plan"
                                + (plans.size() == 1 ? "" : "s") + " covers it, and AWS Backup holds no recovery point"
                                + " of it.",
                Evidence.of("BackupPlans", plans.stream().map(BackupPlan::name).toList()));
    }

    private static Map<String, Object> planEvidence(BackupPlan plan, BackupSelection selection, String arn) {
        Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of("BackupPlan", plan.name(),
                "Selection", selection.name(), "MatchedBy", selection.matchingPattern(arn)));
        if (!plan.rules().isEmpty()) {
            BackupRule rule = plan.rules().get(0);
            evidence.put("Rule", rule.name());
            if (rule.scheduleExpression() != null) {
                evidence.put("ScheduleExpression", rule.scheduleExpression());
            }
            evidence.put("DeleteAfterDays", rule.deleteAfterDays() == null ? "never" : rule.deleteAfterDays());
            if (plan.rules().size() > 1) {
                evidence.put("OtherRules", plan.rules().subList(1, plan.rules().size()).stream()
                        .map(BackupRule::describe).toList());
            }
        }
        return evidence;
    }
}
