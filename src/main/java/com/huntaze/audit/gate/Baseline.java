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
 * An earlier JSON report a run is compared with ({@code --baseline}). A finding is identified by check, region and
 * resource id. It is {@code new} when the baseline had no finding with its identity, or had a better status (OK →
 * TODO, OK → NOK, TODO → NOK): a NOK that appears is new whether or not the resource existed. Otherwise it is
 * {@code unchanged} (same or better status). A NOK or TODO of the baseline whose identity is now OK, or absent
 * although its check ran in its region, is resolved; one whose check or region was not part of this run is
 * neither: nothing is known about it.
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
        for (Map<String, Object> f : (List<Map<String, Object>>) tree.get("findings")) {
            entries.add(new Entry(accountOf(f, tree), (String) f.get("checkId"), (String) f.get("region"), (String) f.get("resourceType"),
                    (String) f.get("resourceId"), (String) f.get("resourceArn"), Status.valueOf((String) f.get("status")),
                    (String) f.get("message")));
        }
        return new Baseline(source, (String) tree.get("account"), (String) tree.get("generatedAt"), entries);
    }

    public String account() {
        return account;
    }

    /** A baseline of another account would make every finding new and every old one resolved: refused. */
    public void requireAccount(String audited) {
        if (!java.util.Objects.equals(account, audited)) {
            throw new BaselineException(source + " is a report of account " + account + ", not of the audited account "
                    + audited);
        }
    }

    /** {@code current} with each finding marked new or unchanged, and the baseline's resolved findings listed. */
    public AuditReport compare(AuditReport current) {
        requireAccount(current.account());
        List<Compared> compared = current.findings().stream().map(r -> new Compared(
                r.finding().account() != null ? r.finding().account() : current.account(), r.finding().checkId(), r.finding().region(), r.finding().resourceId(), r.finding().status())).toList();
        Set<String> checksRun = new HashSet<>();
        current.checks().forEach(c -> checksRun.add(c.id()));
        Comparison comparison = comparison(compared, checksRun, current.regions());
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
        Comparison comparison = comparison(compared, checksRun, (List<String>) current.get("regions"));
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

    private Comparison comparison(List<Compared> current, Set<String> checksRun, List<String> regions) {
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
                    || !(e.region().equals("global") || regions.contains(e.region()))) {
                continue;
            }
            Status today = now.get(e.key());
            if (today == null || today == Status.OK) {
                resolved.add(new ResolvedFinding(e.checkId(), e.region(), e.resourceType(), e.resourceId(),
                        e.resourceArn(), e.status().name(), today == null ? "absent" : "OK", e.message()));
            }
        }
        return new Comparison(changes, resolved);
    }
}
