package com.huntaze.audit.services.repo;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One repository given with {@code --repo DIR}, as the audit reads it: the files judged (tracked at HEAD plus
 * untracked files that are not ignored, or every file under DIR without git metadata) and the paths its history held.
 *
 * @param name           DIR's folder name: the {@code location.repository} of its findings
 * @param root           DIR, absolute
 * @param headCommit     the HEAD commit's full id; null without git metadata
 * @param files          the files judged, sorted by path (text and binary; the skipped ones are not here)
 * @param historicPaths  every path found in the commits read, with the newest commit that held it (empty without git)
 * @param historyCommits how many commits of the history were read (bounded by {@code --repo-history-commits})
 */
public record Repository(String name, Path root, String headCommit, List<SourceFile> files,
                         List<HistoricPath> historicPaths, int historyCommits) {

    /**
     * One file judged.
     *
     * @param path   relative to the repository root, {@code /} separators
     * @param size   bytes
     * @param binary whether it is not text (a NUL byte in its first 8 KB): never read as text
     */
    public record SourceFile(String path, long size, boolean binary) {
    }

    /**
     * A path of an earlier commit.
     *
     * @param path       relative to the root, {@code /} separators
     * @param commit     the newest commit read that holds it (full id)
     * @param commitDate that commit's date, YYYY-MM-DD
     */
    public record HistoricPath(String path, String commit, String commitDate) {
    }

    /** The text of a judged text file, UTF-8 (empty for a binary file or one that cannot be read as UTF-8). */
    public Optional<String> text(SourceFile file) {
        if (file.binary()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(root.resolve(file.path()));
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
