package com.huntaze.audit.pricing;

import java.util.regex.Pattern;

/**
 * A kind of figure the price table holds, declared by the service whose checks price with it (an
 * {@link com.huntaze.audit.services.AuditService} contribution). The embedded table and {@code --prices} files may
 * hold only declared items.
 *
 * @param name   the item's name, the unit in it ({@code elbv2.load-balancer-hour}); {@code *} stands for one
 *               name part in a family of items ({@code rds.*.instance-hour}: one per engine)
 * @param byType whether its figures are per type (instance class, node type, ...) or one figure
 */
public record PriceItem(String name, boolean byType, String description) {

    public static PriceItem single(String name, String description) {
        return new PriceItem(name, false, description);
    }

    public static PriceItem byType(String name, String description) {
        return new PriceItem(name, true, description);
    }

    /** Whether a table's item {@code item} is this one (or one of this family). */
    public boolean matches(String item) {
        return name.contains("*")
                ? Pattern.compile(Pattern.quote(name).replace("*", "\\E[a-z0-9-]+\\Q")).matcher(item).matches()
                : name.equals(item);
    }
}
