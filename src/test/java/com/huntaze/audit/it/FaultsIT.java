package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huntaze.audit.testing.AmplifyStub;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit under the failures real accounts produce: throttling, a dead service, a hung one, nothing at all. */
@ExtendWith(Moto.class)
class FaultsIT {

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        proxy = new StubProxy(moto.endpoint());
        Seed.db(moto, "us-east-1", "orders-db", true, 7, false, true);
        Seed.db(moto, "eu-west-1", "eu-db", false, 1, false, true);
        Seed.ecsCluster(moto, "us-east-1", "leftover", false);
        Seed.ecsCluster(moto, "eu-west-1", "prod", true);
        Seed.sesAccount(proxy, "us-east-1", true);
        Seed.sesAccount(proxy, "eu-west-1", true);
        Seed.rdsLifecyclesAndMaintenance(proxy);
        AmplifyStub.noApps(proxy); // moto has no Amplify
        Seed.noBackupSelectionsRestoresOrCacheEvents(proxy);
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private CliRun audit(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--endpoint-url", proxy.endpoint().toString(),
                "--region", "us-east-1,eu-west-1", "--format", "json"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String stable(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("generatedAt");
        copy.remove("stats");
        return copy.toPrettyString();
    }

    @Test
    void withOneCallInFiveThrottledTheReportIsThatOfACleanRun() {
        CliRun clean = audit();
        assertThat(clean.exitCode()).as(clean.toString()).isEqualTo(1);

        proxy.when(StubProxy.everyNthCall(5, r -> !r.service().equals("sts")), new StubProxy.Throttle());
        CliRun throttled = audit();

        assertThat(proxy.applied()).as("throttled calls").isGreaterThanOrEqualTo(3);
        assertThat(throttled.exitCode()).as(throttled.toString()).isEqualTo(clean.exitCode());
        assertThat(stable(throttled.json())).isEqualTo(stable(clean.json()));
        assertThat(throttled.json().get("summary").has("collectionErrors")).isFalse();
    }

    @Test
    void withOneServiceUnreachableItsChecksAreTodoAndEverythingElseIsComplete() {
        proxy.when(r -> r.service().equals("rds"), new StubProxy.Drop());

        CliRun run = audit("--max-attempts", "2");

        assertThat(run.exitCode()).as("the empty ECS cluster is still a NOK: " + run).isEqualTo(1);
        JsonNode report = run.json();
        List<String> rdsFindings = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            String check = f.get("checkId").asText();
            if (check.startsWith("rds.")) {
                rdsFindings.add(check + " " + f.get("region").asText() + " " + f.get("status").asText());
                assertThat(f.get("message").asText()).contains("endpoint unreachable");
            }
        }
        long rdsChecks = 0;
        for (JsonNode c : report.get("checks")) {
            rdsChecks += c.get("id").asText().startsWith("rds.") ? 1 : 0;
        }
        assertThat(rdsFindings).as("one TODO per RDS check and region").hasSize((int) rdsChecks * 2)
                .allMatch(s -> s.endsWith(" TODO"));
        JsonNode errors = report.get("summary").get("collectionErrors");
        assertThat(errors).isNotNull();
        List<String> failed = new ArrayList<>();
        errors.forEach(e -> failed.add(e.get("service").asText() + " " + e.get("region").asText() + " "
                + e.get("operation").asText()));
        assertThat(failed).containsExactlyInAnyOrder(
                "rds eu-west-1 rds:DescribeDBClusters", "rds eu-west-1 rds:DescribeDBInstances",
                "rds eu-west-1 rds:DescribeEvents",
                "rds us-east-1 rds:DescribeDBClusters", "rds us-east-1 rds:DescribeDBInstances",
                "rds us-east-1 rds:DescribeEvents");
        assertThat(errors.get(0).get("error").asText()).contains("endpoint unreachable");
        assertThat(finding(report, "ecs.empty-cluster", "us-east-1", "leftover").get("status").asText()).isEqualTo("NOK");
        assertThat(finding(report, "ecs.empty-cluster", "eu-west-1", "prod").get("status").asText()).isEqualTo("OK");
        assertThat(finding(report, "ses.production-access", "eu-west-1", "").get("status").asText()).isEqualTo("OK");
    }

    @Test
    void aHungServiceTimesOutInsteadOfHangingTheAudit() {
        proxy.before(r -> r.path().startsWith("/v2/email/account") && r.region().equals("eu-west-1"),
                new StubProxy.Delay(8_000));

        CliRun run = audit("--timeout", "2", "--max-attempts", "1");

        JsonNode ses = finding(run.json(), "ses.production-access", "eu-west-1", "");
        assertThat(ses.get("status").asText()).isEqualTo("TODO");
        assertThat(ses.get("message").asText()).contains("ses:GetAccount").contains("timed out");
        assertThat(finding(run.json(), "ses.production-access", "us-east-1", "").get("status").asText()).isEqualTo("OK");
    }

    @Test
    void withNothingReachableTheAuditCannotRunExitThree() {
        proxy.before(r -> !r.service().equals("sts"), new StubProxy.Drop());

        CliRun run = audit("--max-attempts", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("huntaze-audit: nothing reachable");
    }

    private static JsonNode finding(JsonNode report, String checkId, String region, String resourceId) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("checkId").asText().equals(checkId) && f.get("region").asText().equals(region)
                    && f.get("resourceId").asText().equals(resourceId)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + checkId + " " + region + " " + resourceId + " in " + report);
    }
}
