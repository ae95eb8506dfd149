package com.huntaze.audit.services.acm;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * acm.certificate-renewal: every ISSUED certificate in use expires more than {@code certificateWarningDays} days from
 * now and will renew by itself. ACM renews what it issued, while the certificate is in use and its validation still
 * holds: a DNS-validated certificate renews unattended (its CNAME stays in DNS), an EMAIL-validated one waits for a
 * person to approve ACM's mail, and an imported one never renews. An expired certificate in use is NOK; one not in
 * use is OK, "not in use" (expired or not: nothing depends on it). In us-east-1 read only because CloudFront is
 * audited (not an audited region), only the certificates a CloudFront distribution uses are judged.
 */
public final class AcmCertificateRenewalCheck implements Check {

    /**
     * 1 to 397: ACM starts renewing 60 days before expiry, so a certificate still due within 30 days has a renewal
     * that did not happen; 397 days is the longest validity of a public TLS certificate.
     */
    public static final Threshold WARNING_DAYS = new Threshold("certificateWarningDays", 30, "days", 1, 397, null,
            "acm.certificate-renewal: a certificate in use expiring within this many days is NOK");

    static final String AMAZON_ISSUED = "AMAZON_ISSUED";
    static final String IMPORTED = "IMPORTED";
    static final String PRIVATE = "PRIVATE";

    @Override
    public String id() {
        return "acm.certificate-renewal";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(AcmDatasets.CERTIFICATES);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(WARNING_DAYS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        int window = ctx.threshold(WARNING_DAYS);
        // us-east-1 read only because CloudFront is audited: the certificates CloudFront uses, nothing else there.
        boolean onlyCloudFront = !ctx.audited();
        return ctx.get(AcmDatasets.CERTIFICATES).stream()
                .filter(c -> !onlyCloudFront || c.inUseBy().stream().anyMatch(AcmCertificateRenewalCheck::isCloudFront))
                .map(c -> judge(ctx, c, window)).toList();
    }

    /** {@code arn:aws:cloudfront::ACCOUNT:distribution/ID}. */
    static boolean isCloudFront(String user) {
        return user.startsWith("arn:aws:cloudfront::") || user.startsWith("arn:aws-cn:cloudfront::");
    }

    private static Finding judge(CheckContext ctx, AcmCertificate c, int window) {
        Long daysLeft = c.notAfter() == null ? null : daysBetween(ctx.now(), c.notAfter());
        var evidence = Evidence.of(
                "Type", c.type(),
                "Status", c.status(),
                "NotAfter", c.notAfter() == null ? null : day(c.notAfter()),
                "DaysLeft", daysLeft,
                "InUseBy", c.inUseBy().isEmpty() ? null : c.inUseBy(),
                "ValidationMethod", c.validationMethods().isEmpty() ? null : String.join(", ", c.validationMethods()),
                "RenewalEligibility", c.renewalEligibility(),
                "RenewalStatus", c.renewalStatus(),
                "RenewalStatusReason", c.renewalStatusReason(),
                "WarningDays", window);
        boolean expired = "EXPIRED".equals(c.status())
                || (c.notAfter() != null && !c.notAfter().isAfter(ctx.now()));
        if (!c.inUse()) {
            return ctx.ok(c.domainName(), c.arn(), expired
                    ? "Not in use (expired" + (c.notAfter() == null ? "" : " on " + day(c.notAfter()))
                    + ": nothing depends on it)."
                    : "Not in use.", evidence);
        }
        if (expired) {
            long ago = c.notAfter() == null ? 0 : daysBetween(c.notAfter(), ctx.now());
            return ctx.nok(c.domainName(), c.arn(), "Expired" + (c.notAfter() == null ? "" : " on "
                    + day(c.notAfter()) + " (" + days(ago) + " ago)") + " and still in use: clients get certificate"
                    + " errors.", evidence);
        }
        List<String> problems = renewalProblems(c);
        String expiry = c.notAfter() == null ? "expiry date unknown"
                : "expires on " + day(c.notAfter()) + " (in " + days(daysLeft) + ")";
        if (daysLeft != null && daysLeft < window) {
            return ctx.nok(c.domainName(), c.arn(), capitalized(expiry)
                    + (problems.isEmpty() ? ": ACM has not renewed it, though it starts 60 days before expiry"
                    : "; " + String.join("; ", problems)) + ".", evidence);
        }
        if (!problems.isEmpty()) {
            return ctx.nok(c.domainName(), c.arn(), capitalized(String.join("; ", problems)) + "; " + expiry + ".",
                    evidence);
        }
        String how = PRIVATE.equals(c.type())
                ? "Issued by ACM from a private CA: ACM renews it by itself while the CA is active"
                : "ACM-issued and DNS-validated: ACM renews it by itself while its validation record stays in DNS";
        return ctx.ok(c.domainName(), c.arn(), how + "; " + expiry + ".", evidence);
    }

    /** Why the certificate will not renew by itself; empty when it will. */
    private static List<String> renewalProblems(AcmCertificate c) {
        List<String> problems = new ArrayList<>();
        if (IMPORTED.equals(c.type())) {
            problems.add("imported: ACM never renews an imported certificate, someone must import its successor");
            return problems;
        }
        if (AMAZON_ISSUED.equals(c.type())) {
            if (c.validationMethods().contains("EMAIL")) {
                problems.add("EMAIL-validated: each renewal waits for a person to approve ACM's e-mail (request a"
                        + " DNS-validated certificate instead)");
            }
            if ("FAILED".equals(c.renewalStatus())) {
                problems.add("ACM's renewal failed" + (c.renewalStatusReason() == null ? ""
                        : " (" + c.renewalStatusReason() + ")"));
            } else if ("PENDING_VALIDATION".equals(c.renewalStatus())) {
                problems.add("ACM's renewal waits for domain validation: the validation records must be published"
                        + " again");
            }
        }
        return problems;
    }

    /** Whole days from {@code from} to {@code to}, rounded down; 0 when {@code to} is earlier. */
    private static long daysBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }

    private static String days(long n) {
        return n + (n == 1 ? " day" : " days");
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
