package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huntaze.audit.report.JsonReport;
import com.huntaze.audit.report.ReportReader;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Issue #15's criterion end to end on moto: N = 3 shards of a 7-account organization, each audited by its own
 * {@code check --organization --shard K/3} and joined by {@code merge}, give the report of one unsharded run — the
 * same JSON, parsed and re-serialized byte for byte, apart from {@code generatedAt}, {@code stats} and the shard
 * fields ({@code shard}, {@code merged}) — and the same exit code.
 *
 * <p>The seven member accounts (the management account, moto's 123456789012, left out with
 * {@code --exclude-accounts}) are seeded by their position in the sorted id list, so that each shard holds a
 * different mix: queues without a dead-letter queue (NOK), queues with one (OK), a Single-AZ and a Multi-AZ RDS
 * instance, and accounts with nothing. {@code logs.retention} reads log groups, of which no account has any.
 */
@ExtendWith(Moto.class)
class ShardedOrganizationIT {

    private static final String REGION = "us-east-1";
    private static final String ROLE = "OrganizationAccountAccessRole";
    private static final String MANAGEMENT = "123456789012";
    private static final String CHECKS = "sqs.*,rds.multi-az,logs.retention";
    private static final int SHARDS = 3;

    private MotoServer moto;

    /** The seven member ids, sorted; each seeded by its index. */
    private List<String> buildTheOrganization() {
        List<String> ids = new ArrayList<>();
        try (OrganizationsClient organizations = moto.configure(OrganizationsClient.builder(), REGION).build()) {
            organizations.createOrganization(r -> r.featureSet("ALL"));
            for (int i = 0; i < 7; i++) {
                String name = "team-" + i;
                ids.add(organizations.createAccount(r -> r.accountName(name).email(name + "@huntaze.example"))
                        .createAccountStatus().accountId());
            }
        }
        List<String> sorted = ids.stream().sorted().toList();
        assertThat(sorted).doesNotHaveDuplicates().doesNotContain(MANAGEMENT);
        // shard 0: indexes 0, 3, 6; shard 1: 1, 4; shard 2: 2, 5
        queueWithoutDeadLetterQueue(sorted.get(0), "orders");
        rdsInstance(sorted.get(1), "billing-db", false);
        queueWithoutDeadLetterQueue(sorted.get(1), "invoices");
        queueWithDeadLetterQueue(sorted.get(2), "jobs");
        // index 3: nothing
        queueWithDeadLetterQueue(sorted.get(4), "emails");
        queueWithoutDeadLetterQueue(sorted.get(4), "webhooks");
        rdsInstance(sorted.get(5), "users-db", true);
        queueWithoutDeadLetterQueue(sorted.get(6), "events");
        return sorted;
    }

    private void queueWithoutDeadLetterQueue(String account, String name) {
        try (SqsClient sqs = member(SqsClient.builder(), account)) {
            sqs.createQueue(r -> r.queueName(name));
        }
    }

