package com.huntaze.audit.services.manual;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.services.elasticache.CacheEvent;
import com.huntaze.audit.services.elasticache.ElastiCacheDatasets;
import com.huntaze.audit.services.rds.RdsDatasets;
import com.huntaze.audit.services.rds.RdsEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * manual.failover-test: Multi-AZ is only proven by a failover the application survived. Evidence: a completed
 * failover in the events of any audited region within {@code attestationMaxAgeDays} (at most the 14 days RDS and
 * ElastiCache keep events): an RDS failover event of a DB instance or cluster ("Multi-AZ instance failover
 * completed", "Completed failover to DB instance: ..."), or an ElastiCache "Failover to replica node ... completed",
 * or a "Finished recovery for cache nodes ..." after a {@code test-failover} of the node's replication group. The
 * latest one counts.
 */
public final class ManualFailoverTestCheck extends ManualCheck {
    public ManualFailoverTestCheck() {
        super("manual.failover-test",
                "force a failover of the database (RDS reboot with failover) and of the cache (ElastiCache "
                        + "test-failover) on staging and time the recovery",
                new EvidenceSource(Set.of(RdsDatasets.FAILOVER_EVENTS, ElastiCacheDatasets.EVENTS),
                        ManualFailoverTestCheck::latestFailover,
                        days -> "No completed failover in the RDS or ElastiCache events of the last "
                                + eventWindowDays(days) + " days in the audited regions (both keep events "
                                + EVENT_RETENTION_DAYS + " days: a test older than that must be attested)."));
    }

    /** A completed failover, in either service's words. */
    private static final Pattern RDS_COMPLETED = Pattern.compile(".*fail ?over.*(complete|finished).*"
            + "|.*(completed?|finished) (a )?(multi-az )?fail ?over.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CACHE_FAILOVER_COMPLETED = Pattern.compile("failover (from .+ )?to .+ completed.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CACHE_RECOVERY_FINISHED = Pattern.compile("finished recovery for cache nodes.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CACHE_TEST_FAILOVER = Pattern.compile("test ?failover api called.*",
            Pattern.CASE_INSENSITIVE);

    private record Failover(String service, String sourceType, String sourceId, Instant date, String message,
                            String region) {
    }

    static Optional<Finding> latestFailover(CheckContext ctx) {
        int maxAgeDays = ctx.threshold(ATTESTATION_MAX_AGE_DAYS);
        Instant since = ctx.now().minus(Duration.ofDays(eventWindowDays(maxAgeDays)));
        List<Failover> failovers = new ArrayList<>();
        for (Map.Entry<String, List<RdsEvent>> region : ctx.inEveryRegion(RdsDatasets.FAILOVER_EVENTS).entrySet()) {
            for (RdsEvent e : region.getValue()) {
                if ((e.categories().isEmpty() || e.categories().contains("failover")) && e.message() != null
                        && RDS_COMPLETED.matcher(e.message()).matches()) {
                    failovers.add(new Failover("RDS", e.sourceType(), e.sourceId(), e.date(), e.message(),
                            region.getKey()));
                }
            }
        }
        for (Map.Entry<String, List<CacheEvent>> region : ctx.inEveryRegion(ElastiCacheDatasets.EVENTS).entrySet()) {
            List<CacheEvent> events = region.getValue();
            for (CacheEvent e : events) {
                if (e.message() != null && (CACHE_FAILOVER_COMPLETED.matcher(e.message()).matches()
                        || CACHE_RECOVERY_FINISHED.matcher(e.message()).matches() && afterTestFailover(e, events))) {
                    failovers.add(new Failover("ElastiCache", e.sourceType(), e.sourceId(), e.date(), e.message(),
                            region.getKey()));
                }
            }
        }
        return failovers.stream()
                .filter(f -> f.date() != null && !f.date().isBefore(since))
                .max(Comparator.comparing(Failover::date).thenComparing(Failover::sourceId))
                .map(f -> {
                    LocalDate day = LocalDate.ofInstant(f.date(), ZoneOffset.UTC);
                    long ageDays = ChronoUnit.DAYS.between(day, LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC));
                    return ctx.ok("", null, "Failover completed on " + day + " (" + ageDays
                                    + (ageDays == 1 ? " day" : " days") + " ago): " + f.service() + " " + f.sourceType()
                                    + " " + f.sourceId() + " in " + f.region() + ", \"" + f.message() + "\".",
                            Evidence.of("Event", f.message(), "Service", f.service(), "SourceType", f.sourceType(),
                                    "SourceId", f.sourceId(), "Region", f.region(), "Date", f.date().toString(),
                                    "AgeDays", ageDays, "MaxAgeDays", maxAgeDays));
                });
    }

    /**
     * "Finished recovery for cache nodes" also follows a node replaced by ElastiCache itself: it counts only after a
     * test-failover of its replication group (whose member clusters are named GROUP-NNN or GROUP-NNNN-NNN).
     */
    private static boolean afterTestFailover(CacheEvent recovery, List<CacheEvent> events) {
        return events.stream().anyMatch(e -> e.message() != null && CACHE_TEST_FAILOVER.matcher(e.message()).matches()
                && e.date() != null && recovery.date() != null && !e.date().isAfter(recovery.date())
                && e.sourceId() != null && recovery.sourceId() != null
                && (recovery.sourceId().equals(e.sourceId()) || recovery.sourceId().startsWith(e.sourceId() + "-")));
    }
}
