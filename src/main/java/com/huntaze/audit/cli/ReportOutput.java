package com.huntaze.audit.cli;

import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.JsonReport;
import com.huntaze.audit.report.ReportFormat;
import com.huntaze.audit.report.ReportWriting;
import com.huntaze.audit.report.TerminalSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the reports of a run go: standard output (one format), {@code --output FILE} (one format), or
 * {@code --output-dir DIR} (any formats, each as {@code huntaze-audit-<account>-<timestamp>.<extension>}). Checked
 * before the audit starts, so a bad destination costs no AWS call; each file is written atomically (temp file +
 * rename): a failed run never leaves a half-written report.
 */
final class ReportOutput {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<ReportFormat> formats;
    private final Path output;
    private final Path outputDir;
    private MarkdownOptions markdown = new MarkdownOptions();
    /** Shown instead of the formats when standard output is a terminal and no format or file was asked for. */
    private final TerminalSummary terminalView;

    private ReportOutput(List<ReportFormat> formats, Path output, Path outputDir, TerminalSummary terminalView) {
        this.formats = formats;
        this.output = output;
        this.outputDir = outputDir;
        this.terminalView = terminalView;
    }

    /** This plan, but with the compact terminal summary on standard output instead of the report. */
    ReportOutput toTerminal(TerminalSummary view) {
        return new ReportOutput(formats, output, outputDir, view).withMarkdown(markdown);
    }

    /** Validates the combination and the destination; throws {@link UsageException} for either. */
    static ReportOutput plan(List<ReportFormat> requested, Path output, Path outputDir) {
        if (output != null && output.toString().equals("-")) {
            output = null; // --output -: standard output, as for most Unix tools
        }
        List<ReportFormat> formats = requested.stream().distinct().toList();
        if (formats.isEmpty()) {
            throw new UsageException("--format needs at least one of " + java.util.Arrays.stream(ReportFormat.values())
                    .map(Enum::name).collect(java.util.stream.Collectors.joining(", ")));
        }
        if (output != null && outputDir != null) {
            throw new UsageException("--output and --output-dir cannot be combined: --output names one file, "
                    + "--output-dir receives one file per format");
        }
        if (formats.size() > 1 && outputDir == null) {
            throw new UsageException("several formats (--format " + String.join(",", formats.stream()
                    .map(Enum::name).toList()) + ") need --output-dir DIR" + (output != null
                    ? ", not --output (one file)" : ": standard output takes one report"));
        }
        if (output != null) {
            checkFileWritable(output);
        }
        if (outputDir != null) {
            prepareDirectory(outputDir);
        }
        return new ReportOutput(formats, output, outputDir, null);
    }

    /** This plan with the Markdown cut to {@code --max-md-bytes}, if given. */
    ReportOutput withMarkdown(MarkdownOptions options) {
        options.validate();
        this.markdown = options;
        return this;
    }

