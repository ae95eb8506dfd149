package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import com.huntaze.audit.testing.TestCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secrets planted in the account and in the audit's own credentials never reach any output: not the reports, not
 * stderr, not --debug. Access key ids appear only masked.
 */
@ExtendWith(Moto.class)
class SecretsHygieneIT {

    private static final String SECRET_VALUE = "planted-secret-value-7f3a9c";
    private static final String AUDIT_KEY_ID = "AKIAPLANTEDAUDIT7777";
    private static final String AUDIT_SECRET_KEY = "plantedAuditSecretKey/7777+abcdEFGH";
    private static final String SESSION_TOKEN = "PlantedSessionToken//7777==";

    @AfterEach
    void restoreCredentials() {
        System.clearProperty("aws.sessionToken");
        TestCredentials.install();
    }

    @Test
    void noOutputOfAFullRunContainsASecretAKeyOrAToken(MotoServer moto) throws IOException {
        try (SecretsManagerClient secrets = moto.configure(SecretsManagerClient.builder(), "us-east-1").build()) {
            secrets.createSecret(r -> r.name("prod/db-password").secretString(SECRET_VALUE));
        }
        AccessKey userKey;
        try (IamClient iam = moto.configure(IamClient.builder(), "aws-global").build()) {
            iam.createUser(r -> r.userName("deploy-bot"));
            userKey = iam.createAccessKey(r -> r.userName("deploy-bot")).accessKey();
        }
        Seed.db(moto, "us-east-1", "orders-db", false, 1, true, false);
        List<String> outputs = new ArrayList<>();
        try (StubProxy proxy = new StubProxy(moto.endpoint())) {
            Seed.sesAccount(proxy, "us-east-1", false);
            // A denied call whose AWS message names the caller's key id, as real AWS messages can.
            proxy.when(r -> r.operation().equals("DescribeDBClusters"), StubProxy.Response.queryError(403,
                    "AccessDenied", "The key " + AUDIT_KEY_ID + " is not authorized to perform rds:DescribeDBClusters"));
            System.setProperty("aws.accessKeyId", AUDIT_KEY_ID);
            System.setProperty("aws.secretAccessKey", AUDIT_SECRET_KEY);
            System.setProperty("aws.sessionToken", SESSION_TOKEN);
            for (String format : List.of("md", "json")) {
                CliRun run = CliRun.of("check", "--debug", "--endpoint-url", proxy.endpoint().toString(),
                        "--region", "us-east-1", "--format", format);
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
                outputs.add(run.out());
                outputs.add(run.err());
            }
        }
        // A fatal error with --debug prints a stack trace: it is masked too.
        CliRun failed = CliRun.of("check", "--debug", "--region", "us-east-1", "--endpoint-url",
                "http://127.0.0.1:" + closedPort());
        assertThat(failed.exitCode()).isEqualTo(3);
        outputs.add(failed.out());
        outputs.add(failed.err());

        String all = String.join("\n", outputs);
        assertThat(all).contains("deploy-bot").contains("prod/db-password").contains("AKIA…");
        assertThat(all).doesNotContain(SECRET_VALUE)
                .doesNotContain(AUDIT_SECRET_KEY).doesNotContain(SESSION_TOKEN).doesNotContain(AUDIT_KEY_ID)
                .doesNotContain(userKey.secretAccessKey()).doesNotContain(userKey.accessKeyId());
        assertThat(all).contains(userKey.accessKeyId().substring(0, 4) + "…"
                + userKey.accessKeyId().substring(userKey.accessKeyId().length() - 4));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
