package com.huntaze.audit.services.manual;

import com.huntaze.audit.engine.Attestation;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.engine.Thresholds;
import com.huntaze.audit.inventory.CollectionFailedException;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.inventory.Dataset;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A launch-readiness item no API can verify (a restore test, a failover test...): one account-level finding,
 * TODO until a person attests it in the config file, OK while the latest attestation is at most
 * {@code attestationMaxAgeDays} old, and TODO again ("attestation expired") after that. The how-to-verify steps
 * are the metadata's remediation.
 *
 * <p>An item the account can show evidence of (a completed restore job, a failover event) has an
 * {@link EvidenceSource}: without a fresh attestation, that evidence within {@code attestationMaxAgeDays} makes it
 * OK by itself. A fresh attestation wins over the evidence, and is read even when the evidence could not be (the
 * item does not need all its inputs); without either it is TODO as before, saying why no evidence counted.
 */
public abstract class ManualCheck implements Check {

    /**
     * 1 to 730: an attestation is dated by day; two years covers a yearly test with a year's slack, and a by-hand
     * test older than that says nothing about the system being launched.
     */
    public static final Threshold ATTESTATION_MAX_AGE_DAYS = new Threshold("attestationMaxAgeDays", 90, "days", 1,
            730, null, "How many days an attestation of a by-hand check (manual.*) counts before it must be repeated");

    /** RDS and ElastiCache keep events 14 days: DescribeEvents' longest Duration. */
    public static final int EVENT_RETENTION_DAYS = 14;

    /** The days of events an evidence source can read: {@code attestationMaxAgeDays}, at most the events kept. */
    public static int eventWindowDays(int maxAgeDays) {
        return Math.min(maxAgeDays, EVENT_RETENTION_DAYS);
    }

    /** DescribeEvents' Duration for the audit's thresholds: {@link #eventWindowDays} in minutes. */
    public static int eventWindowMinutes(Thresholds thresholds) {
        return eventWindowDays(thresholds.get(ATTESTATION_MAX_AGE_DAYS)) * 24 * 60;
    }

    /**
     * What the account itself shows of a by-hand item.
     *
     * @param datasets the datasets {@link #find} reads (a regional one with {@code ctx.inEveryRegion})
     * @param find     the evidence that the item was done within {@code attestationMaxAgeDays}: an OK finding of
     *                 the check about the account ({@code ctx.ok("", null, ...)}), or empty
     * @param none     why nothing counted, for the TODO's message, given {@code attestationMaxAgeDays}
     */
    public record EvidenceSource(Set<Dataset<?>> datasets, Function<CheckContext, Optional<Finding>> find,
                                 IntFunction<String> none) {
        public EvidenceSource {
            datasets = Set.copyOf(datasets);
        }
    }

    private final String id;
    private final String task;
    private final EvidenceSource evidence;

    /** @param task what a person has to do, as the end of "Cannot be verified through the AWS API: ..." */
    protected ManualCheck(String id, String task) {
        this(id, task, null);
    }

    /** @param evidence what the account can show instead of an attestation; null for none */
    protected ManualCheck(String id, String task, EvidenceSource evidence) {
        this.id = id;
        this.task = task;
        this.evidence = evidence;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<Dataset<?>> requires() {
        return evidence == null ? Set.of() : evidence.datasets();
    }

    /** A fresh attestation counts whatever the account shows, and when its evidence could not be read. */
    @Override
    public final Set<Dataset<?>> tolerates() {
        return requires();
    }

    @Override
    public final Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public final List<Threshold> thresholds() {
        return List.of(ATTESTATION_MAX_AGE_DAYS);
    }

    @Override
    public final List<Finding> evaluate(CheckContext ctx) {
        int maxAgeDays = ctx.threshold(ATTESTATION_MAX_AGE_DAYS);
        Optional<Attestation> latest = ctx.attestations().stream().max(Comparator.comparing(Attestation::date));
        long ageDays = latest.map(a -> ChronoUnit.DAYS.between(a.date(), LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC)))
                .orElse(0L);
        if (latest.isPresent() && ageDays <= maxAgeDays) {
            Attestation a = latest.get();
            return List.of(ctx.ok("", null, "Attested by " + a.by() + " on " + a.date() + " (" + ageDays
                    + (ageDays == 1 ? " day" : " days") + " ago).", attested(a, ageDays, maxAgeDays)));
        }
        // No fresh attestation: what the account shows, if anything.
        String noEvidence = "";
        Map<String, Object> unread = Map.of();
        if (evidence != null) {
            try {
                Optional<Finding> found = evidence.find().apply(ctx);
                if (found.isPresent()) {
                    return List.of(found.get());
                }
                noEvidence = evidence.none().apply(maxAgeDays);
            } catch (CollectionFailedException e) {
                CollectionFailure f = e.failure();
                noEvidence = "The account's evidence could not be read (" + f.action() + " " + f.reason() + "): "
                        + f.advice();
                unread = Evidence.of("action", f.action(), "error", f.error());
            }
        }
        if (latest.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>(Evidence.of("MaxAgeDays", maxAgeDays));
            details.putAll(unread);
            return List.of(ctx.todo("", null, (noEvidence.isEmpty() ? "Cannot be verified"
                    : noEvidence + " Otherwise it cannot be verified") + " through the AWS API: " + task + ". Once done,"
                    + " attest it in the config file (attestations: check " + id + ", by, date, note).", details));
        }
        Attestation a = latest.get();
        Map<String, Object> details = new LinkedHashMap<>(attested(a, ageDays, maxAgeDays));
        details.putAll(unread);
        return List.of(ctx.todo("", null, "The attestation expired: " + a.by() + " attested it on " + a.date()
                + ", " + ageDays + " days ago, and attestations count for " + maxAgeDays + " days. Repeat it: "
                + task + "." + (noEvidence.isEmpty() ? "" : " " + noEvidence), details));
    }

    private static Map<String, Object> attested(Attestation a, long ageDays, int maxAgeDays) {
        return Evidence.of("AttestedBy", a.by(), "AttestedOn", a.date().toString(),
                "Note", a.note().isBlank() ? null : a.note(), "AgeDays", ageDays, "MaxAgeDays", maxAgeDays);
    }
}
