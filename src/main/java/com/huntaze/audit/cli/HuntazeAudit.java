package com.huntaze.audit.cli;

import com.huntaze.audit.collection.AwsSession;
import com.huntaze.audit.engine.CatalogException;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.util.Background;
import com.huntaze.audit.util.Masking;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The top command. Exceptions become exit codes here, and only here ({@link #exitCodeOf}). Its subcommands are registered in
 * {@link #SUBCOMMANDS} rather than on the annotation, so that a run builds only the one it names (picocli reads
 * every option of every registered command by reflection: a third of {@code --version}'s start-up).
 */
@Command(name = "huntaze-audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Read-only AWS launch-readiness audit.",
        footer = {"", "Exit codes:", "  0  no finding fails the gate",
                "  1  a finding fails the gate (by default: a NOK that is not an accepted risk; see check --fail-on)",
                "  2  usage or configuration error",
                "  3  the audit could not run (no credentials, nothing reachable, not AWS)",
                "  4  internal error: a bug in huntaze-audit (run with --debug, report it)"})
public final class HuntazeAudit implements Runnable {

    /** Every subcommand, by name, in the order the usage help lists them. */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("check", CheckCommand::new);
        SUBCOMMANDS.put("list-checks", ListChecksCommand::new);
        SUBCOMMANDS.put("iam-policy", IamPolicyCommand::new);
        SUBCOMMANDS.put("render", RenderCommand::new);
        SUBCOMMANDS.put("explain", ExplainCommand::new);
        SUBCOMMANDS.put("completion", CompletionCommand::new);
        SUBCOMMANDS.put("merge", MergeCommand::new);
    }

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: show what there is.
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new UsageException("a command is required: " + String.join(", ", SUBCOMMANDS.keySet()));
    }

    /** Runs the CLI with the given streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, Terminal.NONE);
    }

    /** @param terminal what {@code out} is: check prints its terminal summary only to a terminal */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
        Map<String, Supplier<Object>> subcommands = subcommandsFor(args);
        preload(subcommands.keySet(), args);
        CommandLine cli = new CommandLine(new HuntazeAudit());
        // Built as commands of their own: only then does picocli apply a command's model transformer (check's
        // threshold aliases come from the checks' declarations, see ThresholdOptions).
        subcommands.forEach((name, command) -> cli.addSubcommand(name,
                new CommandLine(TerminalView.tell(command.get(), terminal))));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, ignored) -> {
            e.getCommandLine().getErr().println("huntaze-audit: " + e.getMessage() + Typos.hint(e) + " (see --help)");
            e.getCommandLine().getErr().flush();
            return ExitCode.USAGE;
        });
        cli.setExitCodeExceptionMapper(HuntazeAudit::exitCodeOf);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter stderr = commandLine.getErr();
            CommandLine.ParseResult parsed = commandLine.getParseResult();
            boolean debug = parsed != null && parsed.hasMatchedOption("--debug");
            int code = commandLine.getExitCodeExceptionMapper().getExitCode(e);
            String message;
            if (code == ExitCode.INTERNAL_ERROR) {
                boolean canDebug = commandLine.getCommandSpec().findOption("--debug") != null;
                message = "internal error (a bug in huntaze-audit): " + e + (debug ? "; report it with this output"
                        : canDebug ? "; run again with --debug and report it with the output"
                        : "; report it with the command line and this message");
            } else if (e instanceof CatalogException) {
                message = "check catalog: " + e.getMessage();
            } else if (e instanceof SdkException) {
                message = "cannot run: " + e.getMessage();
            } else {
                message = e.getMessage();
            }
            // One line, whatever the exception's message holds.
            stderr.println("huntaze-audit: " + Masking.maskText(String.valueOf(message).replaceAll("\\s*\\R\\s*", " ")));
            if (debug) {
                // Masked like everything else the tool prints: an AWS message can carry an access key id.
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                stderr.print(Masking.maskText(trace.toString()));
            }
            stderr.flush();
            return code;
        });
        return cli.execute(args);
    }

    /**
     * The one place an exception a command throws becomes an exit code; picocli asks it through
     * {@link CommandLine#getExitCodeExceptionMapper()}. Anything not listed is a bug: {@link ExitCode#INTERNAL_ERROR}.
     */
    static int exitCodeOf(Throwable e) {
        if (e instanceof UsageException || e instanceof CatalogException) {
            return ExitCode.USAGE;
        }
        // An SDK exception outside AwsCalls.call (say, a malformed ~/.aws/config read while building a client): the
        // environment stops the run, as with the failures CheckCommand classifies itself.
        if (e instanceof CannotRunException || e instanceof SdkException) {
            return ExitCode.CANNOT_RUN;
        }
        return ExitCode.INTERNAL_ERROR;
    }

    /**
     * The subcommands a run needs: the one its first word names; none for a bare version request; all of them
     * otherwise (top-level help, a missing or misspelt command: the usage lists them all).
     */
    /** The subcommands that read the check registry (the services' catalog and every check's metadata). */
    private static final Set<String> READ_THE_REGISTRY = Set.of("check", "list-checks", "explain");
    /** The options of check under which it calls no AWS. */
    private static final Set<String> NO_AWS_CALL = Set.of("--demo", "--no-aws", "--help", "-h");

    /**
     * Starts, on a second core while picocli builds the command line (a hundred milliseconds of reflection), what
     * the one subcommand named will need first: the check registry (the services' catalog and every check's
     * metadata, read once, see {@link CheckRegistry#load}) and, for a {@code check} that calls AWS, the JDK's TLS,
     * signing and XML reading ({@link AwsSession#readyJdk}). The command then finds them ready, or waits for them.
     * A failure is left for the command to meet again, and report, as it would without this.
     */
    private static void preload(Set<String> subcommands, String[] args) {
        if (subcommands.size() != 1) {
            return;
        }
        if (subcommands.contains("check") && Arrays.stream(args).noneMatch(NO_AWS_CALL::contains)) {
            Background.start("jdk-for-aws", () -> {
                AwsSession.readyJdk();
                return null;
            });
        }
        if (READ_THE_REGISTRY.containsAll(subcommands)) {
            Background.start("check-registry", CheckRegistry::load).exceptionally(failure -> null);
        }
    }

    static Map<String, Supplier<Object>> subcommandsFor(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                Supplier<Object> named = SUBCOMMANDS.get(arg);
                return named == null ? SUBCOMMANDS : Map.of(arg, named);
            }
        }
        boolean versionOnly = args.length > 0
                && Arrays.stream(args).allMatch(a -> a.equals("--version") || a.equals("-V"));
        return versionOnly ? Map.of() : SUBCOMMANDS;
    }
}
