package com.huntaze.audit.services.rds;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * rds.engine-support: each database runs an engine major version in RDS standard support, by the end date
 * DescribeDBMajorEngineVersions gives ({@code open-source-rds-standard-support}). Ended: NOK, the version is in RDS
 * Extended Support, billed per vCPU-hour on top of the instance; ending within {@code engineWarningDays}: NOK with the
 * date; else OK with it. Engines the API gives no lifecycle for (Oracle, SQL Server, Db2): OK, "no lifecycle data".
 *
 * <p>A cluster (Aurora, Multi-AZ DB cluster) is judged once, by its own version: its members share it, and the
 * upgrade is the cluster's. A standalone instance is judged by its own.
 */
public final class RdsEngineSupportCheck implements Check {

    /**
     * 0 to 1095: 0 reports only versions whose standard support has ended; AWS publishes end dates about three years
     * ahead, so a longer warning would flag a version in its first years.
     */
    public static final Threshold ENGINE_WARNING_DAYS = new Threshold("engineWarningDays", 180, "days", 0, 1095, null,
            "Days before the end of an engine version's standard support (RDS, ElastiCache) from which it is NOK");

    static final String CLUSTER_TYPE = "AWS::RDS::DBCluster";

    @Override
    public String id() {
        return "rds.engine-support";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(RdsDatasets.DB_INSTANCES, RdsDatasets.DB_CLUSTERS, RdsDatasets.MAJOR_ENGINE_VERSIONS);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(ENGINE_WARNING_DAYS);
    }

    /** One database as this check judges it: a standalone instance or a cluster. */
    private record Database(String id, String arn, boolean cluster, String engine, String engineVersion) {
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<DbCluster> clusters = ctx.get(RdsDatasets.DB_CLUSTERS);
        Set<String> clusterIds = clusters.stream().map(DbCluster::id).collect(Collectors.toSet());
        List<Database> databases = new ArrayList<>();
        for (DbInstance i : ctx.get(RdsDatasets.DB_INSTANCES)) {
            // A member is judged through its cluster; one whose cluster is not listed, on its own.
            if (!i.isClusterMember() || !clusterIds.contains(i.clusterId())) {
                databases.add(new Database(i.id(), i.arn(), false, i.engine(), i.engineVersion()));
            }
        }
        for (DbCluster c : clusters) {
            databases.add(new Database(c.id(), c.arn(), true, c.engine(), c.engineVersion()));
        }
        List<DbMajorEngineVersion> versions = ctx.get(RdsDatasets.MAJOR_ENGINE_VERSIONS);
        int warningDays = ctx.threshold(ENGINE_WARNING_DAYS);
        return databases.stream().map(db -> {
            Finding f = judge(ctx, db, versions, warningDays);
            return db.cluster() ? f.withResourceType(CLUSTER_TYPE) : f;
        }).toList();
    }

