package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huntaze.audit.engine.CheckResult;
import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.gate.GatePolicy;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.ReportFormat;
import com.huntaze.audit.report.ReportReader;
import com.huntaze.audit.testing.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A large account's report (20,000 findings, the size of a large account's 15,000 and more) is written in every
 * format, and every format goes out as a stream: its destination receives it in small pieces, never as one text the
 * size of the report, so the report is not held again as text next to its records (or its tree).
 */
class LargeReportStreamingTest {

    private static final int FINDINGS = 20_000;

    @TempDir
    Path dir;

    /** 20,000 findings over 4 checks and 2 regions: every fifth NOK, every seventh TODO, the rest OK. */
    private static AuditReport largeReport() {
        List<CheckResult> checks = List.of(
                Reports.check("rds.multi-az", Domain.RELIABILITY, Severity.HIGH),
                Reports.check("sqs.dead-letter-queue", Domain.RELIABILITY, Severity.MEDIUM),
                Reports.check("logs.retention", Domain.COST, Severity.LOW),
                Reports.check("ec2.security-group-open-ports", Domain.SECURITY, Severity.CRITICAL));
        Finding[] findings = new Finding[FINDINGS];
        for (int i = 0; i < FINDINGS; i++) {
            Status status = i % 5 == 0 ? Status.NOK : i % 7 == 0 ? Status.TODO : Status.OK;
            findings[i] = Reports.finding(checks.get(i % checks.size()).id(), status,
                    i % 2 == 0 ? "us-east-1" : "eu-west-1", String.format("resource-%05d", i));
        }
        return GatePolicy.defaults().decide(Reports.report(checks, findings));
    }

    /** A destination that remembers the largest piece it was given at once. */
    private static final class PieceMeasuringWriter extends Writer {
        final StringBuilder received = new StringBuilder();
        int largestPiece;

        @Override
        public void write(char[] chars, int offset, int length) {
            largestPiece = Math.max(largestPiece, length);
            received.append(chars, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theJsonOfALargeReportReachesStandardOutputInPiecesNotAsOneText() throws IOException {
        AuditReport report = largeReport();
        PieceMeasuringWriter stdout = new PieceMeasuringWriter();

        ReportOutput.plan(List.of(ReportFormat.json), null, null).write(report, new PrintWriter(stdout));

        assertThat(stdout.received.length()).as("the whole report arrived").isGreaterThan(5_000_000);
        assertThat(stdout.largestPiece).as("the largest piece written at once").isLessThan(64 * 1024);
        JsonNode json = new ObjectMapper().readTree(stdout.received.toString());
        assertThat(json.get("findings").size()).isEqualTo(FINDINGS);
        assertThat(json.get("summary").get("nok").asInt()).isEqualTo(FINDINGS / 5);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatOfALargeReportReachesStandardOutputInPiecesNotAsOneText(ReportFormat format) {
        PieceMeasuringWriter stdout = new PieceMeasuringWriter();

        ReportOutput.plan(List.of(format), null, null).write(largeReport(), new PrintWriter(stdout));

        assertThat(stdout.received.length()).as("the whole report arrived").isGreaterThan(1_000_000);
        assertThat(stdout.largestPiece).as("the largest piece written at once").isLessThan(64 * 1024);
        assertThat(stdout.received.toString()).contains("resource-19995");
    }

    @Test
    void aMarkdownCutToItsBudgetIsStreamedToo() {
        PieceMeasuringWriter stdout = new PieceMeasuringWriter();
        MarkdownOptions budget = new MarkdownOptions();
        budget.maxMdBytes = 900_000;

        ReportOutput.plan(List.of(ReportFormat.md), null, null).withMarkdown(budget).write(largeReport(),
                new PrintWriter(stdout));

        String md = stdout.received.toString();
        assertThat(md).contains("> ✂️ **Shortened to fit 900,000 bytes:** the list of OK findings");
        assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(900_000);
        assertThat(stdout.largestPiece).as("the largest piece written at once").isLessThan(64 * 1024);
    }

    @Test
    void aLargeReportIsWrittenInEveryFormatAndRendersBackIdentically() throws IOException {
        AuditReport report = largeReport();
        List<ReportFormat> formats = Arrays.asList(ReportFormat.values());

        ReportOutput.plan(formats, null, dir).write(report, new PrintWriter(Writer.nullWriter()));

        Map<String, Path> files = new java.util.TreeMap<>();
        try (var listed = Files.list(dir)) {
            listed.forEach(f -> files.put(f.getFileName().toString().replaceAll(".*\\.", ""), f));
        }
        assertThat(files).containsOnlyKeys("md", "json", "xml", "sarif", "csv", "html");
        long noks = FINDINGS / 5;
        long todos = java.util.stream.IntStream.range(0, FINDINGS).filter(i -> i % 5 != 0 && i % 7 == 0).count();

        JsonNode json = new ObjectMapper().readTree(files.get("json").toFile());
        assertThat(json.get("findings").size()).isEqualTo(FINDINGS);
        assertThat(Files.readString(files.get("md"))).contains("❌ " + noks + " NOK")
                .contains("resource-19995");
        assertThat(count(Files.readString(files.get("xml")), "<testcase ")).isEqualTo(FINDINGS);
        assertThat(new ObjectMapper().readTree(files.get("sarif").toFile()).get("runs").get(0).get("results").size())
                .isEqualTo(noks + todos);
        assertThat(Files.readAllLines(files.get("csv"), StandardCharsets.UTF_8)).hasSize(FINDINGS + 1);

        // render reads the JSON file incrementally and writes each format byte for byte as the run did
        Map<String, Object> read = ReportReader.read(files.get("json"));
        for (ReportFormat format : formats) {
            Path again = Files.createDirectories(dir.resolve("again-" + format));
            ReportOutput.plan(List.of(format), null, again).write(read, new PrintWriter(Writer.nullWriter()));
            Path rendered = again.resolve(ReportOutput.fileName(read, format));
            assertThat(Files.mismatch(rendered, files.get(format.extension()))).as(format.name()).isEqualTo(-1);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
