package com.huntaze.audit.pricing;

/**
 * One figure of the price table, as found for a region.
 *
 * @param usd             the price in US dollars, per the item's unit (hour, GB-month, secret-month)
 * @param item            the price item, e.g. {@code rds.postgres.instance-hour}
 * @param name            what is priced within the item, e.g. {@code db.t3.micro}; empty for single-figure items
 * @param region          the region the figure is for: the asked region, or {@code us-east-1} when it fell back
 * @param requestedRegion the region asked for
 * @param source          where the figure comes from (a pricing page URL, or what a user's file says)
 * @param date            the date the figure was known to be right (ISO-8601)
 */
public record Price(double usd, String item, String name, String region, String requestedRegion, String source,
                    String date) {

    /** True when the table has no figure for the asked region and {@code us-east-1}'s is used instead. */
    public boolean fromFallbackRegion() {
        return !region.equals(requestedRegion);
    }

    /** For evidence: {@code "https://aws.amazon.com/rds/postgresql/pricing/, 2026-11-22"}. */
    public String sourceNote() {
        return source + ", " + date;
    }

    /** For evidence: says that us-east-1's figure stands in for the asked region's, or null when it does not. */
    public String fallbackNote() {
        return fromFallbackRegion()
                ? region + " price used: the price table has no " + requestedRegion + " figure for " + label()
                : null;
    }

    /** {@code rds.postgres.instance-hour db.t3.micro}, or just the item for single-figure items. */
    public String label() {
        return name.isEmpty() ? item : item + " " + name;
    }
}
