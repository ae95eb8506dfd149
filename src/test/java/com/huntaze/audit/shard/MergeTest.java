package com.huntaze.audit.shard;

import static com.huntaze.audit.shard.ShardedAudit.json;
import static com.huntaze.audit.shard.ShardedAudit.withoutRunFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.cli.ExitCode;
import com.huntaze.audit.report.ReportReader;
import com.huntaze.audit.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code merge}: the shards of one audit, each audited by its own job, give the report of one unsharded run; and
 * anything that is not every part of one audit is refused with exit code 2 and one line.
 */
class MergeTest {

    @TempDir
    static Path dir;

    private static Map<String, Object> unsharded;
    private static List<Path> shards;

    @BeforeAll
    static void audit() throws IOException {
        unsharded = ShardedAudit.unsharded();
        shards = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            shards.add(write("shard-" + k + ".json", ShardedAudit.shard(unsharded, k, 3)));
        }
    }

    private static Path write(String name, Map<String, Object> report) throws IOException {
        return Files.writeString(dir.resolve(name), json(report));
    }

    private static CliRun merge(List<Path> reports, String... options) {
        List<String> args = new ArrayList<>(List.of("merge"));
        reports.forEach(p -> args.add(p.toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Shard {@code k} of the three, changed by {@code edit}, written next to the others. */
    private static Path edited(int k, Consumer<Map<String, Object>> edit) throws IOException {
        Map<String, Object> shard = ShardedAudit.shard(unsharded, k, 3);
        edit.accept(shard);
        return write("edited-" + k + "-" + System.nanoTime() + ".json", shard);
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("huntaze-audit: " + message + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void threeShardsOfSevenAccountsMergeIntoTheReportOfOneUnshardedRun() {
        CliRun run = merge(List.of(shards.get(2), shards.get(0), shards.get(1)), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOK); // the demo's NOKs fail the default gate
        Map<String, Object> merged = ReportReader.parse("merged", run.out());
        assertThat(json(withoutRunFields(merged))).isEqualTo(json(withoutRunFields(unsharded)));
        assertThat(merged.get("merged")).isEqualTo(Map.of("shards", 3, "accountListDigest",
                com.huntaze.audit.report.Shard.digest(ShardedAudit.ACCOUNTS)));
        assertThat(merged.get("generatedAt")).isEqualTo("2026-11-22T09:02:00Z"); // the last shard's
        assertThat(merged.get("stats")).isEqualTo(Map.of("apiCalls", Map.of("ec2:DescribeInstances", 70,
                "sts:GetCallerIdentity", 7), "durationMs", 1020)); // calls summed, the longest shard's time
        assertThat(merged).doesNotContainKey("shard").containsEntry("account", null);
    }

    @Test
    void eachShardHasOnlyItsAccountsAndItsOwnCounts() {
        Map<String, Object> shard1 = ShardedAudit.shard(unsharded, 1, 3);
        // 7 accounts sorted, every third from the second: 222233334444 and 555566667777.
        assertThat(((List<?>) shard1.get("accounts")).stream().map(a -> (Object) ((Map<?, ?>) a).get("id")).toList())
                .containsExactly((Object) "222233334444", "555566667777");
        assertThat(((Map<?, ?>) shard1.get("summary")).get("nok")).isNotEqualTo(((Map<?, ?>) unsharded.get("summary"))
                .get("nok"));
    }

    /** Every format the merge wrote, by extension, for {@code formats}. */
    private static List<Path> mergedFiles(String name, String formats) throws IOException {
        Path out = Files.createDirectory(dir.resolve(name));
        CliRun run = merge(shards, "--format", formats, "--output-dir", out.toString(), "--fail-on", "never");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        try (Stream<Path> files = Files.list(out)) {
            return files.sorted().toList();
        }
    }

    @Test
    void theMergedJsonRendersLikeTheMergesOwnJsonAndJunit() throws IOException {
        List<Path> written = mergedFiles("out", "json,junit");
        assertThat(written).hasSize(2);

        CliRun json = CliRun.of("render", written.get(0).toString(), "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).isEqualTo(Files.readString(written.get(0)));
        CliRun junit = CliRun.of("render", written.get(0).toString(), "--format", "junit");
        assertThat(junit.out()).isEqualTo(Files.readString(written.get(1)));
    }

    @Test
    void theMergedJsonRendersLikeTheMergesOwnMarkdown() throws IOException {
        List<Path> written = mergedFiles("out-md", "md,json");

        CliRun md = CliRun.of("render", written.get(0).toString());
        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(md.out()).isEqualTo(Files.readString(written.get(1)));
    }

    @Test
    void aDirectoryStandsForItsJsonFiles() throws IOException {
        Path shardsDir = Files.createDirectory(dir.resolve("shards"));
        for (Path shard : shards) {
            Files.copy(shard, shardsDir.resolve(shard.getFileName()));
        }
        Files.writeString(shardsDir.resolve("README.txt"), "not a report, and not read");

        CliRun fromDirectory = merge(List.of(shardsDir), "--format", "json");
        assertThat(fromDirectory.exitCode()).as(fromDirectory.err()).isEqualTo(ExitCode.NOK);
        assertThat(fromDirectory.out()).isEqualTo(merge(shards, "--format", "json").out());
    }

    @Test
    void theGateAppliesToTheMergedReport() {
        assertThat(merge(shards, "--format", "json", "--fail-on", "never").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(merge(shards, "--format", "json", "--min-severity", "critical").exitCode())
                .isEqualTo(ExitCode.NOK); // the demo has critical NOKs
    }

    @Test
    void aBaselineOfTheLastMergedReportMarksOnlyWhatAppearedAsNew() throws IOException {
        Map<String, Object> previous = ReportReader.parse("previous", merge(shards, "--format", "json").out());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) previous.get("findings");
        Map<String, Object> gone = findings.stream().filter(f -> f.get("status").equals("NOK")
                && f.get("account").equals("777788889999")).findFirst().orElseThrow();
        findings.remove(gone);
        Path baseline = write("previous.json", previous);

        CliRun run = merge(shards, "--format", "json", "--baseline", baseline.toString(), "--fail-on-new");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> now = (List<Map<String, Object>>) ReportReader.parse("now", run.out()).get("findings");
        assertThat(now.stream().filter(f -> "new".equals(f.get("change")))).singleElement().satisfies(f -> {
            assertThat(f.get("account")).isEqualTo("777788889999");
            assertThat(f.get("checkId")).isEqualTo(gone.get("checkId"));
            assertThat(f.get("failsGate")).isEqualTo(true);
        });
        // The same NOK in another account is not the same finding.
        assertThat(now.stream().filter(f -> f.get("failsGate").equals(true))).hasSize(1);
    }

    // ---- refusals: exit 2, one line ----

    @Test
    void aMissingShardIsNamed() {
        assertRefused(merge(List.of(shards.get(0), shards.get(2))), "merge: shard 1/3 missing");
        assertRefused(merge(List.of(shards.get(1))), "merge: shards 0/3, 2/3 missing");
    }

    @Test
    void aShardGivenTwiceIsNamed() {
        assertRefused(merge(List.of(shards.get(0), shards.get(1), shards.get(1), shards.get(2))),
                "merge: shard 1/3 given twice: " + shards.get(1) + " and " + shards.get(1));
    }

    @Test
    void anAccountInTwoShardsIsNamed() throws IOException {
        Path withAnExtra = edited(2, shard -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> accounts = (List<Map<String, Object>>) shard.get("accounts");
            accounts.add(Map.of("id", "111122223333", "status", "audited"));
        });

        assertRefused(merge(List.of(shards.get(0), shards.get(1), withAnExtra)), "merge: account 111122223333 is in"
                + " both " + shards.get(0) + " (shard 0/3) and " + withAnExtra + " (shard 2/3)");
    }

    @Test
    void shardsOfAnotherAccountListOrCutAreRefused() throws IOException {
        Path otherList = edited(1, shard -> shard.put("shard", Map.of("index", 1, "count", 3,
                "accountListDigest", com.huntaze.audit.report.Shard.digest(List.of("999999999999")))));
        Path otherCut = edited(1, shard -> shard.put("shard", Map.of("index", 1, "count", 4,
                "accountListDigest", com.huntaze.audit.report.Shard.digest(ShardedAudit.ACCOUNTS))));

        assertRefused(merge(List.of(shards.get(0), otherList, shards.get(2))), "merge: " + shards.get(0)
                + " (shard 0/3) and " + otherList + " (shard 1/3) are shards of different account lists"
                + " (accountListDigest differs: the list changed between the jobs?)");
        assertRefused(merge(List.of(shards.get(0), otherCut, shards.get(2))), "merge: " + shards.get(0)
                + " (shard 0/3) and " + otherCut + " (shard 1/4) are parts of different cuts (3 and 4 shards)");
    }

    @Test
    void shardsOfAnotherVersionOrSchemaAreRefused() throws IOException {
        Path otherVersion = edited(1, shard -> shard.put("tool", Map.of("name", "huntaze-audit", "version", "0.9")));
        Path otherSchema = edited(1, shard -> shard.put("schemaVersion", 2));

        assertRefused(merge(List.of(shards.get(0), otherVersion, shards.get(2))), "merge: " + shards.get(0)
                + " was written by huntaze-audit " + com.huntaze.audit.cli.VersionProvider.version() + ", " + otherVersion + " by 0.9: merge the shards of one run, of"
                + " one version");
        assertRefused(merge(List.of(shards.get(0), otherSchema, shards.get(2))), "merge " + otherSchema
                + ": schemaVersion 2 is not supported: this version of huntaze-audit reads schemaVersion 1");
    }

    @Test
    void aReportOfNoShardOrAFileThatIsNoReportIsRefused() throws IOException {
        Map<String, Object> whole = ShardedAudit.copy(unsharded);
        Path unshardedFile = write("whole.json", whole);
        Path notAReport = Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");

        assertRefused(merge(List.of(shards.get(0), unshardedFile)), "merge: " + unshardedFile + " is not a shard"
                + " report (it has no 'shard': it was written by check without --shard)");
        assertRefused(merge(List.of(shards.get(0), notAReport)), "merge " + notAReport + ": not a huntaze-audit"
                + " JSON report (it has no schemaVersion and tool huntaze-audit)");
    }

    @Test
    void shardsOfOtherRegionsOrChecksAreRefused() throws IOException {
        Path otherRegions = edited(1, shard -> shard.put("regions", List.of("eu-west-3")));
        Path otherChecks = edited(1, shard -> ((List<?>) shard.get("checks")).remove(0));

        assertThat(merge(List.of(shards.get(0), otherRegions, shards.get(2))).err())
                .contains(otherRegions + " (shard 1/3) audited the regions [eu-west-3]");
        assertRefused(merge(List.of(shards.get(0), otherChecks, shards.get(2))), "merge: " + otherChecks
                + " (shard 1/3) ran other checks than " + shards.get(0) + " (shard 0/3): the shards of one audit"
                + " run the same checks");
    }

    @Test
    void shardsWhoseAccountsAreNotTheListTheyWereCutFromAreRefused() throws IOException {
        Path lostAnAccount = edited(1, shard -> ((List<?>) shard.get("accounts")).remove(0));

        assertRefused(merge(List.of(shards.get(0), lostAnAccount, shards.get(2))), "merge: the shards' 6 accounts"
                + " are not the account list they were cut from (its accountListDigest): a shard report was edited,"
                + " or lists its accounts partly");
    }
}
