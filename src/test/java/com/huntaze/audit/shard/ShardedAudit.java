package com.huntaze.audit.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.report.JsonReport;
import com.huntaze.audit.report.ReportReader;
import com.huntaze.audit.report.Shard;
import com.huntaze.audit.testing.CliRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One audit of seven accounts as JSON trees: the unsharded report, and its shards as {@code check --shard K/N} would
 * write them. Built from ONE in-process run of the demo account: its findings dealt to the seven accounts in turn
 * (so each account has different ones), one of its collection errors in the third account, its suppressions (one
 * applied, one expired) matching in whichever shard their finding landed. The shards are cut here by a splitter of
 * the test's own, which counts each shard's summary and checks from its findings, as a run of that shard would.
 */
final class ShardedAudit {
    static final List<String> ACCOUNTS = List.of("444455556666", "111122223333", "777788889999", "222233334444",
            "555566667777", "333344445555", "666677778888");
    static final List<String> SORTED = ACCOUNTS.stream().sorted().toList();
    private static final Map<String, Object> DEMO = demo();

    private ShardedAudit() {
    }

    private static Map<String, Object> demo() {
        CliRun run = CliRun.of("check", "--demo", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        return ReportReader.parse("demo", run.out());
    }

    /** The report one run over the seven accounts writes. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> unsharded() {
        Map<String, Object> demo = copy(DEMO);
        List<Map<String, Object>> findings = (List<Map<String, Object>>) demo.get("findings");
        List<String> checkOrder = ((List<Map<String, Object>>) demo.get("checks")).stream()
                .map(c -> (String) c.get("id")).toList();
        List<Map<String, Object>> dealt = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            dealt.add(withAccount(findings.get(i), SORTED.get(i % SORTED.size())));
        }
        // The report's order: by check, then account, then as the check ordered them (region, resource).
        dealt.sort(Comparator.comparing((Map<String, Object> f) -> checkOrder.indexOf((String) f.get("checkId")))
                .thenComparing(f -> (String) f.get("account")));

        Map<String, Object> report = new LinkedHashMap<>();
        demo.forEach((key, value) -> {
            report.put(key, value);
            if (key.equals("account")) {
                report.put("account", null);
                List<Map<String, Object>> accounts = new ArrayList<>();
                for (String id : SORTED) {
                    accounts.add(new LinkedHashMap<>(Map.of("id", id)));
                    accounts.get(accounts.size() - 1).put("name", "team-" + id.substring(0, 4));
                    accounts.get(accounts.size() - 1).put("status", "audited");
                }
                report.put("accounts", accounts);
            }
        });
        report.put("findings", dealt);
        Map<String, Object> summary = (Map<String, Object>) report.get("summary");
        ((List<Map<String, Object>>) summary.get("collectionErrors")).forEach(e -> e.put("account", SORTED.get(2)));
        summary.put("accounts", SORTED.stream().map(id -> perAccount(id, dealt)).toList());
        Map<String, Object> calls = new TreeMap<>(Map.of("ec2:DescribeInstances", 10L * SORTED.size(),
                "sts:GetCallerIdentity", (long) SORTED.size()));
        report.put("stats", new LinkedHashMap<>(Map.of("apiCalls", calls, "durationMs", 900)));
        return ReportReader.parse("fixture", JsonReport.render(report));
    }

    /** Shard {@code k} of {@code n}, as its job writes it: its accounts' findings, counted for them alone. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> shard(Map<String, Object> unsharded, int k, int n) {
        List<String> mine = Shards.select(ACCOUNTS, k, n);
        Map<String, Object> whole = copy(unsharded);
        List<Map<String, Object>> findings = ((List<Map<String, Object>>) whole.get("findings")).stream()
                .filter(f -> mine.contains((String) f.get("account"))).toList();

        Map<String, Object> report = new LinkedHashMap<>();
        whole.forEach((key, value) -> {
            report.put(key, value);
            if (key.equals("regions")) {
                report.put("shard", JsonReport.toTree(Shard.of(ACCOUNTS, k, n)));
            }
        });
        report.put("generatedAt", "2026-11-22T09:0" + (k % 10) + ":00Z");
        report.put("account", mine.size() == 1 ? mine.get(0) : null);
        report.put("accounts", ((List<Map<String, Object>>) whole.get("accounts")).stream()
                .filter(a -> mine.contains((String) a.get("id"))).toList());
        report.put("findings", findings);
        for (Map<String, Object> check : (List<Map<String, Object>>) report.get("checks")) {
            List<Map<String, Object>> ofCheck = findings.stream().filter(f -> f.get("checkId").equals(check.get("id")))
                    .toList();
            check.put("status", ofCheck.stream().map(f -> Status.valueOf((String) f.get("status")))
                    .reduce(Status.OK, Status::worst).name());
            check.put("resources", ofCheck.size());
        }
        report.put("summary", summary((Map<String, Object>) whole.get("summary"), findings, mine));
        for (Map<String, Object> entry : (List<Map<String, Object>>) report.get("suppressions")) {
            int matched = (int) findings.stream().filter(f -> f.get("checkId").equals(entry.get("check"))
                    && (Boolean.TRUE.equals(f.get("suppressed")) || entry.get("expires").equals(
                    f.get("suppressionExpired")))).count();
            entry.put("matched", matched);
            if (entry.get("state").equals("applied") && matched == 0) {
                entry.put("state", "stale");
            }
        }
        report.put("stats", new LinkedHashMap<>(Map.of("apiCalls", new TreeMap<>(Map.of(
                "ec2:DescribeInstances", 10L * mine.size(), "sts:GetCallerIdentity", (long) mine.size())),
                "durationMs", 1000 + 10 * k)));
        return ReportReader.parse("fixture", JsonReport.render(report));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(Map<String, Object> whole, List<Map<String, Object>> findings,
                                               List<String> accounts) {
        Map<String, Object> summary = new LinkedHashMap<>(whole);
        Map<String, Object> counts = counts(findings);
        summary.putAll(counts);
        List<Object> errors = ((List<Map<String, Object>>) whole.get("collectionErrors")).stream()
                .filter(e -> accounts.contains((String) e.get("account"))).map(e -> (Object) e).toList();
        if (errors.isEmpty()) {
            summary.remove("collectionErrors");
        } else {
            summary.put("collectionErrors", errors);
        }
        long suppressed = findings.stream().filter(f -> Boolean.TRUE.equals(f.get("suppressed"))).count();
        if (suppressed == 0) {
            summary.remove("suppressed");
        } else {
            summary.put("suppressed", (int) suppressed);
        }
        summary.put("accounts", ((List<Map<String, Object>>) whole.get("accounts")).stream()
                .filter(a -> accounts.contains((String) a.get("account"))).toList());
        return summary;
    }

    private static Map<String, Object> perAccount(String account, List<Map<String, Object>> findings) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("account", account);
        entry.putAll(counts(findings.stream().filter(f -> f.get("account").equals(account)).toList()));
        return entry;
    }

    private static Map<String, Object> counts(List<Map<String, Object>> findings) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Status status : List.of(Status.OK, Status.NOK, Status.TODO)) {
            counts.put(status.name().toLowerCase(), (int) findings.stream()
                    .filter(f -> f.get("status").equals(status.name())).count());
        }
        double savings = findings.stream().mapToDouble(f -> ((Number) f.get("estimatedMonthlySavingsUsd"))
                .doubleValue()).sum();
        counts.put("estimatedMonthlySavingsUsd", Math.round(savings * 100) / 100.0);
        return counts;
    }

    /** The finding in {@code account}: its field right after {@code status}, where the contract has it. */
    private static Map<String, Object> withAccount(Map<String, Object> finding, String account) {
        Map<String, Object> out = new LinkedHashMap<>();
        finding.forEach((key, value) -> {
            if (key.equals("account")) {
                return; // the demo's own account: replaced by the one dealt
            }
            out.put(key, value);
            if (key.equals("status")) {
                out.put("account", account);
            }
        });
        return out;
    }

    /** A report without what differs between a sharded and an unsharded run by design. */
    static Map<String, Object> withoutRunFields(Map<String, Object> report) {
        Map<String, Object> out = copy(report);
        out.remove("generatedAt");
        out.remove("stats");
        out.remove("shard");
        out.remove("merged");
        return out;
    }

    static Map<String, Object> copy(Map<String, Object> tree) {
        return ReportReader.parse("fixture", JsonReport.render(tree));
    }

    static String json(Map<String, Object> tree) {
        return JsonReport.render(tree);
    }
}
