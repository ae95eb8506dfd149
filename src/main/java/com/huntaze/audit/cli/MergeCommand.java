package com.huntaze.audit.cli;

import com.huntaze.audit.gate.Baseline;
import com.huntaze.audit.gate.GatePolicy;
import com.huntaze.audit.report.ReportFormat;
import com.huntaze.audit.report.ReportReader;
import com.huntaze.audit.shard.ReportMerger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code huntaze-audit merge SHARD.json...}: the JSON reports of the shards of one audit ({@code check --shard}) as
 * the one report an unsharded run would have written ({@link ReportMerger}), then, as {@code check} does last, the
 * gate and the report files: the last job of a pipeline decides the exit code. No AWS call.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Merge the JSON reports of the shards of one audit (check --shard K/N) into one report, and"
                + " gate on it, without touching AWS.",
        footer = {"", "Exit codes:", "  0  no finding fails the gate",
                "  1  a finding fails the gate (default: a NOK that is not an accepted risk; see --fail-on)",
                "  2  usage error: a file that is not a shard report, or shards that are not every part of one audit"
                        + " (another version, account list or shard count; a shard missing or given twice; an"
                        + " account in two shards)",
                "  4  internal error: a bug in huntaze-audit (report it)"})
public final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD.json|DIR",
            description = "The JSON reports of check --shard K/N, every K of one N, in any order; a directory stands"
                    + " for every *.json file in it (for job engines that run no shell to expand a glob).")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", split = ",",
            description = "Report format(s): ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); several, "
                    + "comma-separated, with --output-dir.")
    List<ReportFormat> formats;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the merged report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Write each --format to DIR, named as check --output-dir names them.")
    Path outputDir;

    @picocli.CommandLine.Mixin
    GateOptions gateOptions = new GateOptions();

    @picocli.CommandLine.Mixin
    MarkdownOptions markdown = new MarkdownOptions();

    @Override
    public Integer call() {
        ReportOutput destination = ReportOutput.plan(formats, output, outputDir).withMarkdown(markdown);
        GatePolicy gate = gateOptions.policy();
        Baseline baseline = gateOptions.baseline();
        List<ReportMerger.Input> inputs = new ArrayList<>();
        for (Path report : shardFiles()) {
            try {
                inputs.add(new ReportMerger.Input(report.toString(), ReportReader.read(report)));
            } catch (ReportReader.UnreadableReportException e) {
                throw new UsageException("merge " + e.getMessage());
            }
        }
        Map<String, Object> merged;
        try {
            merged = ReportMerger.merge(inputs);
        } catch (ReportMerger.MergeException e) {
            throw new UsageException("merge: " + e.getMessage());
        }
        if (baseline != null) {
            try {
                merged = baseline.compare(merged);
            } catch (Baseline.BaselineException e) {
                throw new UsageException("--baseline " + e.getMessage());
            }
        }
        merged = gate.decide(merged);
        destination.write(merged, spec.commandLine().getOut());
        return GatePolicy.failsGate(merged) ? ExitCode.NOK : ExitCode.OK;
    }

    /** The files given, each directory replaced by its {@code *.json} files, sorted by name. */
    private List<Path> shardFiles() {
        List<Path> files = new ArrayList<>();
        for (Path given : reports) {
            if (!Files.isDirectory(given)) {
                files.add(given);
                continue;
            }
            try (Stream<Path> inside = Files.list(given)) {
                List<Path> json = inside.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
                if (json.isEmpty()) {
                    throw new UsageException("merge: directory " + given + " holds no .json report");
                }
                files.addAll(json);
            } catch (IOException e) {
                throw new UsageException("merge: cannot list directory " + given + " (" + e.getClass().getSimpleName()
                        + ")");
            }
        }
        return files;
    }
}
