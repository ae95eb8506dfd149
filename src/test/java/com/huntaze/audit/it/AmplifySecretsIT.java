package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.AmplifyStub;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.CollectedRecords;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.StubProxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Amplify's ListApps and ListBranches return environment variable values (and basic-auth credentials) in clear:
 * a branch planted with AWS_SECRET_ACCESS_KEY (a 40-character secret) and AWS_ACCESS_KEY_ID (a full key id), an app
 * with a database password and basic auth, stubbed AWS-shaped by the loopback proxy (moto has no Amplify), and a
 * CloudFront origin in moto with a secret custom header. None of those values reaches a collected record, a report
 * (md, json, junit) or the --debug output; the variables' names and the masked key id do.
 */
@ExtendWith(Moto.class)
class AmplifySecretsIT {

    private static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzPl4nTed5S";
    private static final String ACCESS_KEY_ID = "AKIAZ7PLANTED0SECRET";
    private static final String DB_PASSWORD = "planted-db-7f3a91-password";
    private static final String BASIC_AUTH = "YWRtaW46cGxhbnRlZC1iYXNpYy1hdXRoLTVlMmQ="; // admin:planted-basic-auth-5e2d
    private static final String ORIGIN_SECRET = "planted-origin-header-c41b";

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
        assertThat(SECRET_ACCESS_KEY).hasSize(40);
        AmplifyStub amplify = AmplifyStub.in("us-east-1");
        amplify.app("d2k4q8m1x7z3pa", "huntaze-web", "WEB_COMPUTE")
                .variable("DATABASE_URL", "postgres://app:" + DB_PASSWORD + "@db.internal/app")
                .basicAuth(BASIC_AUTH)
                .branch("main", null, "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        amplify.install(proxy);
        try (var cloudFront = moto.configure(CloudFrontClient.builder(), "us-east-1").build()) {
            cloudFront.createDistribution(r -> r.distributionConfig(c -> c.callerReference("web").comment("web")
                    .enabled(true)
                    .origins(o -> o.quantity(1).items(i -> i.id("web").domainName("huntaze.vercel.app")
                            .customHeaders(h -> h.quantity(1).items(x -> x.headerName("X-Origin-Verify")
                                    .headerValue(ORIGIN_SECRET)))
                            .customOriginConfig(cc -> cc.httpPort(80).httpsPort(443).originProtocolPolicy("https-only"))))
                    .defaultCacheBehavior(b -> b.targetOriginId("web").viewerProtocolPolicy("redirect-to-https")
                            .forwardedValues(f -> f.queryString(false).cookies(k -> k.forward("none"))).minTTL(0L)
                            .trustedSigners(t -> t.enabled(false).quantity(0)))));
        }
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private static void assertNoPlantedValue(CharSequence text) {
        assertThat(text.toString()).doesNotContain(SECRET_ACCESS_KEY).doesNotContain(ACCESS_KEY_ID)
                .doesNotContain(DB_PASSWORD).doesNotContain(BASIC_AUTH).doesNotContain(ORIGIN_SECRET)
                // the secret key's distinctive middle, should anything re-encode the slashes
                .doesNotContain("bPxRfiCYzPl4nTed5S");
    }

    @Test
    void noCollectedRecordHoldsAPlantedValue() {
        String records = CollectedRecords.ofEveryDataset(proxy.endpoint(), "us-east-1");

        assertThat(records).as("what was read: the names and the masked key id are there")
                .contains("AWS_SECRET_ACCESS_KEY").contains("AWS_ACCESS_KEY_ID").contains("DATABASE_URL")
                .contains("AKIA…CRET").contains("huntaze.vercel.app");
        assertNoPlantedValue(records);
    }

    @Test
    void noReportFormatAndNoDebugOutputHoldsAPlantedValue() {
        List<String> outputs = new ArrayList<>();
        for (String format : List.of("md", "json", "junit")) {
            CliRun run = CliRun.of("check", "--debug", "--endpoint-url", proxy.endpoint().toString(),
                    "--region", "us-east-1", "--format", format);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            outputs.add(run.out());
            outputs.add(run.err());
        }
        String output = String.join("\n", outputs);
        assertThat(output).contains("AWS_SECRET_ACCESS_KEY").contains("branch main: AWS_ACCESS_KEY_ID")
                .contains("AKIA…CRET");
        assertNoPlantedValue(output);
    }
}
