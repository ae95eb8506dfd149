package com.huntaze.audit.gate;

import static com.huntaze.audit.testing.Reports.check;
import static com.huntaze.audit.testing.Reports.finding;
import static com.huntaze.audit.testing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.gate.GatePolicy.FailOn;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.JsonReport;
import com.huntaze.audit.report.ReportedFinding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which findings fail the run under each --fail-on and --min-severity. */
class GatePolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /**
     * One finding of each kind: a NOK of a low check, a TODO of a medium one, a NOK of a high one, an OK of a
     * critical one, and a NOK of a critical one that is an accepted risk.
     */
    private static final AuditReport REPORT = Suppressions.apply(List.of(new Suppression("d.critical",
                    NamePattern.of("root"), null, "break-glass key in the safe", "ciso", TODAY, "c.yml:2")),
            report(List.of(check("a.low", Domain.COST, Severity.LOW),
                            check("b.medium", Domain.SECURITY, Severity.MEDIUM),
                            check("c.high", Domain.RELIABILITY, Severity.HIGH),
                            check("d.critical", Domain.SECURITY, Severity.CRITICAL)),
                    finding("a.low", Status.NOK, "us-east-1", "bucket"),
                    finding("b.medium", Status.TODO, "us-east-1", "key"),
                    finding("c.high", Status.NOK, "eu-west-1", "db"),
                    finding("d.critical", Status.OK, "global", "admin"),
                    finding("d.critical", Status.NOK, "global", "root")), TODAY).report();

    private static List<String> failing(FailOn failOn, Severity minSeverity, boolean onlyNew, AuditReport report) {
        return new GatePolicy(failOn, minSeverity, onlyNew).decide(report).findings().stream()
                .filter(ReportedFinding::failsGate).map(f -> f.finding().checkId()).toList();
    }

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of(FailOn.nok, Severity.LOW, List.of("a.low", "c.high")),
                Arguments.of(FailOn.nok, Severity.MEDIUM, List.of("c.high")),
                Arguments.of(FailOn.nok, Severity.HIGH, List.of("c.high")),
                Arguments.of(FailOn.nok, Severity.CRITICAL, List.of()),
                Arguments.of(FailOn.todo, Severity.LOW, List.of("a.low", "b.medium", "c.high")),
                Arguments.of(FailOn.todo, Severity.MEDIUM, List.of("b.medium", "c.high")),
                Arguments.of(FailOn.todo, Severity.HIGH, List.of("c.high")),
                Arguments.of(FailOn.todo, Severity.CRITICAL, List.of()),
                Arguments.of(FailOn.never, Severity.LOW, List.of()),
                Arguments.of(FailOn.never, Severity.MEDIUM, List.of()),
                Arguments.of(FailOn.never, Severity.HIGH, List.of()),
                Arguments.of(FailOn.never, Severity.CRITICAL, List.of()));
    }

    @ParameterizedTest(name = "--fail-on {0} --min-severity {1}")
    @MethodSource("policies")
    void theFindingsAtOrAboveTheStatusAndSeverityFailTheRunButNeverAnAcceptedRisk(FailOn failOn, Severity min,
                                                                                 List<String> expected) {
        assertThat(failing(failOn, min, false, REPORT)).containsExactlyElementsOf(expected);
        assertThat(new GatePolicy(failOn, min, false).decide(REPORT).failsGate()).isEqualTo(!expected.isEmpty());
    }

    @Test
    void theDefaultFailsOnAnyNokOfAnySeverity() {
        assertThat(GatePolicy.defaults()).isEqualTo(new GatePolicy(FailOn.nok, Severity.LOW, false));
    }

    @Test
    void onlyNewFailsOnlyOnFindingsNewSinceTheBaseline() {
        List<ReportedFinding> marked = new ArrayList<>();
        for (ReportedFinding f : REPORT.findings()) {
            // The high NOK was there before; everything else is new.
            marked.add(f.withChange(f.finding().checkId().equals("c.high") ? ReportedFinding.UNCHANGED
                    : ReportedFinding.NEW));
        }
        AuditReport compared = REPORT.withBaseline(new AuditReport.BaselineInfo("2026-11-21T09:00:00Z"), marked,
                List.of());

        assertThat(failing(FailOn.nok, Severity.LOW, true, compared)).containsExactly("a.low");
        assertThat(failing(FailOn.nok, Severity.MEDIUM, true, compared)).isEmpty();
        assertThat(failing(FailOn.todo, Severity.LOW, true, compared)).containsExactly("a.low", "b.medium");
        assertThat(failing(FailOn.nok, Severity.LOW, false, compared)).containsExactly("a.low", "c.high");
    }

    private static Map<String, String> reasons(GatePolicy policy, AuditReport report) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (ReportedFinding f : policy.decide(report).findings()) {
            reasons.put(f.finding().checkId() + " " + f.finding().resourceId(),
                    f.failsGate() ? "FAILS" : String.valueOf(f.gateReason()));
        }
        return reasons;
    }

    @Test
    void aFindingThatDoesNotFailSaysWhy() {
        assertThat(reasons(new GatePolicy(FailOn.nok, Severity.MEDIUM, false), REPORT)).containsExactly(
                entry("a.low bucket", "Does not fail the run: its check's severity low is below --min-severity medium"),
                entry("b.medium key", "Does not fail the run: a TODO, and --fail-on nok fails only on NOK"),
                entry("c.high db", "FAILS"),
                entry("d.critical admin", "null"),
                entry("d.critical root", "Accepted risk until 2026-11-22 (accepted by ciso): break-glass key in the safe"));
        assertThat(reasons(new GatePolicy(FailOn.never, Severity.LOW, false), REPORT))
                .containsEntry("c.high db", "Does not fail the run: --fail-on never")
                .containsEntry("d.critical root", "Accepted risk until 2026-11-22 (accepted by ciso): break-glass key"
                        + " in the safe");
        assertThat(reasons(new GatePolicy(FailOn.nok, Severity.HIGH, false), REPORT)).containsEntry("b.medium key",
                "Does not fail the run: a TODO, and --fail-on nok fails only on NOK; its check's severity medium is"
                        + " below --min-severity high");
    }

    @Test
    void aNotNewFindingSaysSoUnderFailOnNew() {
        List<ReportedFinding> marked = new ArrayList<>();
        for (ReportedFinding f : REPORT.findings()) {
            marked.add(f.withChange(ReportedFinding.UNCHANGED));
        }
        AuditReport compared = REPORT.withBaseline(new AuditReport.BaselineInfo("2026-11-21T09:00:00Z"), marked,
                List.of());

        assertThat(reasons(new GatePolicy(FailOn.todo, Severity.LOW, true), compared))
                .containsEntry("c.high db", "Does not fail the run: not new since the baseline (--fail-on-new)");
    }

    /** An older report's tree (render) is decided by the same code, to the same fields in the same place. */
    @ParameterizedTest(name = "--fail-on {0} --min-severity {1}")
    @MethodSource("policies")
    void aReportTreeWithoutFailsGateIsDecidedExactlyLikeTheReport(FailOn failOn, Severity min, List<String> ignored) {
        GatePolicy policy = new GatePolicy(failOn, min, false);
        Map<String, Object> older = JsonReport.tree(REPORT);
        for (Object f : (List<?>) older.get("findings")) {
            ((Map<?, ?>) f).remove("failsGate");
        }
        assertThat(GatePolicy.isDecided(older)).isFalse();

        Map<String, Object> decided = policy.decide(older);

        assertThat(GatePolicy.isDecided(decided)).isTrue();
        assertThat(JsonReport.render(decided)).isEqualTo(JsonReport.render(policy.decide(REPORT)));
    }
}
