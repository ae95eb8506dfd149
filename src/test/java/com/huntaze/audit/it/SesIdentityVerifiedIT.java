package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.StubProxy;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * ses.identity-verified against moto in two regions. moto 5.2.1 keeps SES identities and answers GetEmailIdentity
 * (always VerifiedForSendingStatus false and DKIM NOT_STARTED: the NOK case), but fails ListEmailIdentities with
 * HTTP 500 whenever PageSize is sent (it passes the query string to its paginator as text). So a loopback stub
 * answers ListEmailIdentities, and GetEmailIdentity for the identities that must be verified with DKIM SUCCESS,
 * which moto cannot represent; the unverified identities' GetEmailIdentity goes to moto.
 */
@ExtendWith(Moto.class)
class SesIdentityVerifiedIT {

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    /** An identity as moto creates it: listed, but neither verified for sending nor DKIM-verified. */
    private void unverifiedInMoto(String region, String identity) {
        try (SesV2Client ses = moto.configure(SesV2Client.builder(), region).build()) {
            ses.createEmailIdentity(r -> r.emailIdentity(identity));
        }
    }

    private void stubbedIdentity(String region, String identity, String type, boolean verified, String dkim) {
        String path = "/v2/email/identities/" + identity.replace("@", "%40");
        proxy.when(r -> r.region().equals(region) && r.path().equals(path), StubProxy.Response.json(
                "{\"IdentityType\":\"" + type + "\",\"FeedbackForwardingStatus\":true,\"VerifiedForSendingStatus\":"
                        + verified + ",\"VerificationStatus\":\"" + (verified ? "SUCCESS" : "PENDING") + "\","
                        + "\"DkimAttributes\":{\"SigningEnabled\":true,\"Status\":\"" + dkim + "\","
                        + "\"SigningAttributesOrigin\":\"AWS_SES\",\"Tokens\":[\"abc\",\"def\",\"ghi\"]},"
                        + "\"Policies\":{}}"));
    }

    /** One ListEmailIdentities page; {@code nextToken} null for the last. */
    private void listPage(String region, String token, String nextToken, String... domains) {
        StringBuilder body = new StringBuilder("{\"EmailIdentities\":[");
        for (int i = 0; i < domains.length; i++) {
            String type = domains[i].contains("@") ? "EMAIL_ADDRESS" : "DOMAIN";
            body.append(i == 0 ? "" : ",").append("{\"IdentityType\":\"").append(type)
                    .append("\",\"IdentityName\":\"").append(domains[i])
                    .append("\",\"SendingEnabled\":true,\"VerificationStatus\":\"SUCCESS\"}");
        }
        body.append("]").append(nextToken == null ? "" : ",\"NextToken\":\"" + nextToken + "\"").append("}");
        proxy.when(r -> r.region().equals(region) && r.path().startsWith("/v2/email/identities?")
                && (token == null ? !r.path().contains("NextToken=") : r.path().contains("NextToken=" + token)),
                StubProxy.Response.json(body.toString()));
    }

    private void seedTwoRegions() {
        unverifiedInMoto("us-east-1", "legacy.example");
        stubbedIdentity("us-east-1", "shop.example", "DOMAIN", true, "SUCCESS");
        stubbedIdentity("us-east-1", "ops@shop.example", "EMAIL_ADDRESS", true, "PENDING");
        listPage("us-east-1", null, null, "legacy.example", "shop.example", "ops@shop.example");

        unverifiedInMoto("eu-west-1", "eu.shop.example");
        stubbedIdentity("eu-west-1", "news.shop.example", "DOMAIN", true, "SUCCESS");
        listPage("eu-west-1", null, "page-2", "eu.shop.example");
        listPage("eu-west-1", "page-2", null, "news.shop.example");
    }

    private CliRun audit() {
        return CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1,eu-west-1",
                "--format", "json");
    }

    /** "region resourceId" → finding, for the findings of ses.identity-verified. */
    private static Map<String, JsonNode> findings(JsonNode report) {
        Map<String, JsonNode> findings = new TreeMap<>();
        report.get("findings").forEach(f -> {
            if (f.get("checkId").asText().equals("ses.identity-verified")) {
                findings.put(f.get("region").asText() + " " + f.get("resourceId").asText(), f);
            }
        });
        return findings;
    }

    @Test
    void everyIdentityOfBothRegionsIsJudgedOnItsSendingAndDkimStatus() {
        seedTwoRegions();

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        Map<String, JsonNode> findings = findings(run.json());
        Map<String, String> statuses = new TreeMap<>();
        findings.forEach((key, f) -> statuses.put(key, f.get("status").asText()));
        assertThat(statuses).isEqualTo(Map.of(
                "us-east-1 legacy.example", "NOK",
                "us-east-1 shop.example", "OK",
                "us-east-1 ops@shop.example", "NOK",
                "eu-west-1 eu.shop.example", "NOK",
                "eu-west-1 news.shop.example", "OK"));

        JsonNode legacy = findings.get("us-east-1 legacy.example");
        assertThat(legacy.get("message").asText()).contains("Not verified for sending")
                .contains("DKIM status is NOT_STARTED");
        assertThat(legacy.get("evidence").get("IdentityType").asText()).isEqualTo("DOMAIN");
        JsonNode ops = findings.get("us-east-1 ops@shop.example");
        assertThat(ops.get("message").asText()).startsWith("DKIM status is PENDING");
        assertThat(ops.get("evidence").get("IdentityType").asText()).isEqualTo("EMAIL_ADDRESS");
        assertThat(findings.get("eu-west-1 news.shop.example").get("evidence").get("DkimStatus").asText())
                .isEqualTo("SUCCESS");
    }

    @Test
    void identitiesAreListedAtTheMaximumPageSizeAndEachIsReadOnce() {
        seedTwoRegions();

        JsonNode calls = audit().json().get("stats").get("apiCalls");

        assertThat(calls.get("ses:ListEmailIdentities").asInt()).as("one page in us-east-1, two in eu-west-1")
                .isEqualTo(3);
        assertThat(calls.get("ses:GetEmailIdentity").asInt()).isEqualTo(5);
        assertThat(proxy.requests()).filteredOn(r -> r.path().startsWith("/v2/email/identities?"))
                .hasSize(3).allSatisfy(r -> assertThat(r.path()).contains("PageSize=1000"));
    }

    @Test
    void aDeniedGetEmailIdentityIsATodoForThatRegionOnly() {
        seedTwoRegions();
        proxy.when(r -> r.region().equals("eu-west-1") && r.path().startsWith("/v2/email/identities/"),
                StubProxy.Response.jsonError(403, "AccessDeniedException", "not authorized to perform ses:GetEmailIdentity"));

        Map<String, JsonNode> findings = findings(audit().json());

        JsonNode todo = findings.get("eu-west-1 ");
        assertThat(todo.get("status").asText()).isEqualTo("TODO");
        assertThat(todo.get("message").asText()).contains("ses:GetEmailIdentity").contains("access denied");
        assertThat(findings.get("us-east-1 shop.example").get("status").asText()).isEqualTo("OK");
        assertThat(findings).hasSize(4);
    }
}
