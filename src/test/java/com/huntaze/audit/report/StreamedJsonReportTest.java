package com.huntaze.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.config.AuditConfig;
import com.huntaze.audit.config.ConfigLoader;
import com.huntaze.audit.config.DemoConfig;
import com.huntaze.audit.engine.AuditInputs;
import com.huntaze.audit.engine.AuditRunner;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.gate.GatePolicy;
import com.huntaze.audit.gate.Suppressions;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.testing.Reports;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The JSON report is streamed from the records, and the tree the other formats render from is built from the records'
 * tokens: both are exactly what the whole-text path gave (the text, and the tree a reader of the text gets), so
 * nothing a reader or {@code render} sees changes.
 */
class StreamedJsonReportTest {

    /** The demo account audited with every check and the demo's config, suppressions applied and gate decided. */
    private static AuditReport demoReport() {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        CheckRegistry registry = CheckRegistry.load();
        AuditConfig config = DemoConfig.load(new ConfigLoader(registry, today), today);
        Inventory inventory = ServiceCatalog.current().demoInventory(today);
        Set<Dataset<?>> needed = registry.checks().stream().flatMap(c -> c.check().requires().stream())
                .collect(Collectors.toSet());
        var prices = ServiceCatalog.current().prices();
        AuditRunner.Outcome outcome = new AuditRunner(new AuditInputs(config.thresholds(), config.attestations(),
                prices, now, config.settings())).run(registry.checks(), inventory);
        // apiCalls and durationMs are longs in the records: the text makes them whole numbers like any other
        AuditReport audited = ReportBuilder.build("test", now, inventory, needed, outcome,
                Map.of("sts:GetCallerIdentity", 1L, "rds:DescribeDBInstances", 4L), 1234L, prices.origin());
        AuditReport suppressed = Suppressions.apply(config.suppressions(), audited, today).report();
        return GatePolicy.defaults().decide(suppressed);
    }

    private static String streamed(AuditReport report) throws IOException {
        StringWriter out = new StringWriter();
        JsonReport.write(report, out);
        return out.toString();
    }

    @Test
    void theStreamedJsonOfTheDemoIsByteForByteWhatDatabindWrites() throws IOException {
        AuditReport demo = demoReport();
        assertThat(demo.findings()).hasSizeGreaterThan(50);
        assertThat(demo.suppressions()).isNotEmpty();

        assertThat(streamed(demo)).isEqualTo(JsonReport.render(demo));
    }

    @Test
    void theTreeOfTheDemoIsTheTreeAReaderOfItsJsonGets() {
        AuditReport demo = demoReport();

        Map<String, Object> fromText = JsonReport.parse(JsonReport.render(demo));
        // Map equality compares values with their types: an Integer 4 is not a Long 4
        assertThat(JsonReport.tree(demo)).isEqualTo(fromText);
        assertThat(((Map<?, ?>) JsonReport.tree(demo).get("stats")).get("durationMs")).isEqualTo(1234);
    }

    @Test
    void everyKindOfNumberAFindingsEvidenceHoldsComesBackAsTheTextReadsIt() throws IOException {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("smallLong", 7L);
        evidence.put("bigLong", 1L << 40);
        evidence.put("short", (short) 3);
        evidence.put("float", 0.1f);
        evidence.put("double", 2.5);
        evidence.put("wholeDecimal", new BigDecimal("100"));
        evidence.put("decimal", new BigDecimal("1.50"));
        evidence.put("hugeInteger", new BigInteger("123456789012345678901234567890"));
        evidence.put("notANumber", Double.NaN);
        evidence.put("text", "naïve → ünïcode ✅");
        var finding = new com.huntaze.audit.engine.Finding("rds.multi-az", Status.NOK, "us-east-1", "AWS::RDS::DBInstance",
                "db-1", null, "Not Multi-AZ", evidence, "Turn it on.", 12.345);
        AuditReport report = Reports.report(List.of(), finding);

        Map<String, Object> fromText = JsonReport.parse(JsonReport.render(report));
        assertThat(JsonReport.tree(report)).isEqualTo(fromText);
        assertThat(streamed(report)).isEqualTo(JsonReport.render(report));
    }
}
