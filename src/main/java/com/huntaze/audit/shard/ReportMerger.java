package com.huntaze.audit.shard;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.gate.Suppressions;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.Shard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Joins the JSON reports of the shards of one audit ({@code check --shard K/N}) into the report one unsharded run
 * would have written. It works on the reports' JSON trees, the source of truth, so that fields it does not know
 * travel through unchanged.
 *
 * <p>It refuses, with one line naming the problem, anything that is not every part of one audit: a report of no
 * shard, another tool version, another shard count or account list (its digest), a shard given twice or missing,
 * an account in two shards, other regions or other checks.
 *
 * <p>The merged report: findings in check order (the {@code checks} list), within a check by account id, within an
 * account as the shard wrote them (region, resource: {@code Finding.WITHIN_CHECK}); {@code accounts} sorted by id;
 * each check's status the worst of the shards' and its resources summed; the summary counted again from the merged
 * findings (collection errors joined, sorted by account, region, operation and error); the regions of the shards
 * (all the same); the API calls summed per operation and the longest shard's duration; the latest shard's
 * {@code generatedAt}; the top-level {@code account} that of the only account, else null. {@code shard} becomes
 * {@code merged: {shards, accountListDigest}}. A shard's own {@code baseline}, {@code resolved} and each finding's
 * {@code change} are dropped (a shard was compared with an earlier shard; {@code merge --baseline} compares the
 * whole); the findings' suppressions stay as the shards decided them, and each suppression's fate is joined.
 */
public final class ReportMerger {
    private ReportMerger() {
    }

    /** The inputs are not the parts of one audit; the message is one line. */
    public static final class MergeException extends RuntimeException {
        public MergeException(String message) {
            super(message);
        }
    }

    /** One shard report: its tree as {@code ReportReader} accepted it, and the file it came from. */
    public record Input(String source, Map<String, Object> tree) {
    }

    /** A shard report with what the merge reads of it. */
    private record Part(String source, Map<String, Object> tree, Shard shard, List<String> accountIds) {
        String label() {
            return source + " (shard " + shard.label() + ")";
        }
    }

    public static Map<String, Object> merge(List<Input> inputs) {
        if (inputs.isEmpty()) {
            throw new MergeException("no shard report given");
        }
        List<Part> parts = inputs.stream().map(ReportMerger::part).toList();
        refuseMismatches(parts);
        List<Part> ordered = parts.stream().sorted(Comparator.comparingInt(p -> p.shard().index())).toList();
        return merged(ordered);
    }

    // ---- what the inputs must be ----

    @SuppressWarnings("unchecked")
    private static Part part(Input input) {
        Map<String, Object> tree = input.tree();
        if (!(tree.get("shard") instanceof Map<?, ?> shard)) {
            throw new MergeException(input.source() + " is not a shard report (it has no 'shard': it was written by"
                    + " check without --shard)");
        }
        if (!(shard.get("index") instanceof Integer index) || !(shard.get("count") instanceof Integer count)
                || !(shard.get("accountListDigest") instanceof String digest) || count < 1 || index < 0
                || index >= count) {
            throw new MergeException(input.source() + ": its 'shard' is not {index, count, accountListDigest} with"
                    + " 0 <= index < count");
        }
        List<String> ids = new ArrayList<>();
        if (tree.get("accounts") instanceof List<?> accounts) {
            for (Object account : accounts) {
                ids.add(String.valueOf(((Map<String, Object>) account).get("id")));
            }
        } else if (tree.get("account") instanceof String account) {
            ids.add(account);
        }
        return new Part(input.source(), tree, new Shard(index, count, digest), List.copyOf(ids));
    }

