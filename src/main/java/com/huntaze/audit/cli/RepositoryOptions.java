package com.huntaze.audit.cli;

import com.huntaze.audit.engine.CheckSelection;
import com.huntaze.audit.engine.RegisteredCheck;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.RepositorySummary;
import com.huntaze.audit.services.repo.RepoDatasets;
import com.huntaze.audit.services.repo.RepoReader;
import com.huntaze.audit.services.repo.RepositoryScan;
import com.huntaze.audit.util.Background;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
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

    @Option(names = "--repo-history-commits", paramLabel = "N", defaultValue = "" + RepoReader.DEFAULT_HISTORY_COMMITS,
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

    /** Reads the repositories on a second core, while the catalog and the config load. */
    CompletableFuture<List<RepositoryScan>> startReading() {
        if (repos.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return Background.start("repositories", () -> {
            RepoReader reader = new RepoReader(historyCommits);
            List<RepositoryScan> scans = new ArrayList<>();
            for (Path dir : repos) {
                try {
                    scans.add(reader.read(dir.toString(), dir));
                } catch (IOException | RuntimeException e) {
                    throw new CannotRunException("cannot read --repo " + dir + ": " + e.getMessage(), e);
                }
            }
            return List.copyOf(scans);
        });
    }

    /**
     * The selected checks this run can judge: without {@code --repo} no repository check (an explicit
     * {@code --checks repo.*} is an error), with {@code --no-aws} only those that need no AWS data (all their
     * required datasets are the repositories', or tolerated).
     */
    List<RegisteredCheck> select(List<RegisteredCheck> selected, List<String> onlyChecks) {
        List<RegisteredCheck> runnable = new ArrayList<>();
        for (RegisteredCheck registered : selected) {
            boolean readsRepositories = registered.check().requires().stream()
                    .anyMatch(RepoDatasets::fromRepositories);
            if (readsRepositories && repos.isEmpty()) {
                if (onlyChecks.stream().anyMatch(glob -> CheckSelection.glob(glob).matcher(registered.id()).matches()
                        && glob.startsWith(RepoDatasets.SERVICE + "."))) {
                    throw new UsageException(RepoDatasets.SERVICE + ".* checks need --repo DIR");
                }
                continue;
            }
            boolean needsAws = registered.check().requires().stream()
                    .anyMatch(d -> !RepoDatasets.fromRepositories(d) && !registered.check().tolerates().contains(d));
            if (!(noAws && needsAws)) {
                runnable.add(registered);
            }
        }
        return runnable;
    }

    /** The datasets of {@code needed} collected from AWS: all but the repositories'. */
    static Set<Dataset<?>> fromAws(Set<Dataset<?>> needed) {
        return needed.stream().filter(d -> !RepoDatasets.fromRepositories(d))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** An inventory with the repositories' datasets, when the run reads repositories. */
    static Inventory withRepositories(Inventory inventory, List<RepositoryScan> scans) {
        if (!scans.isEmpty()) {
            inventory.global().put(RepoDatasets.SCANS, scans);
            inventory.global().put(RepoDatasets.REPOSITORIES, scans.stream().map(RepositoryScan::repository).toList());
        }
        return inventory;
    }

    /** The report, with its {@code repositories} when the run read any. */
    static AuditReport describe(AuditReport report, List<RepositoryScan> scans) {
        if (scans.isEmpty()) {
            return report;
        }
        return report.withRepositories(scans.stream().map(scan -> new RepositorySummary(scan.repository().name(),
                scan.givenPath(), scan.repository().headCommit(), scan.infrastructure(),
                new RepositorySummary.Skipped(scan.skipped().tooLarge(), scan.skipped().binary(),
                        scan.skipped().symlinks()))).toList());
    }
}
