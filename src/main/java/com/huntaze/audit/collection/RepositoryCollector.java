package com.huntaze.audit.collection;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.report.RepositorySummary;
import com.huntaze.audit.services.repo.RepoDatasets;
import com.huntaze.audit.services.repo.RepoReader;
import com.huntaze.audit.services.repo.RepositoryScan;
import com.huntaze.audit.util.Background;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The collection step of the repository audit ({@code check --repo DIR}): the folders are read by {@link RepoReader}
 * (no AWS call, no IAM action) on a second core while the rest of the run starts, and fill the repository datasets of
 * the inventory; the report describes what was read.
 */
public final class RepositoryCollector {

    /** {@code --repo-history-commits}' default. */
    public static final int DEFAULT_HISTORY_COMMITS = RepoReader.DEFAULT_HISTORY_COMMITS;

    private final CompletableFuture<List<RepositoryScan>> scans;

    private RepositoryCollector(CompletableFuture<List<RepositoryScan>> scans) {
        this.scans = scans;
    }

    /** Starts reading {@code dirs} (existing folders, as given), each history bounded by {@code historyCommits}. */
    public static RepositoryCollector start(List<Path> dirs, int historyCommits) {
        if (dirs.isEmpty()) {
            return new RepositoryCollector(CompletableFuture.completedFuture(List.of()));
        }
        return new RepositoryCollector(Background.start("repositories", () -> {
            RepoReader reader = new RepoReader(historyCommits);
            List<RepositoryScan> read = new ArrayList<>();
            for (Path dir : dirs) {
                try {
                    read.add(reader.read(dir.toString(), dir));
                } catch (IOException | RuntimeException e) {
                    throw new UnreadableRepositoryException("cannot read --repo " + dir + ": " + e.getMessage(), e);
                }
            }
            return List.copyOf(read);
        }));
    }

    /** A folder of {@code --repo} that could not be read. */
    public static final class UnreadableRepositoryException extends RuntimeException {
        UnreadableRepositoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@code inventory} with the repositories' datasets, once read (nothing when no folder was given). */
    public Inventory addTo(Inventory inventory) {
        List<RepositoryScan> read = Background.join(scans);
        if (!read.isEmpty()) {
            inventory.global().put(RepoDatasets.SCANS, read);
            inventory.global().put(RepoDatasets.REPOSITORIES, read.stream().map(RepositoryScan::repository).toList());
        }
        return inventory;
    }

    /** The report's {@code repositories}: null when no folder was given. */
    public List<RepositorySummary> summaries() {
        List<RepositoryScan> read = Background.join(scans);
        if (read.isEmpty()) {
            return null;
        }
        return read.stream().map(scan -> new RepositorySummary(scan.repository().name(), scan.givenPath(),
                scan.repository().headCommit(), scan.infrastructure(), new RepositorySummary.Skipped(
                scan.skipped().tooLarge(), scan.skipped().binary(), scan.skipped().symlinks()))).toList();
    }

    /** The service id of the repository checks ({@code repo}, as in {@code repo.*}). */
    public static String service() {
        return RepoDatasets.SERVICE;
    }

    /** Whether {@code check} reads the repositories. */
    public static boolean readsRepositories(Check check) {
        return check.requires().stream().anyMatch(RepoDatasets::fromRepositories);
    }

    /** Whether {@code check} needs data from AWS: a dataset it requires, not tolerates, that is not the repositories'. */
    public static boolean needsAws(Check check) {
        return check.requires().stream()
                .anyMatch(d -> !RepoDatasets.fromRepositories(d) && !check.tolerates().contains(d));
    }

    /** The datasets of {@code needed} collected from AWS: all but the repositories'. */
    public static Set<Dataset<?>> fromAws(Set<Dataset<?>> needed) {
        return needed.stream().filter(d -> !RepoDatasets.fromRepositories(d))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