    private void queueWithDeadLetterQueue(String account, String name) {
        try (SqsClient sqs = member(SqsClient.builder(), account)) {
            sqs.createQueue(r -> r.queueName(name + "-dlq"));
            sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"arn:aws:sqs:" + REGION + ":" + account + ":" + name
                            + "-dlq\",\"maxReceiveCount\":\"5\"}")));
        }
    }

    private void rdsInstance(String account, String name, boolean multiAz) {
        try (RdsClient rds = member(RdsClient.builder(), account)) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier(name).engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("password123")
                    .multiAZ(multiAz).backupRetentionPeriod(7));
        }
    }

    /** A seeding client in {@code account}: credentials of its OrganizationAccountAccessRole. */
    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C member(B builder,
                                                                                                 String account) {
        return moto.inAccount(builder, REGION, account, ROLE);
    }

    private CliRun check(String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--endpoint-url", moto.endpoint().toString(),
                "--region", REGION, "--checks", CHECKS, "--organization", "--role-name", ROLE,
                "--exclude-accounts", MANAGEMENT));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static Path onlyJson(Path dir) throws Exception {
        List<Path> written = files(dir);
        assertThat(written).as("files in " + dir).hasSize(1);
        assertThat(written.get(0).toString()).endsWith(".json");
        return written.get(0);
    }

    /** The text of the file, checked to be what the product's own serializer writes for its parsed tree. */
    private static String canonical(Path file) throws Exception {
        String text = Files.readString(file);
        assertThat(JsonReport.render(ReportReader.parse(file.toString(), text))).as("re-serialized " + file)
                .isEqualTo(text);
        return text;
    }

    /** The report without what differs between a sharded and an unsharded run by design. */
    private static Map<String, Object> withoutRunFields(Map<String, Object> report) {
        Map<String, Object> out = new LinkedHashMap<>(report);
        out.remove("generatedAt");
        out.remove("stats");
        out.remove("shard");
        out.remove("merged");
        return out;
    }

    private static JsonNode withoutRunFields(JsonNode report) {
        ObjectNode out = report.deepCopy();
        out.remove(List.of("generatedAt", "stats", "shard", "merged"));
        return out;
    }

    /** README: {@code sha256:} and the hex SHA-256 of the sorted ids joined by a newline. */
    private static String digest(List<String> sortedIds) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(String.join("\n", sortedIds).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> ids(JsonNode accounts) {
        List<String> ids = new ArrayList<>();
        accounts.forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    @Test
    void threeShardsAuditedSeparatelyAndMergedGiveTheUnshardedRunsReport(MotoServer moto,
                                                                         @TempDir Path dir) throws Exception {
        this.moto = moto;
        List<String> accounts = buildTheOrganization();
        ObjectMapper mapper = new ObjectMapper();
        Path d0 = Files.createDirectory(dir.resolve("D0"));
        Path d1 = Files.createDirectory(dir.resolve("D1"));
        Path d2 = Files.createDirectory(dir.resolve("D2"));

        CliRun unsharded = check("--format", "json", "--output-dir", d0.toString());
        assertThat(unsharded.exitCode()).as(unsharded.toString()).isEqualTo(1); // its NOKs fail the default gate
        Path unshardedFile = onlyJson(d0);
        String unshardedText = canonical(unshardedFile);
        JsonNode unshardedTree = mapper.readTree(unshardedText);
        assertThat(ids(unshardedTree.get("accounts"))).isEqualTo(accounts);
        assertThat(unshardedTree.has("shard")).isFalse();
        // the accounts differ: the findings are not all in one account, and not the same everywhere
        List<String> nokAccounts = new ArrayList<>();
        unshardedTree.get("findings").forEach(f -> {
            if (f.get("status").asText().equals("NOK")) {
                nokAccounts.add(f.get("account").asText());
            }
        });
        assertThat(nokAccounts).containsExactlyInAnyOrder(accounts.get(0), accounts.get(1), accounts.get(1),
                accounts.get(4), accounts.get(6));

        List<String> seen = new ArrayList<>();
        for (int k = 0; k < SHARDS; k++) {
            CliRun shard = check("--shard", k + "/" + SHARDS, "--fail-on", "never", "--format", "json",
                    "--output-dir", d1.toString());
            assertThat(shard.exitCode()).as(shard.toString()).isZero();
        }
        List<Path> shardFiles = files(d1);
        assertThat(shardFiles).as("one JSON per shard in " + d1).hasSize(SHARDS)
                .allMatch(p -> p.toString().endsWith(".json"));
        boolean[] indexes = new boolean[SHARDS];
        for (Path file : shardFiles) {
            JsonNode report = mapper.readTree(canonical(file));
            JsonNode shard = report.get("shard");
            int k = shard.get("index").asInt();
            assertThat(indexes[k]).as("shard " + k + " twice").isFalse();
            indexes[k] = true;
            assertThat(file.getFileName().toString()).contains("-shard" + k + "of" + SHARDS + "-");
            assertThat(shard.get("count").asInt()).isEqualTo(SHARDS);
            assertThat(shard.get("accountListDigest").asText()).isEqualTo(digest(accounts));
            List<String> mine = ids(report.get("accounts"));
            List<String> expected = new ArrayList<>();
            for (int i = k; i < accounts.size(); i += SHARDS) {
                expected.add(accounts.get(i));
            }
            assertThat(mine).as("shard " + k).isEqualTo(expected);
            report.get("findings").forEach(f -> assertThat(mine).contains(f.get("account").asText()));
            // each shard counted for its own accounts: 0 has two NOK, 1 three (and two OK), 2 only OKs
            assertThat(report.get("summary").get("nok").asInt()).as("shard " + k + " NOK").isEqualTo(
                    List.of(2, 3, 0).get(k));
            seen.addAll(mine);
        }
        assertThat(seen).as("every account in exactly one shard").hasSize(7).containsExactlyInAnyOrderElementsOf(
                accounts);

        CliRun merge = CliRun.of("merge", d1.toString(), "--format", "json", "--output-dir", d2.toString());
        assertThat(merge.exitCode()).as(merge.toString()).isEqualTo(unsharded.exitCode());
        Path mergedFile = onlyJson(d2);
        String mergedText = canonical(mergedFile);
        JsonNode mergedTree = mapper.readTree(mergedText);
        assertThat(mergedTree.get("merged").get("shards").asInt()).isEqualTo(SHARDS);
        assertThat(mergedTree.get("merged").get("accountListDigest").asText()).isEqualTo(digest(accounts));
        assertThat(mergedTree.has("shard")).isFalse();

        // the parsed trees: Jackson's (order-insensitive for objects) and the product's (ordered maps)
        assertThat(withoutRunFields(mergedTree)).isEqualTo(withoutRunFields(unshardedTree));
        Map<String, Object> mergedReport = withoutRunFields(ReportReader.parse("merged", mergedText));
        Map<String, Object> unshardedReport = withoutRunFields(ReportReader.parse("unsharded", unshardedText));
        assertThat(mergedReport).isEqualTo(unshardedReport);
        // and the text, byte for byte, field order included
        assertThat(JsonReport.render(mergedReport)).isEqualTo(JsonReport.render(unshardedReport));
        assertThat(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(withoutRunFields(mergedTree)))
                .isEqualTo(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(withoutRunFields(unshardedTree)));
    }
}