    private static void refuseMismatches(List<Part> parts) {
        Part first = parts.get(0);
        int count = first.shard().count();
        Map<Integer, Part> byIndex = new TreeMap<>();
        Map<String, Part> byAccount = new LinkedHashMap<>();
        for (Part part : parts) {
            String version = version(part.tree());
            if (!version.equals(version(first.tree()))) {
                throw new MergeException(first.source() + " was written by huntaze-audit " + version(first.tree())
                        + ", " + part.source() + " by " + version + ": merge the shards of one run, of one version");
            }
            if (!Objects.equals(part.tree().get("schemaVersion"), first.tree().get("schemaVersion"))) {
                throw new MergeException(first.source() + " has schemaVersion " + first.tree().get("schemaVersion")
                        + ", " + part.source() + " " + part.tree().get("schemaVersion"));
            }
            if (part.shard().count() != count) {
                throw new MergeException(first.label() + " and " + part.label() + " are parts of different cuts ("
                        + count + " and " + part.shard().count() + " shards)");
            }
            if (!part.shard().accountListDigest().equals(first.shard().accountListDigest())) {
                throw new MergeException(first.label() + " and " + part.label() + " are shards of different account"
                        + " lists (accountListDigest differs: the list changed between the jobs?)");
            }
            Part twice = byIndex.putIfAbsent(part.shard().index(), part);
            if (twice != null) {
                throw new MergeException("shard " + part.shard().label() + " given twice: " + twice.source()
                        + " and " + part.source());
            }
            for (String account : part.accountIds()) {
                Part other = byAccount.putIfAbsent(account, part);
                if (other != null) {
                    throw new MergeException("account " + account + " is in both " + other.label() + " and "
                            + part.label());
                }
            }
            if (!part.tree().get("regions").equals(first.tree().get("regions"))) {
                throw new MergeException(part.label() + " audited the regions " + part.tree().get("regions") + ", "
                        + first.label() + " " + first.tree().get("regions") + ": the shards of one audit read the"
                        + " same regions");
            }
            if (!checkIds(part.tree()).equals(checkIds(first.tree()))) {
                throw new MergeException(part.label() + " ran other checks than " + first.label() + ": the shards"
                        + " of one audit run the same checks");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw new MergeException((missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing)
                    + " missing");
        }
        if (!Shard.digest(List.copyOf(byAccount.keySet())).equals(first.shard().accountListDigest())) {
            throw new MergeException("the shards' " + byAccount.size() + " accounts are not the account list they"
                    + " were cut from (its accountListDigest): a shard report was edited, or lists its accounts"
                    + " partly");
        }
    }

    private static String version(Map<String, Object> tree) {
        return String.valueOf(((Map<?, ?>) tree.get("tool")).get("version"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> checkIds(Map<String, Object> tree) {
        return ((List<Map<String, Object>>) tree.get("checks")).stream().map(c -> String.valueOf(c.get("id")))
                .toList();
    }

    // ---- the merged report ----

    private static Map<String, Object> merged(List<Part> parts) {
        List<Map<String, Object>> trees = parts.stream().map(Part::tree).toList();
        Map<String, Object> first = trees.get(0);
        List<String> accountIds = parts.stream().flatMap(p -> p.accountIds().stream()).sorted().toList();
        List<Map<String, Object>> findings = findings(trees);

        Map<String, Object> values = new LinkedHashMap<>(first);
        values.put("generatedAt", trees.stream().map(t -> (String) t.get("generatedAt"))
                .max(Comparator.comparing(Instant::parse)).orElseThrow());
        values.put("account", accountIds.size() == 1 ? accountIds.get(0) : null);
        List<Map<String, Object>> accounts = accounts(parts);
        if (accounts != null) {
            values.put("accounts", accounts);
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("shards", parts.size());
        merged.put("accountListDigest", parts.get(0).shard().accountListDigest());
        values.put("merged", merged);
        values.remove("shard");
        values.remove("baseline");
        values.remove("resolved");
        values.put("summary", summary(trees, findings));
        values.put("checks", checks(trees));
        values.put("findings", findings);
        List<Map<String, Object>> suppressions = suppressions(trees);
        if (suppressions.isEmpty()) {
            values.remove("suppressions");
        } else {
            values.put("suppressions", suppressions);
        }
        values.put("stats", stats(trees));

        List<String> order = new ArrayList<>(keyOrder(trees));
        order.replaceAll(key -> key.equals("shard") ? "merged" : key);
        placeAfter(order, "accounts", "account");
        return ordered(values, order);
    }

    /**
     * Every shard's {@code accounts}, sorted by id; a shard that lists none (a report of one account) counts as its
     * account audited. Null when no shard lists its accounts and there is only one.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> accounts(List<Part> parts) {
        boolean listed = parts.stream().anyMatch(p -> p.tree().get("accounts") instanceof List);
        if (!listed && parts.stream().mapToInt(p -> p.accountIds().size()).sum() <= 1) {
            return null;
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (Part part : parts) {
            if (part.tree().get("accounts") instanceof List<?> accounts) {
                accounts.forEach(a -> all.add((Map<String, Object>) a));
            } else {
                part.accountIds().forEach(id -> all.add(new LinkedHashMap<>(Map.of("id", id, "status", "audited"))));
            }
        }
        all.sort(Comparator.comparing(a -> String.valueOf(a.get("id"))));
        return all;
    }

    /** By check (in the checks' order), then account; each account's findings of a check as its shard wrote them. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(List<Map<String, Object>> trees) {
        Map<String, List<Map<String, Object>>> byCheck = new LinkedHashMap<>();
        checkIds(trees.get(0)).forEach(id -> byCheck.put(id, new ArrayList<>()));
        for (Map<String, Object> tree : trees) {
            for (Map<String, Object> finding : (List<Map<String, Object>>) tree.get("findings")) {
                Map<String, Object> copy = new LinkedHashMap<>(finding);
                copy.remove("change");
                byCheck.computeIfAbsent(String.valueOf(finding.get("checkId")), id -> new ArrayList<>()).add(copy);
            }
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (List<Map<String, Object>> ofCheck : byCheck.values()) {
            // Stable: within one account, the shard's own order stays.
            ofCheck.sort(Comparator.comparing(f -> Objects.toString(f.get("account"), "")));
            all.addAll(ofCheck);
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> checks(List<Map<String, Object>> trees) {
        List<Map<String, Object>> merged = new ArrayList<>();
        List<Map<String, Object>> firstChecks = (List<Map<String, Object>>) trees.get(0).get("checks");
        for (int i = 0; i < firstChecks.size(); i++) {
            Map<String, Object> check = new LinkedHashMap<>(firstChecks.get(i));
            Status status = Status.OK;
            int resources = 0;
            for (Map<String, Object> tree : trees) {
                Map<String, Object> same = ((List<Map<String, Object>>) tree.get("checks")).get(i);
                status = Status.worst(status, Status.valueOf(String.valueOf(same.get("status"))));
                resources += ((Number) same.get("resources")).intValue();
            }
            check.put("status", status.name());
            check.put("resources", resources);
            merged.add(check);
        }
        return merged;
    }

    /** Counted again from the merged findings, as {@link AuditReport.Summary#of} counts a run's. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(List<Map<String, Object>> trees, List<Map<String, Object>> findings) {
        int ok = 0;
        int nok = 0;
        int todo = 0;
        int suppressed = 0;
        double savings = 0;
        for (Map<String, Object> f : findings) {
            switch (Status.valueOf(String.valueOf(f.get("status")))) {
                case OK -> ok++;
                case NOK -> nok++;
                case TODO -> todo++;
            }
            suppressed += Boolean.TRUE.equals(f.get("suppressed")) ? 1 : 0;
            savings += f.get("estimatedMonthlySavingsUsd") instanceof Number n ? n.doubleValue() : 0;
        }
        List<Map<String, Object>> summaries = trees.stream().map(t -> (Map<String, Object>) t.get("summary")).toList();
        Map<String, Object> values = new LinkedHashMap<>(summaries.get(0));
        values.put("ok", ok);
        values.put("nok", nok);
        values.put("todo", todo);
        values.put("estimatedMonthlySavingsUsd", AuditReport.Summary.cents(savings));
        Comparator<Map<String, Object>> errorOrder = Comparator
                .comparing((Map<String, Object> e) -> Objects.toString(e.get("account"), ""))
                .thenComparing(e -> Objects.toString(e.get("region"), ""))
                .thenComparing(e -> Objects.toString(e.get("operation"), ""))
                .thenComparing(e -> Objects.toString(e.get("error"), ""));
        Set<Map<String, Object>> errors = new TreeSet<>(errorOrder.thenComparing(Object::toString));
        summaries.forEach(s -> {
            if (s.get("collectionErrors") instanceof List<?> list) {
                list.forEach(e -> errors.add((Map<String, Object>) e));
            }
        });
        putOrRemove(values, "collectionErrors", errors.isEmpty() ? null : List.copyOf(errors));
        putOrRemove(values, "suppressed", suppressed == 0 ? null : suppressed);
        if (summaries.stream().anyMatch(s -> s.get("accounts") instanceof List)) {
            List<Map<String, Object>> perAccount = new ArrayList<>();
            summaries.forEach(s -> {
                if (s.get("accounts") instanceof List<?> list) {
                    list.forEach(a -> perAccount.add((Map<String, Object>) a));
                }
            });
            perAccount.sort(Comparator.comparing(a -> String.valueOf(a.get("account"))));
            values.put("accounts", perAccount);
        }
        return ordered(values, keyOrder(summaries));
    }

    /** Each suppression once (they come from one config): its matches summed, its fate over every shard. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> suppressions(List<Map<String, Object>> trees) {
        Map<Map<String, Object>, List<Map<String, Object>>> byIdentity = new LinkedHashMap<>();
        for (Map<String, Object> tree : trees) {
            if (tree.get("suppressions") instanceof List<?> entries) {
                for (Object entry : entries) {
                    Map<String, Object> identity = new LinkedHashMap<>((Map<String, Object>) entry);
                    identity.remove("state");
                    identity.remove("matched");
                    byIdentity.computeIfAbsent(identity, k -> new ArrayList<>()).add((Map<String, Object>) entry);
                }
            }
        }
        List<Map<String, Object>> merged = new ArrayList<>();
        byIdentity.forEach((identity, fates) -> {
            int matched = fates.stream().mapToInt(e -> ((Number) e.get("matched")).intValue()).sum();
            Set<Object> states = fates.stream().map(e -> e.get("state")).collect(Collectors.toSet());
            // As Suppressions.apply decides one run's: expired first, then applied, stale (ran, matched nothing).
            String state = states.contains(Suppressions.EXPIRED) ? Suppressions.EXPIRED
                    : matched > 0 ? Suppressions.APPLIED
                    : states.contains(Suppressions.STALE) ? Suppressions.STALE : Suppressions.NOT_RUN;
            Map<String, Object> entry = new LinkedHashMap<>(fates.get(0));
            entry.put("state", state);
            entry.put("matched", matched);
            merged.add(entry);
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stats(List<Map<String, Object>> trees) {
        Map<String, Long> calls = new TreeMap<>();
        long duration = 0;
        for (Map<String, Object> tree : trees) {
            Map<String, Object> stats = (Map<String, Object>) tree.get("stats");
            ((Map<String, Object>) stats.get("apiCalls")).forEach((operation, n) ->
                    calls.merge(operation, ((Number) n).longValue(), Long::sum));
            duration = Math.max(duration, ((Number) stats.get("durationMs")).longValue());
        }
        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) trees.get(0).get("stats"));
        merged.put("apiCalls", calls);
        merged.put("durationMs", duration);
        return merged;
    }

    // ---- field order: the shards' own, so that the merged JSON reads like a run's ----

    /** The keys of all these objects in their order: each key first seen in a later one goes after its predecessor. */
    @SuppressWarnings("unchecked")
    private static List<String> keyOrder(List<? extends Map<String, Object>> objects) {
        List<String> order = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            String previous = null;
            for (String key : object.keySet()) {
                if (!order.contains(key)) {
                    order.add(previous == null ? 0 : order.indexOf(previous) + 1, key);
                }
                previous = key;
            }
        }
        return order;
    }

    private static void placeAfter(List<String> order, String key, String after) {
        if (!order.contains(key) && order.contains(after)) {
            order.add(order.indexOf(after) + 1, key);
        }
    }

    /** {@code values} in {@code order}, then any other key in its own order. */
    private static Map<String, Object> ordered(Map<String, Object> values, List<String> order) {
        Map<String, Object> result = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(order);
        keys.addAll(values.keySet());
        for (String key : keys) {
            if (values.containsKey(key)) {
                result.put(key, values.get(key));
            }
        }
        return result;
    }

    private static void putOrRemove(Map<String, Object> values, String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }
}