    /**
     * Writes a run's report in each format where planned and returns the files written: the JSON streamed straight
     * from the records, the other formats rendered from the report's tree, built once and only when one of them (or
     * the terminal summary) is asked for.
     */
    List<Path> write(AuditReport report, PrintWriter out) {
        Map<String, Object> tree = null;
        Map<String, Object> naming = naming(report);
        if (terminalView != null) {
            out.print(terminalView.render(JsonReport.tree(report)));
            out.flush();
            return List.of();
        }
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats) {
            if (format == ReportFormat.json) {
                write(format, naming, w -> JsonReport.write(report, w), out, written);
            } else {
                tree = tree == null ? JsonReport.tree(report) : tree;
                write(format, tree, out, written);
            }
        }
        return written;
    }

    /** Renders a report tree ({@code render}, {@code merge}) in each format, writes it where planned. */
    List<Path> write(Map<String, Object> report, PrintWriter out) {
        if (terminalView != null) {
            out.print(terminalView.render(report));
            out.flush();
            return List.of();
        }
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats) {
            write(format, report, out, written);
        }
        return written;
    }

    private void write(ReportFormat format, Map<String, Object> report, PrintWriter out, List<Path> written) {
        if (format == ReportFormat.json) {
            write(format, report, w -> JsonReport.write(report, w), out, written);
            return;
        }
        if (format == ReportFormat.md) {
            String fullReport = fullReport(report);
            write(format, report, w -> markdown.write(report, fullReport, w), out, written);
        } else {
            write(format, report, w -> format.write(report, w), out, written);
        }
    }

    /** @param naming the report's tree, or the part of it {@link #fileName} reads */
    private void write(ReportFormat format, Map<String, Object> naming, ReportWriting body, PrintWriter out,
                       List<Path> written) {
        if (outputDir != null) {
            Path file = outputDir.resolve(fileName(naming, format));
            writeAtomically(file, body, file.toString());
            written.add(file);
        } else if (output != null) {
            writeAtomically(output, body, "--output " + output);
            written.add(output);
        } else {
            try {
                body.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a PrintWriter does not throw: not reached
            }
            out.flush();
        }
    }

    /**
     * The fields of the report's tree that name its files ({@link #fileName}), read from the records without building
     * the tree: written through the same JSON mapper, so they are exactly what the tree would hold.
     */
    private static Map<String, Object> naming(AuditReport report) {
        Map<String, Object> naming = new java.util.LinkedHashMap<>();
        naming.put("generatedAt", report.generatedAt());
        naming.put("account", report.account());
        if (report.accounts() != null) {
            naming.put("accounts", JsonReport.toTree(report.accounts()));
        }
        if (report.shard() != null) {
            naming.put("shard", JsonReport.toTree(report.shard()));
        }
        if (report.repositories() != null) {
            naming.put("repositories", JsonReport.toTree(report.repositories()));
        }
        return naming;
    }

    /**
     * The last line of a run that wrote files, on stderr (stdout may be a pipe into something else): {@code wrote
     * reports/a.md, reports/a.json: 12 NOK, 4 TODO, 80 OK; exit 1}. Nothing when the report went to stdout.
     */
    @SuppressWarnings("unchecked")
    static void tellWritten(List<Path> written, Map<String, Object> report, int exitCode, PrintWriter err) {
        if (written.isEmpty()) {
            return;
        }
        Map<String, Object> summary = (Map<String, Object>) report.get("summary");
        tellWritten(written, summary.get("nok"), summary.get("todo"), summary.get("ok"), exitCode, err);
    }

    static void tellWritten(List<Path> written, Object nok, Object todo, Object ok, int exitCode, PrintWriter err) {
        if (written.isEmpty()) {
            return;
        }
        err.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()) + ": " + nok
                + " NOK, " + todo + " TODO, " + ok + " OK; exit " + exitCode);
        err.flush();
    }

    /** Where a cut Markdown sends its reader: the JSON and HTML files this run writes, else "the JSON report". */
    private String fullReport(Map<String, Object> report) {
        List<String> files = outputDir == null ? List.of() : formats.stream()
                .filter(f -> f.name().equals("json") || f.name().equals("html"))
                .map(f -> outputDir.resolve(fileName(report, f)).toString()).toList();
        return files.isEmpty() ? "the JSON report" : String.join(" and ", files);
    }

    /**
     * {@code huntaze-audit-123456789012-20261122T090000Z.md}: sorts by time, and never clashes across accounts; a
     * shard's report adds its part ({@code -shard3of8}), so that the jobs of one audit can share a directory.
     */
    static String fileName(Map<String, Object> report, ReportFormat format) {
        String stamp = String.valueOf(report.get("generatedAt")).replace("-", "").replace(":", "");
        String shard = report.get("shard") instanceof Map<?, ?> s ? "-shard" + s.get("index") + "of" + s.get("count")
                : "";
        return "huntaze-audit-" + com.huntaze.audit.report.AuditedName.of(report) + shard + "-" + stamp + "."
                + format.extension();
    }

    private static void checkFileWritable(Path output) {
        Path dir = output.toAbsolutePath().getParent();
        if (Files.isDirectory(output)) {
            throw new UsageException("--output " + output + " is a directory");
        }
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageException("cannot write --output " + output + ": directory "
                    + (dir == null ? "(none)" : dir) + " does not exist or is not writable");
        }
    }

    /** Created when missing (CI jobs start from a clean checkout), like {@code mkdir -p}. */
    private static void prepareDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("cannot create --output-dir " + dir + ": " + (Files.exists(dir)
                    ? "it exists and is not a directory" : e.getClass().getSimpleName()));
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("cannot write to --output-dir " + dir + ": permission denied");
        }
    }

    /**
     * The temp file is created the plain way ({@code open(O_CREAT|O_EXCL)} with mode 0666), so the umask sets the
     * report's permissions, as for any file the user's shell writes: {@code Files.createTempFile} would make it
     * 0600 whatever the umask, unreadable to a CI step of another uid reading the directory from a bind mount.
     *
     * @param label names the destination in messages: {@code --output FILE}, or the file's path
     */
    private static void writeAtomically(Path file, ReportWriting body, String label) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Path candidate = target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(
                    RANDOM.nextLong(), 36) + ".tmp");
            try (OutputStream stream = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream,
                         StandardCharsets.UTF_8))) {
                temp = candidate;
                body.writeTo(writer);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AccessDeniedException e) {
            throw new UsageException("cannot write " + label + ": permission denied");
        } catch (IOException e) {
            throw new UsageException("cannot write " + label + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and named after the report
                }
            }
        }
    }
}
