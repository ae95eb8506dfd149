package com.huntaze.audit.services;

import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.pricing.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What the idle-resource and savings checks (RDS, ElastiCache, load balancers, ECS, secrets) share. */
public final class Idle {
    private Idle() {
    }

    /**
     * {@code --idle-days}: how far back the idle checks read CloudWatch metrics. 1 to 455: at least one daily
     * datapoint, and no further back than CloudWatch keeps hourly (and so daily) data.
     */
    public static final Threshold DAYS = new Threshold("idleDays", 7, "days", 1, MetricSpec.MAX_LOOKBACK_DAYS,
            "--idle-days", "Days of CloudWatch metrics the idle-resource checks look at");

    /**
     * The rule every idle or unused check applies before a NOK: a resource created less than {@code days} days
     * before {@code now} (the audit's reference time, never the clock) has not existed for the whole window the
     * check reads, so its quiet window proves nothing. Returns the reason, {@code "created 2 days ago: too new to
     * judge idle over the last 7 days"} (whole days, rounded down; a creation time after {@code now} counts as 0
     * days), or empty when the resource is old enough or its creation time is unknown (null: the check judges it as
     * before).
     */
    public static Optional<String> tooNew(Instant created, Instant now, int days) {
        return tooNew(created, now, days, "idle");
    }

    /** {@link #tooNew(Instant, Instant, int)} for a check whose verdict is another word: "unused". */
    public static Optional<String> tooNew(Instant created, Instant now, int days, String verdict) {
        if (created == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(created, now);
        if (age.compareTo(Duration.ofDays(days)) >= 0) {
            return Optional.empty();
        }
        long whole = Math.max(0, age.toDays());
        return Optional.of("created " + whole + " day" + (whole == 1 ? "" : "s") + " ago: too new to judge "
                + verdict + " over the last " + (days == 1 ? "day" : days + " days"));
    }

    /** Its age in whole days at {@code now} (0 when created after it), for evidence. */
    public static long ageDays(Instant created, Instant now) {
        return Math.max(0, Duration.between(created, now).toDays());
    }

    /** The remediation of a too-new TODO: when the resource will have existed for the whole window. */
    public static String tooNewRemediation(Instant created, int days) {
        return "Run the audit again after " + created.plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS)
                + ", when it has existed for the whole " + days + "-day window.";
    }

    /** {@code $0.068}: a price as the table has it, without trailing zeros, for an estimate's evidence. */
    public static String usd(double amount) {
        return "$" + BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
    }

    /** {@code $27.38/month}: an estimate's result, in cents. */
    public static String monthly(double usd) {
        return String.format(Locale.ROOT, "$%.2f/month", usd);
    }

    /**
     * Puts where an estimate's figures come from into its evidence: {@code PriceSource} (each distinct source and
     * date, "; "-joined) and, when us-east-1's figures stood in for the region's, {@code PriceRegion}.
     */
    public static void priceNotes(Map<String, Object> evidence, List<Price> prices) {
        List<String> sources = prices.stream().map(Price::sourceNote).distinct().toList();
        if (!sources.isEmpty()) {
            evidence.put("PriceSource", String.join("; ", sources));
        }
        List<String> fallbacks = prices.stream().map(Price::fallbackNote).filter(Objects::nonNull).distinct().toList();
        if (!fallbacks.isEmpty()) {
            evidence.put("PriceRegion", String.join("; ", fallbacks));
        }
    }
}
