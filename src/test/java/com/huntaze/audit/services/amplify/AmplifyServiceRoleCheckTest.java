package com.huntaze.audit.services.amplify;

import static com.huntaze.audit.services.amplify.AmplifyFixtures.COMPUTE_ROLE;
import static com.huntaze.audit.services.amplify.AmplifyFixtures.SERVICE_ROLE;
import static com.huntaze.audit.services.amplify.AmplifyFixtures.app;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmplifyServiceRoleCheckTest {

    private static Finding judge(AmplifyApp app) {
        return CheckHarness.of(new AmplifyServiceRoleCheck()).with(AmplifyDatasets.APPS, List.of(app))
                .finding(app.appId());
    }

    @Test
    void anSsrAppWithoutAComputeRoleIsNokWithItsBuildRoleAsEvidence() {
        Finding f = judge(app("d1web", "huntaze-web").branch("main", null).build());

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("The SSR runtime has no role: code that calls AWS needs keys in environment"
                + " variables (branch main; the app has no computeRoleArn).");
        assertThat(f.evidence()).containsEntry("Platform", "WEB_COMPUTE").containsEntry("ComputeRoleArn", "none")
                .containsEntry("IamServiceRoleArn", SERVICE_ROLE)
                .containsEntry("BranchesWithoutRole", List.of("main"));
        assertThat(f.evidence().get("Note").toString()).contains("build role");
    }

    @Test
    void aComputeRoleOnTheAppCoversEveryBranch() {
        Finding f = judge(app("d1", "web").computeRole(COMPUTE_ROLE).branch("main", null).branch("dev", null).build());

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("The SSR runtime assumes " + COMPUTE_ROLE + ".");
    }

    @Test
    void aComputeRoleOnEveryBranchIsOkAndOneBranchWithoutIsNokNamingIt() {
        Finding every = judge(app("d1", "web").branch("main", COMPUTE_ROLE).branch("dev", COMPUTE_ROLE).build());
        Finding one = judge(app("d2", "web").branch("main", COMPUTE_ROLE).branch("dev", null).build());

        assertThat(every.status()).isEqualTo(Status.OK);
        assertThat(one.status()).isEqualTo(Status.NOK);
        assertThat(one.message()).contains("(branch dev; the app has no computeRoleArn)");
        assertThat(one.evidence()).containsEntry("BranchComputeRoles", List.of("main: " + COMPUTE_ROLE))
                .containsEntry("BranchesWithoutRole", List.of("dev"));
    }

    @Test
    void anSsrAppWithoutServiceRoleSaysNone() {
        Finding f = judge(app("d1", "web").serviceRole(null).branch("main", null).build());

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.evidence()).containsEntry("IamServiceRoleArn", "none");
    }

    @Test
    void aStaticAppIsOkWithANote() {
        Finding f = judge(app("d1", "docs").platform("WEB").branch("main", null).build());

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.evidence()).containsEntry("Note", "static (WEB) app: no server-side runtime")
                .doesNotContainKey("ComputeRoleArn");
    }

    @Test
    void anSsrAppWithoutBranchesRunsNothingYet() {
        Finding f = judge(app("d1", "web").build());

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.evidence()).containsEntry("Note", "no branch deployed");
    }

    @Test
    void thePreviousSsrPlatformHasNoComputeRoleToCheck() {
        Finding f = judge(app("d1", "legacy").platform("WEB_DYNAMIC").branch("main", null).build());

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).contains("WEB_DYNAMIC").contains("WEB_COMPUTE");
    }
}
