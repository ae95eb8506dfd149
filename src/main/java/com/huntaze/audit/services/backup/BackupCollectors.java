package com.huntaze.audit.services.backup;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.manual.ManualCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.BackupClientBuilder;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.ConditionParameter;
import software.amazon.awssdk.services.backup.model.Conditions;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;
import software.amazon.awssdk.services.backup.model.RestoreJobStatus;

/**
 * AWS Backup: the plans (ListBackupPlans, then GetBackupPlan and ListBackupSelections per plan, then
 * GetBackupSelection per selection), the protected resources (ListProtectedResources) and the restore jobs that
 * completed within {@code attestationMaxAgeDays} (ListRestoreJobs), every list at its maximum page size (1000).
 */
final class BackupCollectors {
    private BackupCollectors() {
    }

    static final ServiceClient<BackupClient, BackupClientBuilder> BACKUP =
            ServiceClient.regional("backup", BackupClient::builder);

    static final int MAX_RESULTS = 1000;

    private static BackupClient client(CollectionContext context) {
        return context.client(BACKUP);
    }

    static final DatasetCollector<List<BackupPlan>> PLANS = new DatasetCollector<>() {
        @Override
        public Dataset<List<BackupPlan>> dataset() {
            return BackupDatasets.PLANS;
        }

        @Override
        public List<String> actions() {
            return List.of("backup:GetBackupPlan", "backup:GetBackupSelection", "backup:ListBackupPlans",
                    "backup:ListBackupSelections");
        }

        @Override
        public List<BackupPlan> collect(CollectionContext context) {
            BackupClient backup = client(context);
            List<BackupPlansListMember> listed = call("backup:ListBackupPlans", () -> backup
                    .listBackupPlansPaginator(r -> r.maxResults(MAX_RESULTS)).backupPlansList().stream().toList());
            // Each plan's rules and its list of selections, all at once; then every selection at once (never a
            // fan-out inside a fan-out: both share one pool). A plan or selection deleted since listed answers null.
            List<Supplier<Object>> perPlan = new ArrayList<>();
            for (BackupPlansListMember plan : listed) {
                perPlan.add(() -> call("backup:GetBackupPlan", () -> orNull(() -> backup.getBackupPlan(r -> r
                        .backupPlanId(plan.backupPlanId())))));
                perPlan.add(() -> call("backup:ListBackupSelections", () -> orNull(() -> backup
                        .listBackupSelectionsPaginator(r -> r.backupPlanId(plan.backupPlanId()).maxResults(MAX_RESULTS))
                        .backupSelectionsList().stream().toList())));
            }
            List<Object> answers = context.forEach(perPlan, Supplier::get);
            List<BackupSelectionsListMember> selectionsListed = new ArrayList<>();
            for (int i = 0; i < listed.size(); i++) {
                if (answers.get(2 * i + 1) instanceof List<?> list) {
                    list.forEach(s -> selectionsListed.add((BackupSelectionsListMember) s));
                }
            }
            List<GetBackupSelectionResponse> selected = context.forEach(selectionsListed, s ->
                    call("backup:GetBackupSelection", () -> orNull(() -> backup.getBackupSelection(r -> r
                            .backupPlanId(s.backupPlanId()).selectionId(s.selectionId())))));
            Map<String, List<BackupSelection>> selectionsByPlan = new HashMap<>();
            for (GetBackupSelectionResponse answer : selected) {
                if (answer != null && answer.backupSelection() != null) {
                    selectionsByPlan.computeIfAbsent(answer.backupPlanId(), k -> new ArrayList<>()).add(selection(answer));
                }
            }
            List<BackupPlan> plans = new ArrayList<>();
            for (int i = 0; i < listed.size(); i++) {
                BackupPlansListMember plan = listed.get(i);
                if (!(answers.get(2 * i) instanceof GetBackupPlanResponse details)) {
                    continue; // deleted since listed
                }
                plans.add(new BackupPlan(plan.backupPlanId(), plan.backupPlanName(), plan.backupPlanArn(),
                        details.backupPlan() == null ? List.of() : details.backupPlan().rules().stream()
                                .map(rule -> new BackupRule(rule.ruleName(), rule.scheduleExpression(),
                                        rule.lifecycle() == null ? null : rule.lifecycle().deleteAfterDays()))
                                .toList(),
                        selectionsByPlan.getOrDefault(plan.backupPlanId(), List.of())));
            }
            return plans;
        }
    };

