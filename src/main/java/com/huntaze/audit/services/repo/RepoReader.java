package com.huntaze.audit.services.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import com.huntaze.audit.util.Background;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Reads a {@code --repo DIR} for the repository audit, read-only: nothing in DIR is written (JGit reads the index and
 * the object database, and never refreshes the index).
 *
 * <p>A git work tree (DIR/.git, a folder or a worktree's file): the files judged are those in the index (what HEAD
 * tracks, plus what is staged) that are in the work tree, plus the untracked files that are not ignored
 * (.gitignore, .git/info/exclude, core.excludesFile); the history, newest first and at most {@code historyCommits}
 * commits, gives the paths it held (paths only, never contents). Without git metadata: every file under DIR but
 * those under a folder named .git, node_modules, .terraform or vendor.
 *
 * <p>Every file judged is read once, in parallel, and that one read gives its binary flag (a NUL byte in the first
 * 8 KB), its infrastructure kind and its credential lines ({@link SecretMark}). Files over 5 MB and symbolic links
 * that leave DIR (or lead nowhere) are not judged, and counted.
 */
public final class RepoReader {

    /** Larger files are not judged: no infrastructure code or credential file is that large, generated data is. */
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    /** {@code --repo-history-commits}' default. */
    public static final int DEFAULT_HISTORY_COMMITS = 10_000;
    private static final int BINARY_PROBE_BYTES = 8 * 1024;
    private static final Set<String> NOT_WALKED_WITHOUT_GIT = Set.of(".git", "node_modules", ".terraform", "vendor");
    /** Reading is mostly waiting for the disk: more threads than cores, few enough for a shared CI machine. */
    private static final int READERS = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2));

    static {
        // The JDK's SHA-1 (an intrinsic) for the index checksum and object ids: JGit's own, with collision detection,
        // is several times slower, and a read-only audit of a local repository writes no object.
        if (System.getProperty("org.eclipse.jgit.util.sha1.implementation") == null) {
            System.setProperty("org.eclipse.jgit.util.sha1.implementation", "jdkNative");
        }
        // JGit would run `git config --system` to find the system config: no process is started by the audit, and
        // the system config does not change what is tracked or ignored in a way the audit should follow.
        SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
            @Override
            public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                return new FileBasedConfig(parent, null, fs) {
                    @Override
                    public void load() {
                    }

                    @Override
                    public boolean isOutdated() {
                        return false;
                    }
                };
            }
        });
    }

    private final int historyCommits;

    /** @param historyCommits how many commits of a git repository's history to read, newest first (at least 0) */
    public RepoReader(int historyCommits) {
        this.historyCommits = historyCommits;
    }

    /** A file met while listing, before it is read: its size known, its binary flag not yet. */
    private record Listed(String path, long size) {
    }

    /** @param dir an existing folder */
    public RepositoryScan read(String givenPath, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        Path realRoot = root.toRealPath();
        String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        Counts counts = new Counts();
        List<Listed> listed = new ArrayList<>();
        String head = null;
        CompletableFuture<History> history = CompletableFuture.completedFuture(NO_HISTORY);
        org.eclipse.jgit.lib.Repository git = null;
        List<ReadFile> read;
        History done;
        try {
            if (Files.exists(root.resolve(Constants.DOT_GIT), LinkOption.NOFOLLOW_LINKS)) {
                git = new FileRepositoryBuilder().setWorkTree(root.toFile()).setMustExist(true).build();
                ObjectId headId = git.resolve(Constants.HEAD);
                if (headId != null) {
                    // The history (the object database) is read while the work tree is.
                    org.eclipse.jgit.lib.Repository opened = git;
                    history = Background.start("repo-history", () -> history(opened, headId));
                    head = headId.name();
                }
                listTracked(git, root, realRoot, listed, counts);
            } else {
                listAll(root, realRoot, listed, counts);
            }
            listed.sort(Comparator.comparing(Listed::path));
            read = readAll(name, root, listed);
            done = Background.join(history);
        } finally {
            if (git != null) {
                git.close();
            }
        }
        List<Repository.SourceFile> files = new ArrayList<>();
        Map<String, List<String>> infrastructure = new TreeMap<>(Comparator.comparing(RepoReader::kindOrder));
        List<SecretMark> marks = new ArrayList<>();
        int binary = 0;
        for (ReadFile file : read) {
            files.add(file.file());
            binary += file.file().binary() ? 1 : 0;
            if (file.kind() != null) {
                infrastructure.computeIfAbsent(file.kind().id(), k -> new ArrayList<>()).add(file.file().path());
            }
            marks.addAll(file.marks());
        }
        Map<String, List<String>> found = new LinkedHashMap<>();
        infrastructure.forEach((kind, paths) -> found.put(kind, List.copyOf(paths)));
        Repository repository = new Repository(name, root, head, List.copyOf(files), done.paths(), done.commits());
        return new RepositoryScan(givenPath, repository, found,
                new RepositoryScan.Skipped(counts.tooLarge, binary, counts.symlinks), List.copyOf(marks), historyCommits);
    }

    private static int kindOrder(String id) {
        for (InfrastructureKind kind : InfrastructureKind.values()) {
            if (kind.id().equals(id)) {
                return kind.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static final class Counts {
        int tooLarge;
        int symlinks;
    }

    /** The index and the work tree side by side: tracked files present, and untracked ones not ignored. */
    private static void listTracked(org.eclipse.jgit.lib.Repository git, Path root, Path realRoot, List<Listed> listed,
                                    Counts counts) throws IOException {
        try (TreeWalk walk = new TreeWalk(git)) {
            int index = walk.addTree(new DirCacheIterator(git.readDirCache()));
            int workTree = walk.addTree(new FileTreeIterator(git));
            walk.setRecursive(false);
            while (walk.next()) {
                WorkingTreeIterator file = walk.getTree(workTree, WorkingTreeIterator.class);
                if (file == null) {
                    continue; // tracked, but deleted from the work tree: nothing to read
                }
                boolean tracked = walk.getTree(index, DirCacheIterator.class) != null;
                if (!tracked && file.isEntryIgnored()) {
                    continue;
                }
                FileMode mode = walk.getFileMode(workTree);
                if (walk.isSubtree()) {
                    walk.enterSubtree();
                } else if (mode == FileMode.SYMLINK) {
                    symlink(walk.getPathString(), root, realRoot, listed, counts);
                } else if (mode != FileMode.GITLINK) {
                    add(new Listed(walk.getPathString(), file.getEntryLength()), listed, counts);
                }
            }
        }
    }

    private static void listAll(Path root, Path realRoot, List<Listed> listed, Counts counts) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && NOT_WALKED_WITHOUT_GIT.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = relative(root, file);
                if (attrs.isSymbolicLink()) {
                    symlink(path, root, realRoot, listed, counts);
                } else if (attrs.isRegularFile()) {
                    add(new Listed(path, attrs.size()), listed, counts);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable: nothing to judge
            }
        });
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static void add(Listed file, List<Listed> listed, Counts counts) {
        if (file.size() > MAX_FILE_BYTES) {
            counts.tooLarge++;
        } else {
            listed.add(file);
        }
    }

    /** A link to a file inside DIR is judged under its own path; one that leaves DIR or leads nowhere is counted. */
    private static void symlink(String path, Path root, Path realRoot, List<Listed> listed, Counts counts) {
        try {
            Path target = root.resolve(path).toRealPath();
            if (target.startsWith(realRoot) && Files.isRegularFile(target)) {
                add(new Listed(path, Files.size(target)), listed, counts);
                return;
            }
        } catch (IOException e) {
            // a dangling link
        }
        counts.symlinks++;
    }

    /** One file read: what the repository, the discovery and the credential checks keep of it. */
    private record ReadFile(Repository.SourceFile file, InfrastructureKind kind, List<SecretMark> marks) {
    }

    private static List<ReadFile> readAll(String repository, Path root, List<Listed> listed) {
        ExecutorService readers = Executors.newFixedThreadPool(READERS, r -> {
            Thread thread = new Thread(r, "repo-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // In slices, not one task per file: 20,000 tiny tasks cost more to schedule than to run.
            int slices = READERS * 4;
            int per = Math.max(1, (listed.size() + slices - 1) / slices);
            List<Future<List<ReadFile>>> parts = new ArrayList<>();
            for (int from = 0; from < listed.size(); from += per) {
                List<Listed> slice = listed.subList(from, Math.min(listed.size(), from + per));
                parts.add(readers.submit(() -> slice.stream().map(f -> read(repository, root, f)).toList()));
            }
            List<ReadFile> all = new ArrayList<>(listed.size());
            for (Future<List<ReadFile>> part : parts) {
                all.addAll(part.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + root, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io : new IllegalStateException(e.getCause());
        } finally {
            readers.shutdownNow();
        }
    }

    private static ReadFile read(String repository, Path root, Listed listed) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(root.resolve(listed.path()));
        } catch (IOException e) {
            // unreadable (permissions, removed meanwhile): judged by its name only, as a binary file is
            return new ReadFile(new Repository.SourceFile(listed.path(), listed.size(), true), null, List.of());
        }
        int probe = Math.min(bytes.length, BINARY_PROBE_BYTES);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                return new ReadFile(new Repository.SourceFile(listed.path(), bytes.length, true), null, List.of());
            }
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        InfrastructureKind kind = InfrastructureKind.mayBe(listed.path()) ? InfrastructureKind.of(listed.path(), text)
                : null;
        return new ReadFile(new Repository.SourceFile(listed.path(), bytes.length, false), kind,
                SecretScanner.scan(repository, listed.path(), text));
    }

    /** The paths of the history, and how many commits were read. */
    private record History(List<Repository.HistoricPath> paths, int commits) {
    }

    private static final History NO_HISTORY = new History(List.of(), 0);

    /**
     * Newest first: HEAD's tree whole, then each commit's difference with its first parent, so that an unchanged
     * folder is never walked twice. A path gets the newest commit read that holds it: HEAD for what HEAD has; for a
     * path deleted by commit C, C's parent.
     */
    private History history(org.eclipse.jgit.lib.Repository git, ObjectId headId) {
        try {
            return historyOf(git, headId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private History historyOf(org.eclipse.jgit.lib.Repository git, ObjectId headId) throws IOException {
        Map<String, Repository.HistoricPath> paths = new LinkedHashMap<>();
        int commits = 0;
        try (RevWalk walk = new RevWalk(git); ObjectReader reader = git.newObjectReader()) {
            RevCommit head = walk.parseCommit(headId);
            try (TreeWalk tree = new TreeWalk(reader)) {
                tree.addTree(head.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    paths.putIfAbsent(tree.getPathString(), historic(tree.getPathString(), head));
                }
            }
            walk.markStart(head);
            for (RevCommit commit : walk) {
                if (commits >= historyCommits) {
                    break;
                }
                commits++;
                RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
                try (TreeWalk diff = new TreeWalk(reader)) {
                    diff.addTree(commit.getTree());
                    if (parent == null) {
                        diff.addTree(new EmptyTreeIterator());
                    } else {
                        diff.addTree(parent.getTree());
                    }
                    diff.setRecursive(true);
                    diff.setFilter(TreeFilter.ANY_DIFF);
                    while (diff.next()) {
                        String path = diff.getPathString();
                        if (diff.getFileMode(0) != FileMode.MISSING) {
                            paths.putIfAbsent(path, historic(path, commit));
                        } else if (parent != null && diff.getFileMode(1) != FileMode.MISSING) {
                            paths.putIfAbsent(path, historic(path, parent));
                        }
                    }
                }
            }
        }
        List<Repository.HistoricPath> sorted = new ArrayList<>(paths.values());
        sorted.sort(Comparator.comparing(Repository.HistoricPath::path));
        return new History(List.copyOf(sorted), commits);
    }

    private static Repository.HistoricPath historic(String path, RevCommit commit) {
        return new Repository.HistoricPath(path, commit.name(),
                Instant.ofEpochSecond(commit.getCommitTime()).atZone(ZoneOffset.UTC).toLocalDate().toString());
    }
}
