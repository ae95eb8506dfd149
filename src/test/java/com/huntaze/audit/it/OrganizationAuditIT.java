package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.StubProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code check --organization --role-name OrganizationAccountAccessRole} on moto: an organization of three member
 * accounts (moto keeps accounts apart under assumed-role credentials), each with different findings. moto checks no
 * trust policy: a refused AssumeRole comes from the loopback proxy.
 *
 * <p>prod: a Single-AZ RDS instance and a queue without dead-letter queue (two NOK); staging: a queue with its
 * dead-letter queue (OK); shared: nothing. The management account (moto's 123456789012) is left out with
 * {@code --exclude-accounts}.
 */
@ExtendWith(Moto.class)
class OrganizationAuditIT {

    private static final String REGION = "us-east-1";
    private static final String ROLE = "OrganizationAccountAccessRole";
    private static final String MANAGEMENT = "123456789012";
    private static final String CHECKS = "rds.multi-az,sqs.dead-letter-queue";

    private MotoServer moto;
    private StubProxy proxy;
    private final Map<String, String> accounts = new TreeMap<>(); // name -> id

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private void buildTheOrganization() {
        try (OrganizationsClient organizations = moto.configure(OrganizationsClient.builder(), REGION).build()) {
            organizations.createOrganization(r -> r.featureSet("ALL"));
            for (String name : List.of("prod", "staging", "shared")) {
                accounts.put(name, organizations.createAccount(r -> r.accountName(name)
                        .email(name + "@huntaze.example")).createAccountStatus().accountId());
            }
        }
        try (RdsClient rds = member(RdsClient.builder(), accounts.get("prod"))) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("orders-db").engine("postgres")
                    .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin")
                    .masterUserPassword("password123").multiAZ(false).backupRetentionPeriod(7));
        }
        try (SqsClient sqs = member(SqsClient.builder(), accounts.get("prod"))) {
            sqs.createQueue(r -> r.queueName("orders"));
        }
        try (SqsClient sqs = member(SqsClient.builder(), accounts.get("staging"))) {
            sqs.createQueue(r -> r.queueName("jobs-dlq"));
            sqs.createQueue(r -> r.queueName("jobs").attributes(Map.of(
                    software.amazon.awssdk.services.sqs.model.QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"arn:aws:sqs:" + REGION + ":" + accounts.get("staging")
                            + ":jobs-dlq\",\"maxReceiveCount\":\"5\"}")));
        }
    }

    /** A seeding client in {@code account}: credentials of its OrganizationAccountAccessRole. */
    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C member(B builder,
                                                                                                 String account) {
        return moto.inAccount(builder, REGION, account, ROLE);
    }

    private CliRun audit(String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--endpoint-url", proxy.endpoint().toString(),
                "--region", REGION, "--checks", CHECKS, "--organization", "--role-name", ROLE,
                "--exclude-accounts", MANAGEMENT));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** account id → "checkId resourceId STATUS" of its findings. */
    private static Map<String, List<String>> findingsByAccount(JsonNode report) {
        Map<String, List<String>> byAccount = new TreeMap<>();
        for (JsonNode f : report.get("findings")) {
            byAccount.computeIfAbsent(f.get("account").asText(), a -> new ArrayList<>()).add(f.get("checkId").asText()
                    + " " + f.get("resourceId").asText() + " " + f.get("status").asText());
        }
        return byAccount;
    }

    @Test
    void eachMemberAccountIsAuditedThroughItsRoleAndEachFindingNamesItsAccount() {
        buildTheOrganization();
        String prod = accounts.get("prod");
        String staging = accounts.get("staging");
        String shared = accounts.get("shared");

        CliRun run = audit("--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(report.get("account").isNull()).isTrue();
        assertThat(findingsByAccount(report)).isEqualTo(Map.of(
                prod, List.of("rds.multi-az orders-db NOK", "sqs.dead-letter-queue orders NOK"),
                staging, List.of("sqs.dead-letter-queue jobs OK")));
        List<String> listed = new ArrayList<>();
        report.get("accounts").forEach(a -> listed.add(a.get("id").asText() + " " + a.get("name").asText() + " "
                + a.get("status").asText()));
        assertThat(listed).containsExactlyElementsOf(new TreeMap<>(Map.of(prod, prod + " prod audited",
                staging, staging + " staging audited", shared, shared + " shared audited")).values());
        JsonNode prodCounts = null;
        for (JsonNode c : report.get("summary").get("accounts")) {
            if (c.get("account").asText().equals(prod)) {
                prodCounts = c;
            }
        }
        assertThat(prodCounts).isNotNull();
        assertThat(prodCounts.get("name").asText()).isEqualTo("prod");
        assertThat(prodCounts.get("nok").asInt()).isEqualTo(2);
        assertThat(report.get("summary").get("accounts")).hasSize(3);
        // one line per account finished (stderr is no terminal here)
        assertThat(run.err()).contains("account " + prod + ": 2 NOK, 0 TODO, ");
        assertThat(run.err()).contains("account " + shared + ": 0 NOK, 0 TODO, ");
    }

    @Test
    void theMarkdownOpensWithAnOverviewAndJunitHasASuitePerAccountAndDomain(@TempDir Path dir) throws Exception {
        buildTheOrganization();

        CliRun run = audit("--format", "md,junit", "--output-dir", dir.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        String md;
        String xml;
        try (var files = Files.list(dir)) {
            List<Path> written = files.sorted().toList();
            assertThat(written).extracting(p -> p.getFileName().toString())
                    .allMatch(n -> n.startsWith("huntaze-audit-accounts-"));
            md = Files.readString(written.stream().filter(p -> p.toString().endsWith(".md")).findFirst().orElseThrow());
            xml = Files.readString(written.stream().filter(p -> p.toString().endsWith(".xml")).findFirst()
                    .orElseThrow());
        }
        String prod = accounts.get("prod");
        assertThat(md).startsWith("# Launch-readiness audit — 3 accounts");
        assertThat(md).contains("| " + prod + " | prod | audited | 2 | 0 | $0.00 |");
        assertThat(md).contains("## Launch-readiness audit — account " + prod);
        assertThat(md.indexOf("## Accounts")).isLessThan(md.indexOf("## Launch-readiness audit — account"));
        assertThat(xml).contains("<testsuite name=\"huntaze-audit " + prod + " reliability\"");
        assertThat(xml).contains("<testsuite name=\"huntaze-audit " + accounts.get("staging") + " reliability\"");
    }

    @Test
    void anAccountWhoseRoleCannotBeAssumedGetsATodoPerCheckAndTheOthersComplete() {
        buildTheOrganization();
        String staging = accounts.get("staging");
        String stagingRole = "arn:aws:iam::" + staging + ":role/" + ROLE;
        proxy.when(r -> r.operation().equals("AssumeRole") && r.body().contains(staging),
                StubProxy.Response.queryError(403, "AccessDenied", "User: arn:aws:iam::" + MANAGEMENT
                        + ":user/auditor is not authorized to perform: sts:AssumeRole on resource: " + stagingRole));

        CliRun run = audit("--format", "json");

        assertThat(run.exitCode()).as("prod's NOK still fails the gate\n" + run).isEqualTo(1);
        JsonNode report = run.json();
        Map<String, List<String>> byAccount = findingsByAccount(report);
        assertThat(byAccount.get(staging)).containsExactly("rds.multi-az  TODO", "sqs.dead-letter-queue  TODO");
        assertThat(byAccount.get(accounts.get("prod"))).hasSize(2);
        for (JsonNode f : report.get("findings")) {
            if (f.get("account").asText().equals(staging)) {
                assertThat(f.get("message").asText()).contains("sts:AssumeRole").contains(stagingRole)
                        .contains("access denied");
                assertThat(f.get("evidence").get("role").asText()).isEqualTo(stagingRole);
            }
        }
        JsonNode failed = null;
        for (JsonNode a : report.get("accounts")) {
            if (a.get("id").asText().equals(staging)) {
                failed = a;
            }
        }
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("reason").asText()).startsWith("sts:AssumeRole access denied (AccessDenied)");
        JsonNode error = report.get("summary").get("collectionErrors").get(0);
        assertThat(error.get("service").asText()).isEqualTo("sts");
        assertThat(error.get("operation").asText()).isEqualTo("sts:AssumeRole");
        assertThat(error.get("kind").asText()).isEqualTo("access-denied");
        assertThat(error.get("account").asText()).isEqualTo(staging);
    }

    @Test
    void noAccountAuditedIsExitThree() {
        buildTheOrganization();
        proxy.when(r -> r.operation().equals("AssumeRole"),
                StubProxy.Response.queryError(403, "AccessDenied", "not authorized to perform: sts:AssumeRole"));

        CliRun run = audit("--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        List<String> lines = run.err().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).contains("no account could be audited").contains("sts:AssumeRole")
                .contains(":role/" + ROLE);
        assertThat(lines.subList(0, lines.size() - 1)).as("before it, one progress line per account")
                .hasSize(3).allMatch(l -> l.contains("(not audited: sts:AssumeRole access denied"));
    }

    @Test
    void aDeniedListAccountsIsExitThreeNamingTheAction() {
        buildTheOrganization();
        proxy.when(r -> r.operation().equals("ListAccounts"), StubProxy.Response.jsonError(400,
                "AccessDeniedException", "You don't have permissions to access this resource."));

        CliRun run = audit("--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").contains("organizations:ListAccounts")
                .contains("access denied");
        assertThat(proxy.requests()).noneMatch(r -> r.operation().equals("AssumeRole"));
    }

    @Test
    void aRoleArnRunIsASingleAccountReportOfThatAccount() {
        buildTheOrganization();
        String prod = accounts.get("prod");

        CliRun run = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", REGION,
                "--checks", CHECKS, "--role-arn", "arn:aws:iam::" + prod + ":role/" + ROLE, "--external-id",
                "huntaze-7f3a", "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(report.get("account").asText()).isEqualTo(prod);
        assertThat(report.has("accounts")).isFalse();
        assertThat(findingsByAccount(report)).containsOnlyKeys(prod);
        assertThat(proxy.requests()).anyMatch(r -> r.operation().equals("AssumeRole")
                && r.body().contains("ExternalId=huntaze-7f3a") && r.body().contains("RoleSessionName=huntaze-audit"));
    }
}
