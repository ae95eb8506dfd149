package com.huntaze.audit.services.manual;

import com.huntaze.audit.engine.Attestation;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A launch-readiness item no API can verify (a restore test, a failover test...): one account-level finding,
 * TODO until a person attests it in the config file, OK while the latest attestation is at most
 * {@code attestationMaxAgeDays} old, and TODO again ("attestation expired") after that. The how-to-verify steps
 * are the metadata's remediation.
 */
public abstract class ManualCheck implements Check {

    /**
     * 1 to 730: an attestation is dated by day; two years covers a yearly test with a year's slack, and a by-hand
     * test older than that says nothing about the system being launched.
     */
    public static final Threshold ATTESTATION_MAX_AGE_DAYS = new Threshold("attestationMaxAgeDays", 90, "days", 1,
            730, null, "How many days an attestation of a by-hand check (manual.*) counts before it must be repeated");

    private final String id;
    private final String task;

    /** @param task what a person has to do, as the end of "Cannot be verified through the AWS API: ..." */
    protected ManualCheck(String id, String task) {
        this.id = id;
        this.task = task;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<Dataset<?>> requires() {
        return Set.of();
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
        if (latest.isEmpty()) {
            return List.of(ctx.todo("", null, "Cannot be verified through the AWS API: " + task + ". Once done,"
                    + " attest it in the config file (attestations: check " + id + ", by, date, note).",
                    Evidence.of("MaxAgeDays", maxAgeDays)));
        }
        Attestation a = latest.get();
        long ageDays = ChronoUnit.DAYS.between(a.date(), LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC));
        var evidence = Evidence.of("AttestedBy", a.by(), "AttestedOn", a.date().toString(),
                "Note", a.note().isBlank() ? null : a.note(), "AgeDays", ageDays, "MaxAgeDays", maxAgeDays);
        if (ageDays > maxAgeDays) {
            return List.of(ctx.todo("", null, "The attestation expired: " + a.by() + " attested it on " + a.date()
                    + ", " + ageDays + " days ago, and attestations count for " + maxAgeDays + " days. Repeat it: "
                    + task + ".", evidence));
        }
        return List.of(ctx.ok("", null, "Attested by " + a.by() + " on " + a.date() + " (" + ageDays
                + (ageDays == 1 ? " day" : " days") + " ago).", evidence));
    }
}
