package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * "Never judge what was not read": an endpoint that answers HTTP 200 with something that is not the API's answer (a
 * captive portal's or a proxy's login page, an XML body without the operation's root element, an STS account id that
 * is not one) makes the dataset a collection failure, never an empty dataset judged OK.
 */
@ExtendWith(Moto.class)
class UnexpectedAnswersIT {

    /**
     * What a captive portal or a corporate proxy answers instead of AWS: a login page, with HTTP 200. Well-formed
     * (XHTML), so that an XML parser reads it without complaint: only its shape says it is not an AWS answer.
     */
    static final String LOGIN_PAGE = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"
            + "<head><meta charset=\"utf-8\"/><title>Sign in to the guest network</title></head><body>"
            + "<form method=\"post\" action=\"/login\"><input name=\"user\"/>"
            + "<input type=\"password\" name=\"password\"/><button>Sign in</button></form></body></html>\n";

    private static final StubProxy.Response HTML = new StubProxy.Response(200, "text/html; charset=utf-8", LOGIN_PAGE);

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        proxy = new StubProxy(moto.endpoint());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private CliRun audit() {
        return audit("json");
    }

    private CliRun audit(String format) {
        return CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                "--format", format);
    }

    @Test
    void aLoginPageInsteadOfEveryAnswerStopsTheRunWithExitThreeAndOneLine() {
        proxy.when(r -> true, HTML);

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.err().strip()).isEqualTo("huntaze-audit: cannot run: STS answered something that is not AWS"
                + " (unexpected answer: text/html) from " + proxy.endpoint());
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(proxy.requests()).as("one attempt, not retried (--max-attempts is 5 by default)").hasSize(1);
    }

    @Test
    void withStsFineAndEveryOtherServiceAnsweringHtmlEveryAwsCheckIsTodoNamingTheFailure() {
        Seed.db(moto, "us-east-1", "orders-db", true, 7, false, true);
        proxy.when(r -> !r.service().equals("sts"), HTML);

        CliRun run = audit();

        // No NOK can be read out of a login page; the manual.* items are TODO, which the default gate lets pass.
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        JsonNode report = run.json();
        List<String> notTodo = new ArrayList<>();
        int awsFindings = 0;
        for (JsonNode f : report.get("findings")) {
            String check = f.get("checkId").asText();
            if (check.startsWith("manual.")) {
                continue;
            }
            awsFindings++;
            if (!f.get("status").asText().equals("TODO")
                    || !f.get("message").asText().contains("unexpected answer: text/html")) {
                notTodo.add(check + " " + f.get("region").asText() + " " + f.get("status").asText() + ": "
                        + f.get("message").asText());
            }
        }
        assertThat(notTodo).as("findings judged out of a login page").isEmpty();
        for (JsonNode c : report.get("checks")) {
            if (!c.get("id").asText().startsWith("manual.")) {
                assertThat(c.get("status").asText()).as(c.get("id").asText()).isEqualTo("TODO");
                assertThat(c.get("resources").asInt()).as(c.get("id").asText()).isPositive();
            }
        }
        assertThat(awsFindings).isPositive();
        // e.g. iam.root-access-keys must not read "AccountAccessKeysPresent: 0" out of the page
        JsonNode rootKeys = run.finding("iam.root-access-keys", "global", "");
        assertThat(rootKeys.get("status").asText()).isEqualTo("TODO");
        assertThat(rootKeys.get("message").asText()).contains("iam:GetAccountSummary")
                .contains("failed (unexpected answer: text/html)");
        assertThat(rootKeys.get("evidence").has("AccountAccessKeysPresent")).isFalse();
        assertThat(rootKeys.get("remediation").asText()).contains("not AWS");

        JsonNode errors = report.get("summary").get("collectionErrors");
        assertThat(errors).as("summary.collectionErrors").isNotNull();
        assertThat(errors.size()).isPositive();
        List<String> operations = new ArrayList<>();
        errors.forEach(e -> {
            operations.add(e.get("operation").asText());
            assertThat(e.get("error").asText()).isEqualTo("failed (unexpected answer: text/html)");
        });
        assertThat(operations).contains("rds:DescribeDBInstances", "iam:GetAccountSummary", "ecs:ListClusters",
                "logs:DescribeLogGroups", "secretsmanager:ListSecrets", "cloudwatch:DescribeAlarms");
        long describeDbInstances = proxy.requests().stream()
                .filter(r -> r.operation().equals("DescribeDBInstances")).count();
        assertThat(describeDbInstances).as("one attempt per call: an unexpected answer is not retried").isEqualTo(1);

        CliRun markdown = audit("md");
        assertThat(markdown.exitCode()).as(markdown.toString()).isEqualTo(0);
        assertThat(markdown.err()).isEmpty();
        assertThat(markdown.out()).startsWith("# Launch-readiness audit — account 123456789012")
                .contains("unexpected answer: text/html");
    }

    @Test
    void aQueryAnswerWithoutTheOperationsRootElementIsAFailureOfThatDataset() {
        Seed.db(moto, "us-east-1", "orders-db", true, 7, false, true);
        Seed.ecsCluster(moto, "us-east-1", "leftover", false);
        proxy.when(r -> r.service().equals("rds"), new StubProxy.Response(200, "text/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Foo/>"));

        CliRun run = audit();

        JsonNode report = run.json();
        int rdsFindings = 0;
        for (JsonNode f : report.get("findings")) {
            if (f.get("checkId").asText().startsWith("rds.")) {
                rdsFindings++;
                assertThat(f.get("status").asText()).as(f.toString()).isEqualTo("TODO");
                assertThat(f.get("message").asText()).contains("unexpected answer")
                        .containsPattern("no DescribeDB(Instances|Clusters)Response element");
            }
        }
        assertThat(rdsFindings).isPositive();
        // The rest of the account is read and judged as usual.
        assertThat(run.finding("ecs.empty-cluster", "us-east-1", "leftover").get("status").asText()).isEqualTo("NOK");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    }

    @Test
    void anStsAccountIdThatIsNotTwelveDigitsStopsTheRunWithExitThree() {
        proxy.when(r -> r.operation().equals("GetCallerIdentity"), new StubProxy.Response(200, "text/xml",
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::12345:user/audit</Arn><UserId>AIDAEXAMPLEUSERID1234</UserId>"
                        + "<Account>12345</Account></GetCallerIdentityResult>"
                        + "<ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></GetCallerIdentityResponse>"));

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.err()).startsWith("huntaze-audit: cannot run: STS answered something that is not AWS")
                .contains("12345").contains("not 12 digits").contains(proxy.endpoint().toString())
                .doesNotContain("\tat ");
        assertThat(proxy.requests()).as("nothing is collected for an account that is not one").hasSize(1);
    }
}
