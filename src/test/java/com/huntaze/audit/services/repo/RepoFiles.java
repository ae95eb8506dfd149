package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A repository written by a test: files with their text, read as the repository audit reads them (no git). */
public final class RepoFiles {
    private final Path root;
    private final List<Repository.SourceFile> files = new ArrayList<>();

    private RepoFiles(Path root) {
        this.root = root;
    }

    /** A repository in {@code folder}/app (its name {@code app}). */
    public static RepoFiles in(Path folder) {
        return new RepoFiles(folder.resolve("app"));
    }

    public RepoFiles file(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Files.write(file, bytes);
            files.add(new Repository.SourceFile(path, bytes.length, false));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Repository repository() {
        List<Repository.SourceFile> sorted = files.stream()
                .sorted(java.util.Comparator.comparing(Repository.SourceFile::path)).toList();
        return new Repository("app", root, null, sorted, List.of(), 0);
    }

    /** The check's findings on this repository, through the real engine. */
    public List<Finding> findings(Check check) {
        return CheckHarness.of(check).with(RepoDatasets.REPOSITORIES, List.of(repository())).findings();
    }

    /** The findings of one status, as "path:line" strings: the shape a spec reads best. */
    public static List<String> where(List<Finding> findings, Status status) {
        return findings.stream().filter(f -> f.status() == status)
                .map(f -> f.location().path() + ":" + f.location().line()).toList();
    }
}
