package com.huntaze.audit.services.secretsmanager;

import static com.huntaze.audit.testing.Fixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsManagerRotationCheckTest {

    @Test
    void rotatingSecretIsOkAndStaticSecretIsNok() {
        var audit = CheckHarness.of(new SecretsManagerRotationCheck())
                .with(SecretsManagerDatasets.SECRETS, List.of(secret("prod/db", true), secret("prod/stripe-key", false)));

        var rotating = audit.finding("prod/db");
        assertThat(rotating.status()).isEqualTo(Status.OK);
        assertThat(rotating.message()).contains("every 30 days");
        var manual = audit.finding("prod/stripe-key");
        assertThat(manual.status()).isEqualTo(Status.NOK);
        assertThat(manual.evidence()).containsEntry("RotationEnabled", false);
        assertThat(manual.resourceArn()).startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/stripe-key");
        assertThat(manual.remediation()).contains("rotate-secret");
    }

    @Test
    void severityIsMedium() {
        var metadata = CheckRegistry.of(List.of(new SecretsManagerRotationCheck())).checks().get(0).metadata();
        assertThat(metadata.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void noSecretsMeansNoFindings() {
        assertThat(CheckHarness.of(new SecretsManagerRotationCheck())
                .with(SecretsManagerDatasets.SECRETS, List.of()).findings()).isEmpty();
    }
}