    private static Finding judge(CheckContext ctx, Database db, List<DbMajorEngineVersion> versions, int warningDays) {
        Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of("Engine", db.engine(),
                "EngineVersion", db.engineVersion(), "Source", db.cluster() ? "DBCluster" : "DBInstance"));
        if (db.engineVersion() == null || db.engineVersion().isBlank()) {
            return ctx.todo(db.id(), db.arn(), "Engine version unknown: AWS did not say which " + db.engine()
                    + " version it runs.", evidence);
        }
        Optional<DbMajorEngineVersion> major = majorOf(versions, db.engine(), db.engineVersion());
        DbMajorEngineVersion.Lifecycle standard = major.map(m -> m.lifecycle(DbMajorEngineVersion.STANDARD_SUPPORT))
                .orElse(null);
        if (standard == null || standard.end() == null) {
            boolean covered = versions.stream().anyMatch(v -> Objects.equals(v.engine(), db.engine())
                    && v.lifecycle(DbMajorEngineVersion.STANDARD_SUPPORT) != null);
            major.ifPresent(m -> evidence.put("MajorEngineVersion", m.majorEngineVersion()));
            if (covered) {
                return ctx.todo(db.id(), db.arn(), "DescribeDBMajorEngineVersions gives standard-support dates for "
                        + db.engine() + " but none for version " + db.engineVersion() + ": check it against the RDS"
                        + " release calendar.", evidence);
            }
            return ctx.ok(db.id(), db.arn(), "No lifecycle data: DescribeDBMajorEngineVersions gives no"
                    + " standard-support dates for " + db.engine() + ".", evidence);
        }
        DbMajorEngineVersion m = major.get();
        String name = engineName(db.engine()) + " " + m.majorEngineVersion();
        evidence.put("MajorEngineVersion", m.majorEngineVersion());
        LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
        LocalDate end = day(standard.end());
        evidence.put("StandardSupportEnds", end.toString());
        DbMajorEngineVersion.Lifecycle extended = m.lifecycle(DbMajorEngineVersion.EXTENDED_SUPPORT);
        if (extended != null && extended.start() != null) {
            evidence.put("ExtendedSupportStarts", day(extended.start()).toString());
        }
        if (extended != null && extended.end() != null) {
            evidence.put("ExtendedSupportEnds", day(extended.end()).toString());
        }
        evidence.put("WarningDays", warningDays);
        if (!standard.end().isAfter(ctx.now())) {
            LocalDate since = extended != null && extended.start() != null ? day(extended.start()) : end;
            String after = extended != null && extended.end() != null && !extended.end().isAfter(ctx.now())
                    ? " Extended support ended too, on " + day(extended.end()) + ": RDS upgrades it at a maintenance"
                            + " window of its choosing."
                    : extended != null && extended.end() != null
                            ? " Extended support ends on " + day(extended.end()) + ", then RDS upgrades it itself." : "";
            return ctx.nok(db.id(), db.arn(), "In extended support since " + since + " (billed extra): standard"
                    + " support of " + name + " ended on " + end + "." + after, evidence);
        }
        long daysLeft = ChronoUnit.DAYS.between(today, end);
        evidence.put("DaysLeft", daysLeft);
        if (daysLeft <= warningDays) {
            return ctx.nok(db.id(), db.arn(), "Standard support of " + name + " ends on " + end + " (in " + daysLeft
                    + (daysLeft == 1 ? " day" : " days") + "): from then on RDS Extended Support is billed extra"
                    + " until it is upgraded.", evidence);
        }
        return ctx.ok(db.id(), db.arn(), name + " is in standard support until " + end + ".", evidence);
    }

    /**
     * The major version {@code version} belongs to, among the engine's listed ones: the longest that is the version
     * itself or a dotted prefix of it ({@code 8.0} for {@code 8.0.mysql_aurora.3.05.2}, {@code 10.11} and not
     * {@code 10.1} for {@code 10.11.6}).
     */
    static Optional<DbMajorEngineVersion> majorOf(List<DbMajorEngineVersion> versions, String engine, String version) {
        return versions.stream()
                .filter(v -> Objects.equals(v.engine(), engine) && v.majorEngineVersion() != null)
                .filter(v -> version.equals(v.majorEngineVersion()) || version.startsWith(v.majorEngineVersion() + "."))
                .max(Comparator.comparingInt(v -> v.majorEngineVersion().length()));
    }

    /** How the report names an engine: PostgreSQL, Aurora MySQL, ... (another engine by its API name). */
    static String engineName(String engine) {
        return switch (engine == null ? "" : engine) {
            case "postgres" -> "PostgreSQL";
            case "mysql" -> "MySQL";
            case "mariadb" -> "MariaDB";
            case "aurora-postgresql" -> "Aurora PostgreSQL";
            case "aurora-mysql", "aurora" -> "Aurora MySQL";
            default -> engine;
        };
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
