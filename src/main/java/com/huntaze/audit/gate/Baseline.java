package com.huntaze.audit.gate;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.AuditReport.ResolvedFinding;
import com.huntaze.audit.report.ReportReader;
import com.huntaze.audit.report.ReportedFinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An earlier JSON report a run is compared with ({@code --baseline}). A finding is identified by account, check,
 * region and resource id (a finding without an {@code account}, as single-account reports wrote them before findings
 * named theirs, is in its report's top-level account). It is {@code new} when the baseline had no finding with its
 * identity, or had a better status (OK → TODO, OK → NOK, TODO → NOK): a NOK that appears is new whether or not the
 * resource existed. Otherwise it is {@code unchanged} (same or better status). A NOK or TODO of the baseline whose
 * identity is now OK, or absent although its check ran in its region, is resolved; one whose check or region was not
 * part of this run is neither: nothing is known about it.
 */
public final class Baseline {

    /** Not a baseline this run can use; the message is one line. */
    public static final class BaselineException extends RuntimeException {
        public BaselineException(String message) {
            super(message);
        }
    }

    private record Entry(String account, String checkId, String region, String resourceType, String resourceId,
                         String resourceArn, Status status, String message) {
        String key() {
            return key(account, checkId, region, resourceId);
        }

        static String key(String account, String checkId, String region, String resourceId) {
            return account + "\u0000" + checkId + "\u0000" + region + "\u0000" + resourceId;
        }
    }

    private final String source;
    private final String account;
    private final String generatedAt;
    private final List<Entry> entries;

    private Baseline(String source, String account, String generatedAt, List<Entry> entries) {
        this.source = source;
        this.account = account;
        this.generatedAt = generatedAt;
        this.entries = List.copyOf(entries);
    }

    public static Baseline read(Path file) {
        try {
            return of(file.toString(), ReportReader.read(file));
        } catch (ReportReader.UnreadableReportException e) {
            throw new BaselineException(e.getMessage());
        }
    }

    /** @param tree a report tree that {@link ReportReader} accepted */
    @SuppressWarnings("unchecked")
    static Baseline of(String source, Map<String, Object> tree) {
        List<Entry> entries = new ArrayList<>();
        String reportAccount = (String) tree.get("account");
        for (Map<String, Object> f : (List<Map<String, Object>>) tree.get("findings")) {
            String account = f.get("account") instanceof String own ? own : reportAccount;
            entries.add(new Entry(account, (String) f.get("checkId"), (String) f.get("region"),
                    (String) f.get("resourceType"),
                    (String) f.get("resourceId"), (String) f.get("resourceArn"), Status.valueOf((String) f.get("status")),
                    (String) f.get("message")));
        }
        return new Baseline(source, reportAccount, (String) tree.get("generatedAt"), entries);
    }

    public String account() {
        return account;
    }

    /**
     * A baseline of another account would make every finding new and every old one resolved: refused. A report of
     * several accounts (null account, on either side) is compared finding by finding, each in its own account.
     */
    public void requireAccount(String audited) {
        if (account != null && audited != null && !account.equals(audited)) {
            throw new BaselineException(source + " is a report of account " + account + ", not of the audited account "
                    + audited);
        }
    }

    /** {@code current} with each finding marked new or unchanged, and the baseline's resolved findings listed. */
    public AuditReport compare(AuditReport current) {
        requireAccount(current.account());
        Map<String, Status> before = new HashMap<>();
        for (Entry e : entries) {
            before.merge(e.key(), e.status(), Status::worst);
        }
        Map<String, Status> now = new HashMap<>();
        List<ReportedFinding> findings = new ArrayList<>();
        for (ReportedFinding reported : current.findings()) {
            var f = reported.finding();
            String key = Entry.key(f.account() != null ? f.account() : current.account(), f.checkId(), f.region(),
                    f.resourceId());
            now.merge(key, f.status(), Status::worst);
            Status was = before.get(key);
            boolean isNew = was == null || f.status().ordinal() > was.ordinal();
            findings.add(reported.withChange(isNew ? ReportedFinding.NEW : ReportedFinding.UNCHANGED));
        }

        Set<String> checksRun = new HashSet<>();
        current.checks().forEach(c -> checksRun.add(c.id()));
        List<ResolvedFinding> resolved = new ArrayList<>();
        for (Entry e : entries) {
            if (e.status() == Status.OK || !checksRun.contains(e.checkId())
                    || !(e.region().equals("global") || current.regions().contains(e.region()))
                    || !audited(current, e.account())) {
                continue;
            }
            Status today = now.get(e.key());
            if (today == null || today == Status.OK) {
                resolved.add(new ResolvedFinding(e.checkId(), e.region(), e.resourceType(), e.resourceId(),
                        e.resourceArn(), e.status().name(), today == null ? "absent" : "OK", e.message(),
                        current.accounts() == null ? null : e.account()));
            }
        }
        return current.withBaseline(new AuditReport.BaselineInfo(generatedAt), findings, resolved);
    }

    /** Whether {@code account} was audited by {@code current}: a failed or absent account says nothing. */
    private static boolean audited(AuditReport current, String account) {
        if (current.accounts() == null) {
            return current.account() == null || current.account().equals(account);
        }
        return current.accounts().stream().anyMatch(a -> a.id().equals(account)
                && AuditReport.AccountEntry.AUDITED.equals(a.status()));
    }
}
