package com.huntaze.audit.services.secretsmanager;

import com.huntaze.audit.services.Idle;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.pricing.Price;
import com.huntaze.audit.pricing.PriceTable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * secretsmanager.unused-secret: a secret nobody read in the last {@code unusedSecretDays} days (LastAccessedDate
 * older, or never read and created longer ago) is billed every month for nothing, and is one more credential to
 * guard: NOK, saving the secret-month price. A secret managed by another service (e.g. an RDS master password) lives
 * and goes with its owner: OK.
 *
 * <p>A secret created less than {@code unusedSecretDays} ago is never called unused ({@link Idle#tooNew}, with this
 * check's own window): never read, it is OK (too young to count); read long ago by its LastAccessedDate but created
 * within the window (the two dates disagree), it is a TODO "created N days ago: too new to judge unused", no saving.
 */
public final class SecretsManagerUnusedSecretCheck implements Check {

    /**
     * {@code --unused-secret-days}. 1 to 3650: Secrets Manager records the last access by day, so a day is the
     * least; ten years is longer than Secrets Manager exists (2018), so more would only hide every secret.
     */
    public static final Threshold UNUSED_SECRET_DAYS = new Threshold("unusedSecretDays", 90, "days", 1, 3650,
            "--unused-secret-days", "A secret not read for more than this many days (or never, and older) is unused");

    @Override
    public String id() {
        return "secretsmanager.unused-secret";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(SecretsManagerDatasets.SECRETS);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(UNUSED_SECRET_DAYS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        int limit = ctx.threshold(UNUSED_SECRET_DAYS);
        List<Finding> findings = new ArrayList<>();
        for (Secret s : ctx.get(SecretsManagerDatasets.SECRETS)) {
            Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of(
                    "LastAccessedDate", day(s.lastAccessedDate()) == null ? "never" : day(s.lastAccessedDate()),
                    "CreatedDate", day(s.createdDate()), "OwningService", s.owningService(),
                    "UnusedSecretDays", limit));
            if (s.owningService() != null && !s.owningService().isBlank()) {
                findings.add(ctx.ok(s.name(), s.arn(), "Managed by " + s.owningService() + ": it lives and goes with"
                        + " the resource that owns it.", evidence));
                continue;
            }
            if (s.lastAccessedDate() != null) {
                long idle = daysSince(ctx.now(), s.lastAccessedDate());
                Optional<String> tooNew = Idle.tooNew(s.createdDate(), ctx.now(), limit, "unused");
                if (idle > limit && tooNew.isPresent()) {
                    evidence.put("AgeDays", Idle.ageDays(s.createdDate(), ctx.now()));
                    findings.add(ctx.todo(s.name(), s.arn(), "Secret " + tooNew.get() + ".", evidence)
                            .withRemediation(Idle.tooNewRemediation(s.createdDate(), limit)));
                } else if (idle > limit) {
                    findings.add(nok(ctx, s, "Last read " + idle + " days ago (" + day(s.lastAccessedDate())
                            + "), more than " + limit + " days: nothing uses it.", evidence));
                } else {
                    findings.add(ctx.ok(s.name(), s.arn(), idle == 0 ? "Read today."
                            : "Last read " + idle + " day" + (idle == 1 ? "" : "s") + " ago.", evidence));
                }
                continue;
            }
            if (s.createdDate() == null) {
                findings.add(ctx.todo(s.name(), s.arn(), "Never read, and AWS gives no creation date: its age is"
                        + " unknown.", evidence).withRemediation("Look the secret up in the console or with the"
                        + " verify command, and delete it if nothing uses it."));
                continue;
            }
            long age = daysSince(ctx.now(), s.createdDate());
            if (age > limit) {
                findings.add(nok(ctx, s, "Never read since it was created " + age + " days ago (" + day(s.createdDate())
                        + "): nothing uses it.", evidence));
            } else {
                findings.add(ctx.ok(s.name(), s.arn(), "Never read yet, but created only " + age + " day"
                        + (age == 1 ? "" : "s") + " ago (the limit is " + limit + ").", evidence));
            }
        }
        return findings;
    }

    private static Finding nok(CheckContext ctx, Secret s, String message, Map<String, Object> evidence) {
        Optional<Price> price = ctx.prices().price(ctx.region(), SecretsManagerAuditService.SECRET_MONTH);
        double savings = 0;
        if (price.isPresent()) {
            savings = price.get().usd();
            evidence.put("Estimate", Idle.usd(price.get().usd()) + "/secret-month = " + Idle.monthly(savings));
            Idle.priceNotes(evidence, List.of(price.get()));
        } else {
            evidence.put("Price", PriceTable.unknownNote(SecretsManagerAuditService.SECRET_MONTH, null));
        }
        return ctx.nok(s.name(), s.arn(), message, evidence).withSavings(savings);
    }

    /** Whole days from {@code then} to {@code now}; 0 when {@code then} is in the future (clock skew). */
    private static long daysSince(Instant now, Instant then) {
        return Math.max(0, Duration.between(then, now).toDays());
    }

    private static String day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
