package com.huntaze.audit.services;

import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.pricing.Price;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
