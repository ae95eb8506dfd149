package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which output a run gives: the terminal summary to a person who asked for nothing else, the report otherwise. */
class TerminalViewTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run check(Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "check";
        all[1] = "--demo";
        System.arraycopy(args, 0, all, 2, args.length);
        int code = HuntazeAudit.execute(all, new PrintWriter(out), new PrintWriter(err), terminal);
        return new Run(code, out.toString(), err.toString());
    }

    private static final Terminal AT_A_TERMINAL = Terminal.of(true, 100, true);

    @Test
    void aTerminalGetsTheColouredSummary() {
        Run run = check(AT_A_TERMINAL);

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOK); // the gate does not depend on the view
        assertThat(run.out()).startsWith("\033[1;31mNot ready: ").contains("\033[31mNOK \033[0m")
                .doesNotContain("# Launch-readiness audit")
                .endsWith("full report: huntaze-audit check --demo --format md --output report.md\n");
        assertThat(run.out().replaceAll("\033\\[[0-9;]*m", "").lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void aPipeGetsTheMarkdownAsBefore() {
        assertThat(check(Terminal.NONE).out()).startsWith("# Launch-readiness audit");
    }

    @Test
    void anExplicitFormatOrOutputGetsTheReportEvenAtATerminal() {
        assertThat(check(AT_A_TERMINAL, "--format", "md").out()).startsWith("# Launch-readiness audit");
        assertThat(check(AT_A_TERMINAL, "--output", "-").out()).startsWith("# Launch-readiness audit");
    }

    @Test
    void noColorAndNoColourOptionTurnColourOff() {
        Terminal noColor = Terminal.detect(Map.of("NO_COLOR", "1", "COLUMNS", "80"));
        assertThat(noColor.colourAllowed()).isFalse();
        assertThat(noColor.width()).isEqualTo(80);
        assertThat(Terminal.detect(Map.of("NO_COLOR", "")).colourAllowed()).as("an empty NO_COLOR").isTrue();

        String plain = check(Terminal.of(true, 80, false)).out();
        assertThat(plain).startsWith("Not ready: ").doesNotContain("\033");
        assertThat(check(AT_A_TERMINAL, "--no-color").out()).startsWith("Not ready: ").doesNotContain("\033");
    }

    @Test
    void theFullReportCommandRepeatsTheRunShellQuoted() {
        assertThat(TerminalView.fullReportCommand(List.of("check", "--region", "us-east-1", "--suppress",
                "rds.*", "--reason", "it's fine")))
                .isEqualTo("huntaze-audit check --region us-east-1 --suppress 'rds.*' --reason 'it'\\''s fine' "
                        + "--format md --output report.md");
    }
}
