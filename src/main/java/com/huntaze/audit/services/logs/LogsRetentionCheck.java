package com.huntaze.audit.services.logs;

import com.huntaze.audit.services.Idle;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.pricing.Price;
import com.huntaze.audit.pricing.PriceTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * logs.retention: a log group without retention keeps every event forever and its bill only grows. NOK with its
 * stored size; the saving is an upper bound: what its stored data costs per month (a retention deletes only the
 * events older than it). An empty group (storedBytes 0) that never expires is still NOK, since the retention is unset,
 * but its message says it is empty today rather than "stored and growing", and it saves nothing.
 */
public final class LogsRetentionCheck implements Check {

    private static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;

    @Override
    public String id() {
        return "logs.retention";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(LogsDatasets.LOG_GROUPS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(LogsDatasets.LOG_GROUPS).stream().map(g -> {
            if (g.retentionInDays() != null) {
                return ctx.ok(g.name(), g.arn(), "Events expire after " + g.retentionInDays() + " days.",
                        Evidence.of("RetentionInDays", g.retentionInDays(), "StoredBytes", g.storedBytes()));
            }
            double gb = g.storedBytes() / BYTES_PER_GB;
            Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of("Retention", "never expire",
                    "StoredBytes", g.storedBytes(), "StoredGB", Math.round(gb * 1000) / 1000.0));
            if (g.storedBytes() <= 0) {
                evidence.put("Estimate", "nothing stored yet: $0.00/month");
                return ctx.nok(g.name(), g.arn(), "Never expires (empty today: set a retention before it fills).",
                        evidence);
            }
            Optional<Price> price = ctx.prices().price(ctx.region(), LogsAuditService.STORAGE_GB_MONTH);
            double savings = 0;
            if (price.isPresent()) {
                savings = gb * price.get().usd();
                evidence.put("Estimate", String.format(Locale.ROOT, "upper bound: %.3f GB × %s/GB-month = $%.2f/month",
                        gb, Idle.usd(price.get().usd()), savings));
                evidence.put("PriceSource", price.get().sourceNote());
                if (price.get().fallbackNote() != null) {
                    evidence.put("PriceRegion", price.get().fallbackNote());
                }
            } else {
                evidence.put("Price", PriceTable.unknownNote(LogsAuditService.STORAGE_GB_MONTH, null));
            }
            return ctx.nok(g.name(), g.arn(), "Never expires: " + size(g.storedBytes())
                    + " stored and growing, kept (and billed) forever.", evidence).withSavings(savings);
        }).toList();
    }

    private static String size(long bytes) {
        if (bytes >= BYTES_PER_GB) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / BYTES_PER_GB);
        }
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return bytes + " bytes";
    }
}
