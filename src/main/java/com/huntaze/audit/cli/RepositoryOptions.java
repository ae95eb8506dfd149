package com.huntaze.audit.cli;

import com.huntaze.audit.collection.RepositoryCollector;
import com.huntaze.audit.engine.CheckSelection;
import com.huntaze.audit.engine.RegisteredCheck;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.RepositorySummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The repository audit's options of {@code check} (see README "Repository audit"): which repositories to read, and
 * whether to read AWS at all. The repository checks (service {@code repo}) run only with {@code --repo}; with
 * {@code --no-aws}, only the checks that need no AWS call run (the repository checks and the by-hand ones), with no
 * credentials, no region and no STS call, and the report's {@code account} is null.
 */
public final class RepositoryOptions {

    @Option(names = "--repo", paramLabel = "DIR",
            description = "Also audit the repository in DIR (its infrastructure code and the secrets next to it); "
                    + "repeatable. A git work tree is read as git sees it (tracked and untracked-not-ignored files, "
                    + "and the history's paths).")
    List<Path> repos = new ArrayList<>();

    @Option(names = "--no-aws",
            description = "Read no AWS account: run only the checks that need no AWS call (repo.* with --repo, and "
                    + "manual.*). No credentials or region needed.")
    boolean noAws;

    @Option(names = "--repo-history-commits", paramLabel = "N",
            defaultValue = "" + RepositoryCollector.DEFAULT_HISTORY_COMMITS,
            description = "Read at most N commits of each repository's history, newest first, for "
                    + "repo.history-secrets (default: ${DEFAULT-VALUE}).")
    int historyCommits;

    /** Whether the run reads no AWS account. */
    boolean noAws() {
        return noAws;
    }

    /**
     * Refuses what contradicts {@code --no-aws} and a {@code --repo} that is not a folder, before anything is read.
     *
     * @param awsOptions the AWS options given, by name (--region, --profile, ...)
     */
    void validate(boolean demo, List<String> awsOptions) {
        if (noAws && demo) {
            throw new UsageException("--no-aws and --demo contradict each other: --demo reads the embedded account");
        }
        if (noAws && !awsOptions.isEmpty()) {
            throw new UsageException("--no-aws reads no AWS account: it cannot be combined with "
                    + String.join(", ", awsOptions));
        }
        if (historyCommits < 0) {
            throw new UsageException("--repo-history-commits must be 0 or more, not " + historyCommits);
        }
        for (Path dir : repos) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException("--repo " + dir + ": " + (Files.exists(dir) ? "not a directory"
                        : "no such directory"));
            }
        }
    }

    /** Starts reading the repositories on a second core, while the catalog and the config load. */
    RepositoryCollector startReading() {
        return RepositoryCollector.start(repos, historyCommits);
    }

    /**
     * The selected checks this run can judge: without {@code --repo} no repository check (an explicit
     * {@code --checks repo.*} is an error), with {@code --no-aws} only those that need no AWS data (all their
     * required datasets are the repositories', or tolerated).
     */
    List<RegisteredCheck> select(List<RegisteredCheck> selected, List<String> onlyChecks) {
        String prefix = RepositoryCollector.service() + ".";
        List<RegisteredCheck> runnable = new ArrayList<>();
        for (RegisteredCheck registered : selected) {
            if (RepositoryCollector.readsRepositories(registered.check()) && repos.isEmpty()) {
                if (onlyChecks.stream().anyMatch(glob -> glob.startsWith(prefix)
                        && CheckSelection.glob(glob).matcher(registered.id()).matches())) {
                    throw new UsageException(prefix + "* checks need --repo DIR");
                }
                continue;
            }
            if (!(noAws && RepositoryCollector.needsAws(registered.check()))) {
                runnable.add(registered);
            }
        }
        return runnable;
    }

    /** The inventory with the repositories read; a folder that cannot be read stops the run (exit 3). */
    static Inventory withRepositories(Inventory inventory, RepositoryCollector read) {
        try {
            return read.addTo(inventory);
        } catch (RepositoryCollector.UnreadableRepositoryException e) {
            throw new CannotRunException(e.getMessage(), e);
        }
    }

    /** The report, with its {@code repositories} when the run read any. */
    static AuditReport describe(AuditReport report, RepositoryCollector read) {
        List<RepositorySummary> summaries = read.summaries();
        return summaries == null ? report : report.withRepositories(summaries);
    }
}
