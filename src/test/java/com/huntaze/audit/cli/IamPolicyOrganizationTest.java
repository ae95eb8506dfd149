package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code iam-policy --for organization}: the base identity's policy next to each account's read-only one. */
class IamPolicyOrganizationTest {

    @Test
    void theBasePolicyAssumesTheNamedRoleAndListsTheAccountsAndTheMemberPolicyIsTheReadOnlyOne() {
        CliRun run = CliRun.of("iam-policy", "--for", "organization", "--role-name", "audit-ro");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        JsonNode base = run.json().get("base").get("Statement");
        assertThat(base.get(0).get("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(base.get(0).get("Resource").asText()).isEqualTo("arn:aws:iam::*:role/audit-ro");
        assertThat(base.get(1).get("Action").asText()).isEqualTo("organizations:ListAccounts");
        List<String> member = new ArrayList<>();
        run.json().get("member").get("Statement").get(0).get("Action").forEach(a -> member.add(a.asText()));
        assertThat(member).containsExactlyElementsOf(ServiceCatalog.current().actions())
                .doesNotContain("sts:AssumeRole", "organizations:ListAccounts");
    }

    @Test
    void withoutForItIsTheAccountPolicyAsBefore() {
        assertThat(CliRun.of("iam-policy").out()).isEqualTo(IamPolicyCommand.document(ServiceCatalog.current()
                .actions()));
    }
}
