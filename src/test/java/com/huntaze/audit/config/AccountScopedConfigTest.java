package com.huntaze.audit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.engine.Attestation;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.gate.Suppression;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The optional {@code account:} of suppressions and attestations: an account id or a glob of one. */
class AccountScopedConfigTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final ConfigLoader LOADER = new ConfigLoader(CheckRegistry.load(), TODAY);

    private static Finding singleAzIn(String account) {
        return new Finding("rds.multi-az", Status.NOK, "us-east-1", "AWS::RDS::DBInstance", "analytics-db", null,
                "Single-AZ", null, "", 0.0).withAccount(account);
    }

    @Test
    void aSuppressionWithAnAccountAcceptsTheRiskInThatAccountOnly() {
        AuditConfig config = LOADER.parse("huntaze-audit.yml", """
                suppressions:
                  - check: rds.multi-az
                    resource: analytics-db
                    account: 222233334444
                    reason: Staging replica.
                    by: maria@example.com
                    expires: 2027-01-31
                  - check: rds.multi-az
                    resource: "*"
                    account: "5555*"
                    reason: Sandbox accounts.
                    by: sam
                    expires: 2027-01-31
                """);

        Suppression staging = config.suppressions().get(0);
        Suppression sandboxes = config.suppressions().get(1);
        assertThat(staging.matches(singleAzIn("222233334444"))).isTrue();
        assertThat(staging.matches(singleAzIn("333344445555"))).as("the same resource in another account").isFalse();
        assertThat(sandboxes.matches(singleAzIn("555566667777"))).isTrue();
        assertThat(sandboxes.matches(singleAzIn("222233334444"))).isFalse();
    }

    @Test
    void aSuppressionWithoutAnAccountAppliesInEveryAccount() {
        AuditConfig config = LOADER.parse("huntaze-audit.yml", """
                suppressions:
                  - {check: rds.multi-az, resource: analytics-db, reason: r, by: b, expires: 2027-01-31}
                """);

        assertThat(config.suppressions().get(0).matches(singleAzIn("222233334444"))).isTrue();
        assertThat(config.suppressions().get(0).matches(singleAzIn("333344445555"))).isTrue();
    }

    @Test
    void anAttestationWithAnAccountSpeaksForThatAccountOnly() {
        AuditConfig config = LOADER.parse("huntaze-audit.yml", """
                attestations:
                  - check: manual.restore-test
                    by: maria@example.com
                    date: 2026-11-01
                    account: "222233334444"
                """);

        Attestation restore = config.attestations().get(0);
        assertThat(restore.account()).isEqualTo("222233334444");
        assertThat(restore.appliesTo("222233334444")).isTrue();
        assertThat(restore.appliesTo("333344445555")).isFalse();
    }

    @Test
    void anAccountThatIsNoAccountIdIsOneLineNamingTheKey() {
        assertThatThrownBy(() -> LOADER.parse("c.yml", """
                suppressions:
                  - {check: rds.multi-az, resource: "*", account: prod, reason: r, by: b, expires: 2027-01-31}
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("suppressions[0].account")
                .hasMessageContaining("expected an account id (12 digits) or a glob of one such as '2222*', not 'prod'");
    }
}
