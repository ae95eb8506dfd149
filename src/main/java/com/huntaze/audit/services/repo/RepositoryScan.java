package com.huntaze.audit.services.repo;

import java.util.List;
import java.util.Map;

/**
 * What reading one {@code --repo DIR} gave: the repository as the checks judge it, and what the report says of it.
 *
 * @param givenPath      DIR as given on the command line
 * @param repository     the files and history judged
 * @param infrastructure the infrastructure code found, by {@link InfrastructureKind#id()}, each list sorted by path;
 *                       only the kinds found
 * @param skipped        what was not judged as text
 * @param marks          the credential lines of its text files, by path and line
 * @param historyLimit   the most commits the history was read for ({@code --repo-history-commits})
 */
public record RepositoryScan(String givenPath, Repository repository, Map<String, List<String>> infrastructure,
                             Skipped skipped, List<SecretMark> marks, int historyLimit) {

    /** The infrastructure kind of {@code path}, or null when it is none. */
    public String kindOf(String path) {
        for (Map.Entry<String, List<String>> kind : infrastructure.entrySet()) {
            if (kind.getValue().contains(path)) {
                return kind.getKey();
            }
        }
        return null;
    }

    /**
     * @param tooLarge files over {@link RepoReader#MAX_FILE_BYTES}: not in {@code files}
     * @param binary   binary files (a NUL byte in the first 8 KB): in {@code files}, judged by name only
     * @param symlinks symbolic links that leave DIR or lead nowhere: not in {@code files}
     */
    public record Skipped(int tooLarge, int binary, int symlinks) {
    }
}
