package com.huntaze.audit.cli;

import com.huntaze.audit.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Where the reports of a run go: standard output (one format), {@code --output FILE} (one format), or
 * {@code --output-dir DIR} (any formats, each as {@code huntaze-audit-<account>-<timestamp>.<md|json|xml>}). Checked
 * before the audit starts, so a bad destination costs no AWS call; each file is written atomically (temp file +
 * rename): a failed run never leaves a half-written report.
 */
final class ReportOutput {
    private final List<ReportFormat> formats;
    private final Path output;
    private final Path outputDir;

    private ReportOutput(List<ReportFormat> formats, Path output, Path outputDir) {
        this.formats = formats;
        this.output = output;
        this.outputDir = outputDir;
    }

    /** Validates the combination and the destination; throws {@link UsageException} for either. */
    static ReportOutput plan(List<ReportFormat> requested, Path output, Path outputDir) {
        List<ReportFormat> formats = requested.stream().distinct().toList();
        if (formats.isEmpty()) {
            throw new UsageException("--format needs at least one of md, json, junit");
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
        return new ReportOutput(formats, output, outputDir);
    }

    /** Renders the report tree in each format and writes it where planned. */
    void write(Map<String, Object> report, PrintWriter out) {
        for (ReportFormat format : formats) {
            String text = format.render(report);
            if (outputDir != null) {
                Path file = outputDir.resolve(fileName(report, format));
                writeAtomically(file, text, file.toString());
            } else if (output != null) {
                writeAtomically(output, text, "--output " + output);
            } else {
                out.print(text);
                out.flush();
            }
        }
    }

    /** {@code huntaze-audit-123456789012-20261122T090000Z.md}: sorts by time, and never clashes across accounts. */
    static String fileName(Map<String, Object> report, ReportFormat format) {
        String stamp = String.valueOf(report.get("generatedAt")).replace("-", "").replace(":", "");
        // a report of several accounts has no one account: named "accounts" (README "Many accounts")
        Object account = report.get("account") != null ? report.get("account") : "accounts";
        return "huntaze-audit-" + account + "-" + stamp + "." + format.extension();
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

    /** @param label names the destination in messages: {@code --output FILE}, or the file's path */
    private static void writeAtomically(Path file, String text, String label) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
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
