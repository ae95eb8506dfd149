package com.huntaze.audit.cli;

import com.huntaze.audit.gate.GatePolicy;
import com.huntaze.audit.report.ReportFormat;
import com.huntaze.audit.report.ReportReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code huntaze-audit render REPORT.json}: an earlier run's JSON report in another format, without any AWS call.
 * The JSON is the source of truth: the Markdown rendered here is the one the run itself would have printed, and
 * each finding's {@code failsGate} is the run's. A report written before {@code failsGate} existed is decided once
 * with the default gate ({@code --fail-on nok}, any severity) before rendering.
 */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Render an earlier JSON report (of check --format json) in any --format, "
                + "without touching AWS.",
        footer = {"", "Exit codes:", "  0  rendered",
                "  2  usage error: not a huntaze-audit JSON report of a supported schemaVersion,",
                "     or an unreadable or unwritable file",
                "  4  internal error: a bug in huntaze-audit (report it)"})
public final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT.json", description = "A JSON report written by huntaze-audit check.")
    Path report;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of standard output.")
    Path output;

    @picocli.CommandLine.Mixin
    MarkdownOptions markdown = new MarkdownOptions();

    @Override
    public Integer call() {
        ReportOutput destination = ReportOutput.plan(List.of(format), output, null).withMarkdown(markdown);
        Map<String, Object> tree;
        try {
            tree = ReportReader.read(report);
        } catch (ReportReader.UnreadableReportException e) {
            throw new UsageException("render " + e.getMessage());
        }
        if (!GatePolicy.isDecided(tree)) {
            // A report written before failsGate existed: decided once here, as the run's default gate would have
            // (render takes no gate options), so that every format reads the same failsGate.
            tree = GatePolicy.defaults().decide(tree);
        }
        ReportOutput.tellWritten(destination.write(tree, spec.commandLine().getOut()), tree, ExitCode.OK,
                spec.commandLine().getErr());
        return ExitCode.OK;
    }
}
