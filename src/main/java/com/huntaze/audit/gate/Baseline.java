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

    private record Entry(String checkId, String region, String resourceType, String resourceId, String resourceArn,
                         Status status, String message) {
        String key() {
            return key(checkId, region, resourceId);
        }

        static String key(String checkId, String region, String resourceId) {
            return checkId + "\u0000" + region + "\u0000" + resourceId;
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
            entries.add(new Entry((String) f.get("checkId"), (String) f.get("region"), (String) f.get("resourceType"),
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
        Map<String, Status> before = new HashMap<>();
        for (Entry e : entries) {
            before.merge(e.key(), e.status(), Status::worst);
        }
        Map<String, Status> now = new HashMap<>();
        List<ReportedFinding> findings = new ArrayList<>();
        for (ReportedFinding reported : current.findings()) {
            var f = reported.finding();
            String key = Entry.key(f.checkId(), f.region(), f.resourceId());
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
                    || !(e.region().equals("global") || current.regions().contains(e.region()))) {
                continue;
            }
            Status today = now.get(e.key());
            if (today == null || today == Status.OK) {
                resolved.add(new ResolvedFinding(e.checkId(), e.region(), e.resourceType(), e.resourceId(),
                        e.resourceArn(), e.status().name(), today == null ? "absent" : "OK", e.message()));
            }
        }
        return current.withBaseline(new AuditReport.BaselineInfo(generatedAt), findings, resolved);
    }
}
