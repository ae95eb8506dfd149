package com.huntaze.audit.services.rds;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * rds.pending-maintenance: no DB instance or cluster has a pending maintenance action that AWS applies (or was
 * told to apply) within {@code maintenanceWarningDays}: one whose AutoAppliedAfterDate, ForcedApplyDate or
 * CurrentApplyDate has passed or falls in that window is NOK, with the action, its description and dates, so it
 * is applied at a time the team chooses rather than at AWS's. Other pending actions are OK, listed in the
 * evidence; none is OK. AutoMinorVersionUpgrade is in the evidence of each instance.
 */
public final class RdsPendingMaintenanceCheck implements Check {

    /**
     * 0 to 365: 0 reports only dates already passed; AWS announces forced maintenance months ahead, never more
     * than a year.
     */
    public static final Threshold MAINTENANCE_WARNING_DAYS = new Threshold("maintenanceWarningDays", 30, "days", 0,
            365, null, "Days ahead in which a pending RDS maintenance action's apply date makes it NOK");

    @Override
    public String id() {
        return "rds.pending-maintenance";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(RdsDatasets.DB_INSTANCES, RdsDatasets.DB_CLUSTERS, RdsDatasets.PENDING_MAINTENANCE);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(MAINTENANCE_WARNING_DAYS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Map<String, List<PendingMaintenance.Action>> byArn = new LinkedHashMap<>();
        ctx.get(RdsDatasets.PENDING_MAINTENANCE).forEach(p -> byArn.computeIfAbsent(p.resourceArn(),
                arn -> new ArrayList<>()).addAll(p.actions()));
        int days = ctx.threshold(MAINTENANCE_WARNING_DAYS);
        List<Finding> findings = new ArrayList<>();
        for (DbInstance i : ctx.get(RdsDatasets.DB_INSTANCES)) {
            findings.add(judge(ctx, i.id(), i.arn(), byArn.getOrDefault(i.arn(), List.of()), days,
                    i.autoMinorVersionUpgrade()));
        }
        for (DbCluster c : ctx.get(RdsDatasets.DB_CLUSTERS)) {
            findings.add(judge(ctx, c.id(), c.arn(), byArn.getOrDefault(c.arn(), List.of()), days, null)
                    .withResourceType(RdsEngineSupportCheck.CLUSTER_TYPE));
        }
        return findings;
    }

    private static Finding judge(CheckContext ctx, String id, String arn, List<PendingMaintenance.Action> actions,
                                 int days, Boolean autoMinorVersionUpgrade) {
        Instant horizon = ctx.now().plus(Duration.ofDays(days));
        List<String> due = new ArrayList<>();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (PendingMaintenance.Action a : actions) {
            listed.add(Evidence.of("Action", a.action(), "Description", a.description(),
                    "AutoAppliedAfterDate", text(a.autoAppliedAfterDate()), "ForcedApplyDate", text(a.forcedApplyDate()),
                    "CurrentApplyDate", text(a.currentApplyDate()), "OptInStatus", a.optInStatus()));
            Instant first = Stream.of(a.autoAppliedAfterDate(), a.forcedApplyDate(), a.currentApplyDate())
                    .filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
            if (first != null && !first.isAfter(horizon)) {
                due.add(a.action() + (a.description() == null ? "" : " (" + a.description() + ")") + " " + dates(a,
                        ctx.now()));
            }
        }
        var evidence = Evidence.of("PendingActions", listed, "WarningDays", days,
                "AutoMinorVersionUpgrade", autoMinorVersionUpgrade);
        if (!due.isEmpty()) {
            return ctx.nok(id, arn, due.size() + " pending maintenance action" + (due.size() == 1 ? "" : "s")
                    + " due now or within " + days + " days: " + String.join("; ", due) + ".", evidence);
        }
        if (actions.isEmpty()) {
            return ctx.ok(id, arn, "No pending maintenance action.", evidence);
        }
        return ctx.ok(id, arn, actions.size() + " pending maintenance action" + (actions.size() == 1 ? "" : "s")
                + ", none due within " + days + " days: " + String.join(", ", actions.stream()
                .map(PendingMaintenance.Action::action).toList()) + ".", evidence);
    }

    /** "auto-applied after 2026-12-11, forced on 2027-01-15 (passed)": the dates set, each said once. */
    private static String dates(PendingMaintenance.Action a, Instant now) {
        List<String> parts = new ArrayList<>();
        if (a.autoAppliedAfterDate() != null) {
            parts.add("auto-applied after " + day(a.autoAppliedAfterDate(), now));
        }
        if (a.forcedApplyDate() != null) {
            parts.add("forced on " + day(a.forcedApplyDate(), now));
        }
        if (a.currentApplyDate() != null) {
            parts.add("scheduled for " + day(a.currentApplyDate(), now));
        }
        return String.join(", ", parts);
    }

    private static String day(Instant instant, Instant now) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC) + (instant.isAfter(now) ? "" : " (passed)");
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
