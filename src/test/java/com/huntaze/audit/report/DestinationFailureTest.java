package com.huntaze.audit.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.gate.GatePolicy;
import com.huntaze.audit.testing.Reports;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each format is written into its destination as it goes, so a destination that fails midway (a full disk) fails the
 * writing there: with the destination's own {@link IOException}, which the CLI reports as "cannot write FILE: No space
 * left on device" (exit 2), never as an internal error.
 */
class DestinationFailureTest {

    /** A report of 200 findings: some kilobytes in every format. */
    private static Map<String, Object> report() {
        Finding[] findings = new Finding[200];
        for (int i = 0; i < findings.length; i++) {
            findings[i] = Reports.finding("rds.multi-az", i % 2 == 0 ? Status.NOK : Status.OK, "us-east-1",
                    "db-" + i);
        }
        return JsonReport.tree(GatePolicy.defaults().decide(Reports.report(
                List.of(Reports.check("rds.multi-az", Domain.RELIABILITY, Severity.HIGH)), findings)));
    }

    /** A disk that fills up after 2,000 characters. */
    private static final class FullDisk extends Writer {
        private int room = 2_000;

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            room -= length;
            if (room < 0) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void aDestinationThatFailsMidwayFailsTheWritingWithItsOwnError(ReportFormat format) {
        Map<String, Object> report = report();

        assertThatThrownBy(() -> format.write(report, new FullDisk())).isInstanceOf(IOException.class)
                .hasMessage("No space left on device");
    }

    @Test
    void soDoesAMarkdownCutToABudget() {
        Map<String, Object> report = report();
        MarkdownReport cut = new MarkdownReport(new MarkdownBudget(5_000, "the JSON report"));

        assertThatThrownBy(() -> cut.write(report, new FullDisk())).isInstanceOf(IOException.class)
                .hasMessage("No space left on device");
    }
}
