package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huntaze.audit.report.ReportFormat;
import com.huntaze.audit.testing.CliRun;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where report files go, with which permissions, and the line a run that wrote files ends with. */
class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void aReportFileGetsThePermissionsTheUmaskGives() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        Path control = dir.resolve("control.txt");
        new FileOutputStream(control.toFile()).close(); // what any program writing a plain file gets here
        Path report = dir.resolve("report.json");

        ReportOutput.plan(List.of(ReportFormat.json), report, null).write(Map.of("schemaVersion", 1),
                new PrintWriter(new StringWriter()));

        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(Files.getPosixFilePermissions(control));
        // Written atomically still: no temp file is left beside it.
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("control.txt",
                    "report.json");
        }
    }

    @Test
    void outputDashIsStandardOutput() {
        CliRun run = CliRun.of("check", "--demo", "--format", "json", "--output", "-");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOK);
        assertThat(run.json().get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(run.err()).isEmpty(); // no file written, so no "wrote" line
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void aRunThatWritesFilesEndsWithOneLineNamingThemAndTheCounts() throws IOException {
        Path reports = dir.resolve("reports");

        CliRun run = CliRun.of("check", "--demo", "--format", "md,json,junit", "--output-dir", reports.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOK);
        assertThat(run.out()).isEmpty();
        Path json;
        String stem;
        try (Stream<Path> files = Files.list(reports)) {
            json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        stem = json.toString().substring(0, json.toString().length() - ".json".length());
        JsonNode summary = new ObjectMapper().readTree(json.toFile()).get("summary");
        assertThat(run.err()).isEqualTo("wrote " + stem + ".md, " + stem + ".json, " + stem + ".xml: "
                + summary.get("nok") + " NOK, " + summary.get("todo") + " TODO, " + summary.get("ok") + " OK; exit 1\n");

        Path html = dir.resolve("report.html");
        CliRun render = CliRun.of("render", json.toString(), "--format", "html", "--output", html.toString());
        assertThat(render.err()).isEqualTo("wrote " + html + ": " + summary.get("nok") + " NOK, "
                + summary.get("todo") + " TODO, " + summary.get("ok") + " OK; exit 0\n");
    }
}
