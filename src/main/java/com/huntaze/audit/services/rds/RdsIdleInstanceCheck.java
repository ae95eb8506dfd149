package com.huntaze.audit.services.rds;

import com.huntaze.audit.services.Idle;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.inventory.MetricSpec.Statistic;
import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.inventory.MetricSeries;
import com.huntaze.audit.pricing.Price;
import com.huntaze.audit.pricing.PriceTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * rds.idle-instance: a DB instance nobody connected to in the last {@code idleDays} days (DatabaseConnections
 * daily Maximum all 0) is dead weight: NOK with its monthly cost as the saving. No datapoint at all is not the
 * same answer as zero: TODO. An idle Aurora member whose cluster serves connections through another member is a
 * failover standby: OK.
 *
 * <p>An idle instance created less than {@code idleDays} ago (InstanceCreateTime, against the audit's reference
 * time) has not had the whole window to show connections: TODO "created N days ago: too new to judge idle", no
 * saving ({@link Idle#tooNew}). One with connections stays OK; an unknown InstanceCreateTime is judged as before.
 */
public final class RdsIdleInstanceCheck implements Check {

    public static final MetricSpec<DbInstance> CONNECTIONS = MetricSpec
            .of("rds.database-connections.max", RdsDatasets.DB_INSTANCES, DbInstance::id)
            .metric("AWS/RDS", "DatabaseConnections")
            .dimensions(db -> Map.of("DBInstanceIdentifier", db.id()))
            .statistic(Statistic.Maximum)
            .lookback(Idle.DAYS)
            .build();

    @Override
    public String id() {
        return "rds.idle-instance";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(RdsDatasets.DB_INSTANCES, MetricData.DATASET);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(Idle.DAYS);
    }

    @Override
    public List<MetricSpec<?>> metrics() {
        return List.of(CONNECTIONS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<DbInstance> instances = ctx.get(RdsDatasets.DB_INSTANCES);
        MetricData metrics = ctx.get(MetricData.DATASET);
        int days = ctx.threshold(Idle.DAYS);
        Set<String> clustersInUse = new HashSet<>();
        for (DbInstance i : instances) {
            MetricSeries s = metrics.series(CONNECTIONS, i.id());
            if (i.isClusterMember() && !s.isEmpty() && s.max() > 0) {
                clustersInUse.add(i.clusterId());
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (DbInstance i : instances) {
            MetricSeries s = metrics.series(CONNECTIONS, i.id());
            if (s.isEmpty()) {
                findings.add(ctx.todo(i.id(), i.arn(), "No DatabaseConnections datapoint in the last " + days
                                + " days: whether it is idle is unknown (no metrics).",
                        Evidence.of("Metric", CONNECTIONS.describe(), "LookbackDays", days, "Datapoints", 0,
                                "DBInstanceClass", i.instanceClass()))
                        .withRemediation("Look at the instance's DatabaseConnections in the CloudWatch console: a"
                                + " stopped, just created or unmonitored instance has none. Run the audit again once"
                                + " it has metrics."));
                continue;
            }
            double peak = s.max();
            Map<String, Object> usage = Evidence.of("MaxDatabaseConnections", peak, "Datapoints", s.size(),
                    "LookbackDays", days, "Metric", CONNECTIONS.describe());
            Optional<String> tooNew = Idle.tooNew(i.instanceCreateTime(), ctx.now(), days);
            if (peak > 0) {
                findings.add(ctx.ok(i.id(), i.arn(), "Up to " + (long) Math.ceil(peak) + " connections in the last "
                        + days + " days.", usage));
            } else if (i.isClusterMember() && clustersInUse.contains(i.clusterId())) {
                findings.add(ctx.ok(i.id(), i.arn(), "No connection in the last " + days + " days, but cluster "
                        + i.clusterId() + " serves connections through another member: a failover standby.", usage));
            } else if (tooNew.isPresent()) {
                Map<String, Object> evidence = new java.util.LinkedHashMap<>(usage);
                evidence.put("InstanceCreateTime", i.instanceCreateTime().toString());
                evidence.put("AgeDays", Idle.ageDays(i.instanceCreateTime(), ctx.now()));
                evidence.put("DBInstanceClass", i.instanceClass());
                findings.add(ctx.todo(i.id(), i.arn(), "DB instance " + tooNew.get() + ".", evidence)
                        .withRemediation(Idle.tooNewRemediation(i.instanceCreateTime(), days)));
            } else {
                Estimate estimate = estimate(ctx, i);
                Map<String, Object> evidence = new java.util.LinkedHashMap<>(usage);
                evidence.putAll(estimate.evidence());
                findings.add(ctx.nok(i.id(), i.arn(), "No connection in the last " + days
                        + " days: the instance costs money while serving nobody.", evidence)
                        .withSavings(estimate.monthlyUsd()));
            }
        }
        return findings;
    }

    private record Estimate(double monthlyUsd, Map<String, Object> evidence) {
    }

    /**
     * The instance's monthly cost: its hourly price (twice for a Multi-AZ standby) × 730, plus its storage (also
     * twice for Multi-AZ). Aurora storage belongs to the cluster and is billed by use: not counted. An instance
     * class the table does not know: 0, and the evidence says the price is unknown.
     */
    private static Estimate estimate(CheckContext ctx, DbInstance i) {
        String item = RdsAuditService.instanceHour(i.engine());
        Optional<Price> hourly = ctx.prices().price(ctx.region(), item, i.instanceClass());
        Map<String, Object> base = Evidence.of("Engine", i.engine(), "DBInstanceClass", i.instanceClass(),
                "MultiAZ", i.multiAz(), "AllocatedStorage", i.isClusterMember() ? null : i.allocatedStorageGb(),
                "StorageType", i.storageType());
        if (hourly.isEmpty()) {
            Map<String, Object> evidence = new java.util.LinkedHashMap<>(base);
            evidence.put("Price", PriceTable.unknownNote(item, i.instanceClass()));
            return new Estimate(0, evidence);
        }
        int copies = i.multiAz() && !i.isClusterMember() ? 2 : 1;
        double instanceUsd = hourly.get().usd() * copies * PriceTable.HOURS_PER_MONTH;
        StringBuilder how = new StringBuilder(Idle.usd(hourly.get().usd()) + "/h × " + PriceTable.HOURS_PER_MONTH
                + " h" + (copies == 2 ? " × 2 (Multi-AZ)" : ""));
        Map<String, Object> evidence = new java.util.LinkedHashMap<>(base);
        double storageUsd = 0;
        Optional<Price> storage = Optional.empty();
        if (!i.isClusterMember() && i.allocatedStorageGb() > 0) {
            storage = ctx.prices().price(ctx.region(), RdsAuditService.STORAGE_GB_MONTH, i.storageType());
            if (storage.isPresent()) {
                storageUsd = i.allocatedStorageGb() * storage.get().usd() * copies;
                how.append(" + ").append(i.allocatedStorageGb()).append(" GB × ").append(Idle.usd(storage.get().usd()))
                        .append("/GB-month").append(copies == 2 ? " × 2" : "");
            } else {
                evidence.put("StoragePrice", PriceTable.unknownNote(RdsAuditService.STORAGE_GB_MONTH, i.storageType())
                        + ": storage not counted");
            }
        }
        evidence.put("Estimate", how + " = " + String.format(java.util.Locale.ROOT, "$%.2f/month",
                instanceUsd + storageUsd));
        evidence.put("PriceSource", hourly.get().sourceNote());
        if (hourly.get().fallbackNote() != null) {
            evidence.put("PriceRegion", hourly.get().fallbackNote());
        }
        storage.ifPresent(p -> {
            if (!p.sourceNote().equals(hourly.get().sourceNote())) {
                evidence.put("StoragePriceSource", p.sourceNote());
            }
            if (p.fallbackNote() != null) {
                evidence.put("StoragePriceRegion", p.fallbackNote());
            }
        });
        return new Estimate(instanceUsd + storageUsd, evidence);
    }
}
