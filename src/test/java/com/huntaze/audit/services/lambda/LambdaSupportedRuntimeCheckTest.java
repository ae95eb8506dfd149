package com.huntaze.audit.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.huntaze.audit.engine.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CheckHarness;
import com.huntaze.audit.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaSupportedRuntimeCheckTest {

    // CheckHarness.NOW is 2026-11-22.
    private static final RuntimeTable TABLE = table("""
            {"date": "2026-11-20", "source": "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
             "runtimes": [
               {"runtime": "python3.8", "deprecation": "2024-10-14", "blockCreate": "2025-02-28",
                "blockUpdate": "2025-03-31"},
               {"runtime": "nodejs20.x", "deprecation": "2027-02-01"},
               {"runtime": "python3.13", "deprecation": "2029-06-30"},
               {"runtime": "java21", "deprecation": null}]}""");

    static LambdaFunction zip(String name, String runtime) {
        return new LambdaFunction(name, "arn:aws:lambda:us-east-1:123456789012:function:" + name, runtime, "Zip",
                null, List.of());
    }

    private CheckHarness audit(LambdaFunction... functions) {
        return CheckHarness.of(new LambdaSupportedRuntimeCheck())
                .settings(LambdaSupportedRuntimeCheck.RUNTIMES, TABLE)
                .with(LambdaDatasets.FUNCTIONS, List.of(functions));
    }

    @Test
    void deprecatedRuntimeIsNokWithItsDateAndSupportedOneIsOk() {
        var audit = audit(zip("cron", "python3.8"), zip("api", "python3.13"));

        var cron = audit.finding("cron");
        assertThat(cron.status()).isEqualTo(Status.NOK);
        assertThat(cron.message()).contains("deprecated on 2024-10-14").contains("cannot be updated from 2025-03-31");
        assertThat(cron.evidence()).containsEntry("Deprecation", "2024-10-14")
                .containsEntry("BlockFunctionCreate", "2025-02-28").containsEntry("RuntimeTableDate", "2026-11-20");
        assertThat(audit.finding("api").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("api").message()).contains("supported until 2029-06-30");
    }

    @Test
    void runtimeDeprecatedWithinTheWarningDaysIsAlreadyNok() {
        // 2026-11-22 → 2027-02-01: 71 days, within the default 120.
        var audit = audit(zip("edge", "nodejs20.x"));
        assertThat(audit.finding("edge").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("edge").message()).contains("deprecated on 2027-02-01 (in 71 days)");

        var shorter = audit(zip("edge", "nodejs20.x")).threshold(LambdaSupportedRuntimeCheck.WARNING_DAYS, 60);
        assertThat(shorter.finding("edge").status()).isEqualTo(Status.OK);
    }

    @Test
    void containerImagesAndOsOnlyRuntimesAreOkWithANote() {
        var image = new LambdaFunction("og", "arn:aws:lambda:us-east-1:123456789012:function:og", null, "Image",
                null, List.of());
        var audit = audit(image, zip("rust", "provided.al2023"), zip("go", "provided.al2"));

        assertThat(audit.finding("og").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("og").message()).contains("Container image");
        assertThat(audit.finding("rust").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("rust").message()).contains("OS-only runtime");
        assertThat(audit.finding("go").status()).isEqualTo(Status.OK);
    }

    @Test
    void runtimeMissingFromTheTableIsTodoNamingTheTableDate() {
        var audit = audit(zip("legacy", "ruby3.3"));
        assertThat(audit.finding("legacy").status()).isEqualTo(Status.TODO);
        assertThat(audit.finding("legacy").message()).contains("not in the runtime table of 2026-11-20");
    }

    @Test
    void runtimeWithoutAnnouncedDeprecationIsOk() {
        assertThat(audit(zip("svc", "java21")).finding("svc").status()).isEqualTo(Status.OK);
    }

    @Test
    void embeddedTableHasTheIssueDatesAndIsTheDefault() {
        RuntimeTable embedded = RuntimeTable.embedded();
        assertThat(embedded.find("python3.8").orElseThrow().deprecation()).hasToString("2024-10-14");
        assertThat(embedded.find("nodejs16.x").orElseThrow().deprecation()).hasToString("2024-06-12");
        assertThat(embedded.find("python3.8").orElseThrow().source()).startsWith("https://docs.aws.amazon.com/");
        var audit = CheckHarness.of(new LambdaSupportedRuntimeCheck())
                .with(LambdaDatasets.FUNCTIONS, List.of(zip("cron", "python3.8")));
        assertThat(audit.finding("cron").status()).isEqualTo(Status.NOK);
    }

    @Test
    void aRuntimeFileIsReadAndABadOneIsOneClearLine(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), """
                {"date": "2027-01-01", "runtimes": [{"runtime": "python3.8", "deprecation": "2024-10-14"}]}""");
        assertThat(RuntimeTable.read(good).date()).hasToString("2027-01-01");

        Path typo = Files.writeString(dir.resolve("typo.json"), """
                {"date": "2027-01-01", "runtimes": [{"runtime": "python3.8", "deprecaton": "2024-10-14"}]}""");
        assertThatThrownBy(() -> RuntimeTable.read(typo)).hasMessageStartingWith("runtimes[0].deprecaton: unknown");
        Path twice = Files.writeString(dir.resolve("twice.json"), """
                {"date": "2027-01-01", "runtimes": [{"runtime": "a"}, {"runtime": "a"}]}""");
        assertThatThrownBy(() -> RuntimeTable.read(twice)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> RuntimeTable.read(dir.resolve("none.json"))).hasMessage("no such file");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{");
        assertThatThrownBy(() -> RuntimeTable.read(broken)).hasMessageStartingWith("not JSON");
    }

    @Test
    void theRuntimesOptionReplacesTheTableAndABadFileIsExit2(@TempDir Path dir) throws Exception {
        // A table that knows only python3.12: the demo's other runtimes become TODO, python3.12 NOK by its date.
        Path file = Files.writeString(dir.resolve("runtimes.json"), """
                {"date": "2027-01-01", "source": "https://example.com/runtimes",
                 "runtimes": [{"runtime": "python3.12", "deprecation": "2025-01-01"}]}""");
        CliRun run = CliRun.of("check", "--demo", "--format", "json", "--checks", "lambda.supported-runtime",
                "--runtimes", file.toString());
        JsonNode activate = run.finding("lambda.supported-runtime", "us-east-1", "activate-offers");
        assertThat(activate.get("status").asText()).isEqualTo("NOK");
        assertThat(activate.get("evidence").get("RuntimeTableDate").asText()).isEqualTo("2027-01-01");
        JsonNode report = run.finding("lambda.supported-runtime", "us-east-1", "nightly-report");
        assertThat(report.get("status").asText()).isEqualTo("TODO");
        assertThat(report.get("message").asText()).contains("not in the runtime table of 2027-01-01");

        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"date": "2027-01-01", "runtimes": [{"runtime": "python3.12", "deprecation": "soon"}]}""");
        CliRun refused = CliRun.of("check", "--demo", "--runtimes", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err().strip()).isEqualTo("huntaze-audit: --runtimes " + bad
                + ": runtimes[0].deprecation: 'soon' is not a date (YYYY-MM-DD)");
    }

    private static RuntimeTable table(String json) {
        try {
            return RuntimeTable.parse(new ObjectMapper().readTree(json), "test table");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
