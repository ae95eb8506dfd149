package com.huntaze.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.cli.ExitCode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.SarifSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --format sarif|csv} of a saved JSON report gives, byte for byte, what the run wrote. */
class RenderSarifAndCsvRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void sarifAndCsvOfARunAreRenderedIdenticallyFromItsJson() throws Exception {
        CliRun run = CliRun.of("check", "--demo", "--format", "json,sarif,csv", "--output-dir", dir.toString(),
                "--suppress", "iam.user-mfa:bob.nguyen", "--reason", "leaves on Friday");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOK);
        List<Path> files;
        try (Stream<Path> all = Files.list(dir)) {
            files = all.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString().replaceFirst(".*\\.", ""))
                .containsExactly("csv", "json", "sarif");
        Path json = files.get(1);

        CliRun sarif = CliRun.of("render", json.toString(), "--format", "sarif");
        assertThat(sarif.exitCode()).as(sarif.err()).isZero();
        assertThat(sarif.out()).isEqualTo(Files.readString(files.get(2)));
        SarifSchema.validate(sarif.out());
        assertThat(sarif.out()).contains("\"justification\" : \"leaves on Friday until ");

        CliRun csv = CliRun.of("render", json.toString(), "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).isEqualTo(Files.readString(files.get(0)));
    }
}
