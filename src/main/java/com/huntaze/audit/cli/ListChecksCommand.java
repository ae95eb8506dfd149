package com.huntaze.audit.cli;

import com.huntaze.audit.engine.CheckMetadata;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.RegisteredCheck;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code huntaze-audit list-checks}: the catalog, one check a line. */
@Command(name = "list-checks", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List every registered check: id, domain, severity and title.")
public final class ListChecksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var checks = CheckRegistry.load().checks();
        int idWidth = checks.stream().mapToInt(c -> c.id().length()).max().orElse(2);
        String format = "%-" + idWidth + "s  %-13s  %-8s  %s%n";
        out.printf(format, "ID", "DOMAIN", "SEVERITY", "TITLE");
        for (RegisteredCheck check : checks) {
            CheckMetadata m = check.metadata();
            out.printf(format, m.id(), m.domain().id(), m.severity().id(), m.title());
        }
        out.flush();
        return ExitCode.OK;
    }
}
