package com.huntaze.audit.cli;

import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.RegisteredCheck;
import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.util.Suggestions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code huntaze-audit explain CHECK-ID}: what a check verifies and why, how to fix and verify a finding, what tunes it,
 * the IAM actions and datasets it needs.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Explain one check: what it verifies, why it matters, how to fix a finding, its thresholds, the"
                + " IAM actions and datasets it needs.",
        footer = {"", "Exit codes:", "  0  explained", "  2  unknown check id (the nearest ids are suggested)"})
public final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHECK-ID", completionCandidates = CheckIds.class,
            description = "A check id, e.g. rds.multi-az (huntaze-audit list-checks lists them).")
    String checkId;

    @Override
    public Integer call() {
        CheckRegistry registry = CheckRegistry.load();
        RegisteredCheck check = registry.checks().stream().filter(c -> c.id().equals(checkId.strip())).findFirst()
                .orElseThrow(() -> new UsageException("explain: unknown check '" + checkId + "'"
                        + Suggestions.didYouMean(Suggestions.nearest(checkId,
                        registry.checks().stream().map(RegisteredCheck::id).toList()))
                        + " (see huntaze-audit list-checks)"));
        PrintWriter out = spec.commandLine().getOut();
        CheckDescription.print(CheckDescription.of(check, ServiceCatalog.current()), out);
        out.flush();
        return ExitCode.OK;
    }
}
