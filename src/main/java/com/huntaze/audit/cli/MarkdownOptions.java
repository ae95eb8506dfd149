package com.huntaze.audit.cli;

import com.huntaze.audit.report.MarkdownBudget;
import com.huntaze.audit.report.MarkdownReport;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import picocli.CommandLine.Option;

/** The Markdown's options, shared by {@code check} and {@code render} so that both cut a report the same way. */
final class MarkdownOptions {
    @Option(names = "--max-md-bytes", paramLabel = "N",
            description = "Cut the Markdown report to at most N bytes (UTF-8): the OK findings first, then the "
                    + "evidence columns, then the longest check sections, saying what was cut and where the full "
                    + "report is (default: no limit; GitHub's job summary holds 1 MiB: the recipe passes 900000).")
    long maxMdBytes;

    /** Checked with the destination, before any AWS call. */
    void validate() {
        if (maxMdBytes < 0) {
            throw new UsageException("--max-md-bytes must be a number of bytes, 0 or more (0: no limit), not "
                    + maxMdBytes);
        }
    }

    /**
     * Writes the Markdown of {@code report} to {@code out}, cut to {@code --max-md-bytes} if given.
     *
     * @param fullReport where the full report is, in words, for the line that says what was cut
     */
    void write(Map<String, Object> report, String fullReport, Writer out) throws IOException {
        new MarkdownReport(maxMdBytes == 0 ? MarkdownBudget.UNLIMITED
                : new MarkdownBudget(maxMdBytes, fullReport)).write(report, out);
    }
}
