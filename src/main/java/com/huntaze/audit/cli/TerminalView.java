package com.huntaze.audit.cli;

import com.huntaze.audit.report.TerminalSummary;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The choice between the terminal summary and the report on standard output: a person at a terminal who asked for
 * nothing in particular ({@code check} without {@code --format}, {@code --output} or {@code --output-dir}) gets the
 * compact, coloured summary; a pipe, a file, or any explicit choice gets the report as asked (Markdown by default).
 */
final class TerminalView {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private TerminalView() {
    }

    /** Hands the launcher's terminal to the command that can use it. */
    static Object tell(Object command, Terminal terminal) {
        if (command instanceof CheckCommand check) {
            check.terminal = terminal;
        }
        return command;
    }

    static ReportOutput choose(ReportOutput planned, CommandSpec check, Terminal terminal, boolean noColor) {
        var parsed = check.commandLine().getParseResult();
        boolean asked = parsed.hasMatchedOption("--format") || parsed.hasMatchedOption("--output")
                || parsed.hasMatchedOption("--output-dir");
        if (!terminal.stdoutIsTerminal() || asked) {
            return planned;
        }
        return planned.toTerminal(new TerminalSummary(terminal.width(), terminal.colourAllowed() && !noColor,
                fullReportCommand(parsed.originalArgs())));
    }

    /** This run's command line, shell-quoted, writing the Markdown report to a file. */
    static String fullReportCommand(List<String> args) {
        StringBuilder command = new StringBuilder("huntaze-audit");
        int start = args.indexOf("check");
        for (String arg : args.subList(start < 0 ? 0 : start, args.size())) {
            command.append(' ').append(SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        if (start < 0) {
            command.insert("huntaze-audit".length(), " check");
        }
        return command.append(" --format md --output report.md").toString();
    }
}
