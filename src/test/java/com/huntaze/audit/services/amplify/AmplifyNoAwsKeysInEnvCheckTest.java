package com.huntaze.audit.services.amplify;

import static com.huntaze.audit.services.amplify.AmplifyFixtures.app;
import static com.huntaze.audit.services.amplify.AmplifyFixtures.keyShaped;
import static com.huntaze.audit.services.amplify.AmplifyFixtures.var;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmplifyNoAwsKeysInEnvCheckTest {

    private static Finding judge(AmplifyApp app) {
        return CheckHarness.of(new AmplifyNoAwsKeysInEnvCheck()).with(AmplifyDatasets.APPS, List.of(app))
                .finding(app.appId());
    }

    @Test
    void anAccessKeyOnTheMainBranchIsNokNamingAppBranchAndVariable() {
        Finding f = judge(app("d1web", "huntaze-web").variables(var("NEXT_PUBLIC_API_URL"))
                .branch("main", null, var("AWS_ACCESS_KEY_ID"), var("DATABASE_URL"))
                .branch("staging", null, var("API_BASE_URL")).build());

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.resourceId()).isEqualTo("d1web");
        assertThat(f.resourceArn()).isEqualTo("arn:aws:amplify:us-east-1:123456789012:apps/d1web");
        assertThat(f.message()).startsWith("AWS credentials in the environment of app huntaze-web: branch main:"
                + " AWS_ACCESS_KEY_ID.");
        assertThat(f.evidence()).containsEntry("Offending", List.of("branch main: AWS_ACCESS_KEY_ID"))
                .containsEntry("Branches", List.of("main"))
                .containsEntry("Variables", 4);
        assertThat(f.remediation()).contains("--compute-role-arn").contains("delete-access-key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "MY_AWS_ACCESS_KEY_ID",
            "APP_AWS_SECRET_ACCESS_KEY", "aws_secret_access_key"})
    void aVariableNamedLikeAnAwsCredentialIsNok(String name) {
        assertThat(judge(app("d1", "web").branch("main", null, var(name)).build()).status()).as(name)
                .isEqualTo(Status.NOK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS_REGION", "NEXT_PUBLIC_AWS_REGION", "AWS_ACCESS_KEY_ID_FILE", "AWS_SECRET_ARN",
            "SECRET_ACCESS_KEY", "S3_BUCKET"})
    void otherNamesWithNothingKeyShapedInTheirValueAreOk(String name) {
        assertThat(judge(app("d1", "web").branch("main", null, var(name)).build()).status()).as(name)
                .isEqualTo(Status.OK);
    }

    @Test
    void aValueHoldingAnAccessKeyIdIsNokShowingOnlyTheMaskedKeyId() {
        Finding f = judge(app("d1", "web").branch("main", null, keyShaped("UPLOADER_KEY", "AKIA…WXYZ")).build());

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("branch main: UPLOADER_KEY (value holds access key id AKIA…WXYZ)");
    }

    @Test
    void appLevelVariablesReachEveryBranchAndAreNamedSo() {
        Finding f = judge(app("d1", "web").variables(var("AWS_SECRET_ACCESS_KEY")).branch("main", null).build());

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("app-level (every branch): AWS_SECRET_ACCESS_KEY");
        assertThat(f.evidence()).containsEntry("Branches", List.of("(app)"));
    }

    @Test
    void oneFindingPerAppEvenWithKeysOnSeveralBranches() {
        var audit = CheckHarness.of(new AmplifyNoAwsKeysInEnvCheck()).with(AmplifyDatasets.APPS, List.of(
                app("d1", "web").branch("main", null, var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY"))
                        .branch("dev", null, var("AWS_SESSION_TOKEN")).build(),
                app("d2", "docs").build()));

        assertThat(audit.findings()).hasSize(2);
        Finding f = audit.finding("d1");
        assertThat(f.message()).contains("branch main: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY; branch dev:"
                + " AWS_SESSION_TOKEN");
        assertThat(f.evidence()).containsEntry("Branches", List.of("main", "dev"));
    }

    @Test
    void aCleanAppIsOkWithTheNumberAndNamesOfItsVariables() {
        Finding f = judge(app("d1", "web").variables(var("NEXT_PUBLIC_SITE_URL"))
                .branch("main", null, var("DATABASE_SECRET_ARN")).build());

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("2 environment variables, none holding AWS keys.");
        assertThat(f.evidence()).containsEntry("Variables", 2)
                .containsEntry("VariableNames", List.of("NEXT_PUBLIC_SITE_URL", "main: DATABASE_SECRET_ARN"))
                .doesNotContainKey("Offending");
    }

    @Test
    void anAppWithoutVariablesIsOk() {
        Finding f = judge(app("d1", "web").branch("main", null).build());

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("No environment variable.");
    }

    @Test
    void aDeniedListAppsIsOneTodoForThatRegion() {
        var denied = new CollectionFailure("amplify:ListApps", CollectionFailure.Kind.ACCESS_DENIED,
                "AccessDeniedException", "not authorized");
        var audit = CheckHarness.of(new AmplifyNoAwsKeysInEnvCheck(), "us-east-1", "eu-west-1")
                .with("us-east-1", AmplifyDatasets.APPS, List.of(app("d1", "web").build()))
                .failing("eu-west-1", AmplifyDatasets.APPS, denied);

        Finding todo = audit.findingIn("eu-west-1").orElseThrow();
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).contains("amplify:ListApps").contains("access denied");
        assertThat(audit.finding("d1").status()).isEqualTo(Status.OK);
    }
}
