package com.huntaze.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.cli.ExitCode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.JunitSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render REPORT.json} gives, byte for byte, what the run printed in each format: the JSON report is the
 * source of truth, so a report kept as JSON can be turned into Markdown or JUnit later, without AWS.
 */
class RenderRoundTripTest {

    @TempDir
    Path dir;

    /** The files one run wrote in every format, by extension. */
    private record Written(Path md, Path json, Path xml) {
    }

    private Written run(Path outputDir, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--demo", "--format", "md,json,junit",
                "--output-dir", outputDir.toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isIn(ExitCode.OK, ExitCode.NOK);
        try (Stream<Path> files = Files.list(outputDir)) {
            List<Path> all = files.sorted().toList();
            assertThat(all).hasSize(3);
            return new Written(all.get(1), all.get(0), all.get(2));
        }
    }

    private static void assertRendersLikeTheRun(Written written) throws IOException {
        CliRun md = CliRun.of("render", written.json().toString());
        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(md.out()).isEqualTo(Files.readString(written.md()));

        CliRun json = CliRun.of("render", written.json().toString(), "--format", "json");
        assertThat(json.out()).isEqualTo(Files.readString(written.json()));

        CliRun junit = CliRun.of("render", written.json().toString(), "--format", "junit");
        assertThat(junit.out()).isEqualTo(Files.readString(written.xml()));
        JunitSchema.validate(junit.out());
    }

    @Test
    void markdownJsonAndJunitOfARunAreRenderedIdenticallyFromItsJson() throws IOException {
        Written written = run(Files.createDirectory(dir.resolve("plain")));

        assertRendersLikeTheRun(written);
        // The Markdown's by-hand commands and price date came from the JSON, not from this version's catalog.
        assertThat(Files.readString(written.md())).contains("Verify: `aws ").contains("from the embedded price table of");
    }

    @Test
    void theSectionsOfBaselineAndSuppressionsRoundTripToo() throws IOException {
        Written first = run(Files.createDirectory(dir.resolve("first")), "--checks", "rds.*");
        Written second = run(Files.createDirectory(dir.resolve("second")), "--baseline", first.json().toString(),
                "--suppress", "iam.user-mfa:bob.nguyen", "--reason", "leaves on Friday");

        String md = Files.readString(second.md());
        assertThat(md).contains("## New since baseline", "## Resolved since baseline", "## Accepted risks",
                "| ❌ NOK | `iam.user-mfa` | bob.nguyen | global | leaves on Friday | (command line) |");
        assertRendersLikeTheRun(second);
    }

    @Test
    void aReportWrittenBeforeTheMarkdownFieldsWereInTheJsonStillRenders() throws IOException {
        Written written = run(Files.createDirectory(dir.resolve("run")));
        String older = Files.readString(written.json()).replaceAll(",\\s*\"verifyCommand\" : \"(\\\\.|[^\"])*\"", "")
                .replaceAll(",\\s*\"priceTable\" : \"[^\"]*\"", "");
        assertThat(older).doesNotContain("verifyCommand").doesNotContain("priceTable");
        Path file = Files.writeString(dir.resolve("older.json"), older);

        CliRun md = CliRun.of("render", file.toString());

        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(md.out()).contains("## To verify by hand").doesNotContain("Verify: `")
                .contains("Estimates are on-demand list prices at 730 hours a month. Read-only audit");
    }

    @Test
    void aReportWrittenBeforeFailsGateIsDecidedOnceWithTheDefaultGateAndRendersLikeADefaultRun() throws IOException {
        Written written = run(Files.createDirectory(dir.resolve("default")));
        String json = Files.readString(written.json());
        String older = json.replaceAll(",\\s*\"failsGate\" : (true|false)", "")
                .replaceAll(",\\s*\"gateReason\" : \"(\\\\.|[^\"])*\"", "");
        assertThat(older).doesNotContain("failsGate").doesNotContain("gateReason");
        Path file = Files.writeString(dir.resolve("older.json"), older);

        // The default gate's failsGate, in the place a fresh report has it: the run's own JSON, byte for byte.
        assertThat(CliRun.of("render", file.toString(), "--format", "json").out()).isEqualTo(json);
        assertThat(CliRun.of("render", file.toString(), "--format", "junit").out())
                .isEqualTo(Files.readString(written.xml()));
        assertThat(CliRun.of("render", file.toString()).out()).isEqualTo(Files.readString(written.md()));
    }

    @Test
    void renderKeepsTheRunsOwnFailsGateRatherThanTheDefaultGate() throws IOException {
        Written written = run(Files.createDirectory(dir.resolve("todo")), "--fail-on", "todo", "--min-severity",
                "high");

        assertRendersLikeTheRun(written);
        assertThat(Files.readString(written.xml())).contains("<failure type=\"TODO\"")
                .contains("is below --min-severity high");
    }

    @Test
    void aFailsGateThatIsNotTrueOrFalseIsAUsageError() throws IOException {
        Written written = run(Files.createDirectory(dir.resolve("bad")));
        Path file = Files.writeString(dir.resolve("bad.json"), Files.readString(written.json())
                .replaceFirst("\"failsGate\" : (true|false)", "\"failsGate\" : \"yes\""));

        CliRun run = CliRun.of("render", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("huntaze-audit: render " + file + ": a finding's failsGate is not true or"
                + " false").hasLineCount(1);
    }

    @Test
    void renderWritesToAFileAtomically() throws IOException {
        Written written = run(Files.createDirectory(dir.resolve("run")));
        Path target = dir.resolve("summary.md");

        CliRun run = CliRun.of("render", written.json().toString(), "--output", target.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(target)).isEqualTo(Files.readString(written.md()));
    }

    @Test
    void whatIsNotAJsonReportIsAUsageError() throws IOException {
        Written written = run(Files.createDirectory(dir.resolve("run")));

        CliRun markdown = CliRun.of("render", written.md().toString());
        assertThat(markdown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(markdown.err()).startsWith("huntaze-audit: render " + written.md() + ": not a huntaze-audit JSON"
                + " report").hasLineCount(1);

        CliRun missing = CliRun.of("render", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("nope.json: file not found");

        assertThat(CliRun.of("render").exitCode()).as("the report is required").isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.of("render", written.json().toString(), "--format", "pdf").exitCode())
                .isEqualTo(ExitCode.USAGE);
    }
}
