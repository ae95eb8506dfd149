package com.huntaze.audit.gate;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.AuditReport.ResolvedFinding;
import com.huntaze.audit.report.JsonReport;
import com.huntaze.audit.report.ReportReader;
import com.huntaze.audit.report.ReportedFinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

        /** @param account null on a finding of no account (a repository finding) */
        static String key(String account, String checkId, String region, String resourceId) {
            return (account == null ? "" : account) + "\u0000" + checkId + "\u0000" + region + "\u0000" + resourceId;
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
            entries.add(new Entry(accountOf(f, tree), (String) f.get("checkId"), (String) f.get("region"),
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
        List<Compared> compared = current.findings().stream().map(r -> new Compared(
                r.finding().account() != null ? r.finding().account() : current.account(), r.finding().checkId(),
                r.finding().region(), r.finding().resourceId(), r.finding().status())).toList();
        Set<String> checksRun = new HashSet<>();
        current.checks().forEach(c -> checksRun.add(c.id()));
        Comparison comparison = comparison(compared, checksRun, current.regions(), a -> audited(current, a),
                current.accounts() != null);
        List<ReportedFinding> findings = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            findings.add(current.findings().get(i).withChange(comparison.changes().get(i)));
        }
        return current.withBaseline(new AuditReport.BaselineInfo(generatedAt), findings, comparison.resolved());
    }

    /**
     * A report's JSON tree ({@code merge --baseline}) compared the same way: {@code change} is each finding's last
     * field, {@code baseline} goes before {@code summary} and {@code resolved} after {@code findings}, as in a run's
     * report. The baseline must be a report of the same account, or (merged reports) of several accounts too.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> compare(Map<String, Object> current) {
        String audited = (String) current.get("account");
        if (!Objects.equals(account, audited)) {
            throw new BaselineException(source + " is a report of " + (account == null ? "several accounts"
                    : "account " + account) + ", not of " + (audited == null ? "several accounts"
                    : "the audited account " + audited));
        }
        List<Map<String, Object>> findings = (List<Map<String, Object>>) current.get("findings");
        List<Compared> compared = findings.stream().map(f -> new Compared(accountOf(f, current),
                (String) f.get("checkId"), (String) f.get("region"), (String) f.get("resourceId"),
                Status.valueOf((String) f.get("status")))).toList();
        Set<String> checksRun = new HashSet<>();
        ((List<Map<String, Object>>) current.get("checks")).forEach(c -> checksRun.add(String.valueOf(c.get("id"))));
        Comparison comparison = comparison(compared, checksRun, (List<String>) current.get("regions"),
                a -> audited(current, a), current.get("accounts") instanceof List);
        List<Map<String, Object>> marked = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Map<String, Object> f = new LinkedHashMap<>(findings.get(i));
            f.remove("change");
            f.put("change", comparison.changes().get(i));
            marked.add(f);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        current.forEach((key, value) -> {
            if (key.equals("baseline") || key.equals("resolved")) {
                return;
            }
            if (key.equals("summary")) {
                result.put("baseline", JsonReport.toTree(new AuditReport.BaselineInfo(generatedAt)));
            }
            result.put(key, key.equals("findings") ? marked : value);
            if (key.equals("findings")) {
                result.put("resolved", JsonReport.toTree(comparison.resolved()));
            }
        });
        return result;
    }

    /**
     * A finding's account: its own, else its report's (a report of one account written before findings had one),
     * so that such a baseline still matches the findings of today's reports.
     */
    private static String accountOf(Map<String, Object> finding, Map<String, Object> report) {
        return (String) (finding.get("account") != null ? finding.get("account") : report.get("account"));
    }

    /** What is compared of a current finding: its identity and status. */
    private record Compared(String account, String checkId, String region, String resourceId, Status status) {
    }

    /** @param changes new or unchanged, for each current finding in its order */
    private record Comparison(List<String> changes, List<ResolvedFinding> resolved) {
    }

    /**
     * @param audited        whether an account was audited by the current run: a baseline finding of a failed or
     *                       absent account says nothing about it
     * @param severalAccounts whether the current report is of several accounts: its resolved findings name theirs
     */
    private Comparison comparison(List<Compared> current, Set<String> checksRun, List<String> regions,
                                  java.util.function.Predicate<String> audited, boolean severalAccounts) {
        Map<String, Status> before = new HashMap<>();
        for (Entry e : entries) {
            before.merge(e.key(), e.status(), Status::worst);
        }
        Map<String, Status> now = new HashMap<>();
        List<String> changes = new ArrayList<>();
        for (Compared f : current) {
            String key = Entry.key(f.account(), f.checkId(), f.region(), f.resourceId());
            now.merge(key, f.status(), Status::worst);
            Status was = before.get(key);
            boolean isNew = was == null || f.status().ordinal() > was.ordinal();
            changes.add(isNew ? ReportedFinding.NEW : ReportedFinding.UNCHANGED);
        }
        List<ResolvedFinding> resolved = new ArrayList<>();
        for (Entry e : entries) {
            if (e.status() == Status.OK || !checksRun.contains(e.checkId())
                    || !(e.region().equals("global") || regions.contains(e.region()))
                    || !audited.test(e.account())) {
                continue;
            }
            Status today = now.get(e.key());
            if (today == null || today == Status.OK) {
                resolved.add(new ResolvedFinding(e.checkId(), e.region(), e.resourceType(), e.resourceId(),
                        e.resourceArn(), e.status().name(), today == null ? "absent" : "OK", e.message(),
                        severalAccounts ? e.account() : null));
            }
        }
        return new Comparison(changes, resolved);
    }

    /** Whether {@code account} was audited by {@code current} (a report's tree): a failed or absent one was not. */
    @SuppressWarnings("unchecked")
    private static boolean audited(Map<String, Object> current, String account) {
        if (!(current.get("accounts") instanceof List<?> accounts)) {
            return current.get("account") == null || current.get("account").equals(account);
        }
        return ((List<Map<String, Object>>) accounts).stream().anyMatch(a -> Objects.equals(a.get("id"), account)
                && AuditReport.AccountEntry.AUDITED.equals(a.get("status")));
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