    private static <T> T orNull(Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException deletedSinceListed) {
            return null;
        }
    }

    private static BackupSelection selection(GetBackupSelectionResponse answer) {
        var s = answer.backupSelection();
        List<String> listOfTags = s.listOfTags().stream()
                .map(c -> c.conditionKey() + " = " + c.conditionValue()).toList();
        List<String> conditions = new ArrayList<>();
        Conditions c = s.conditions();
        if (c != null) {
            add(conditions, c.stringEquals(), " = ");
            add(conditions, c.stringNotEquals(), " != ");
            add(conditions, c.stringLike(), " like ");
            add(conditions, c.stringNotLike(), " not like ");
        }
        return new BackupSelection(answer.selectionId(), s.selectionName(), s.resources(), s.notResources(), listOfTags,
                conditions);
    }

    private static void add(List<String> into, List<ConditionParameter> parameters, String operator) {
        parameters.forEach(p -> into.add(p.conditionKey() + operator + p.conditionValue()));
    }

    static final DatasetCollector<List<ProtectedResource>> PROTECTED_RESOURCES = new DatasetCollector<>() {
        @Override
        public Dataset<List<ProtectedResource>> dataset() {
            return BackupDatasets.PROTECTED_RESOURCES;
        }

        @Override
        public List<String> actions() {
            return List.of("backup:ListProtectedResources");
        }

        @Override
        public List<ProtectedResource> collect(CollectionContext context) {
            return call("backup:ListProtectedResources", () -> client(context)
                    .listProtectedResourcesPaginator(r -> r.maxResults(MAX_RESULTS)).results().stream()
                    .map(p -> new ProtectedResource(p.resourceArn(), p.resourceType(), p.resourceName(),
                            p.lastBackupTime()))
                    .toList());
        }
    };

    static final DatasetCollector<List<RestoreJob>> RESTORE_JOBS = new DatasetCollector<>() {
        @Override
        public Dataset<List<RestoreJob>> dataset() {
            return BackupDatasets.RESTORE_JOBS;
        }

        @Override
        public List<String> actions() {
            return List.of("backup:ListRestoreJobs");
        }

        /** Only the jobs that can count for {@code manual.restore-test}: COMPLETED within attestationMaxAgeDays. */
        @Override
        public List<RestoreJob> collect(CollectionContext context) {
            int days = context.metrics().thresholds().get(ManualCheck.ATTESTATION_MAX_AGE_DAYS);
            Instant since = referenceTime(context).minus(Duration.ofDays(days));
            return call("backup:ListRestoreJobs", () -> client(context)
                    .listRestoreJobsPaginator(r -> r.maxResults(MAX_RESULTS).byStatus(RestoreJobStatus.COMPLETED)
                            .byCompleteAfter(since))
                    .restoreJobs().stream()
                    .map(j -> new RestoreJob(j.restoreJobId(), j.statusAsString(), j.resourceType(), j.creationDate(),
                            j.completionDate(), j.recoveryPointArn(), j.sourceResourceArn(), j.createdResourceArn()))
                    .toList());
        }
    };

    /** The audit's reference time (the end of its metric lookbacks), or now for a collection without one. */
    private static Instant referenceTime(CollectionContext context) {
        Instant end = context.metrics().end();
        return end == null || end.equals(Instant.EPOCH) ? Instant.now() : end;
    }
}
