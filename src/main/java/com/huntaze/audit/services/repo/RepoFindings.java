package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import java.util.Map;

/** How the repository checks place their findings: a file (and line) of a repository, or the repository itself. */
final class RepoFindings {
    private RepoFindings() {
    }

    /** The resourceId of a finding about a whole repository: its root, relative to itself. */
    static final String ROOT = ".";

    /** {@code finding}, at {@code path} (and {@code line}, null for the whole file) of {@code repository}. */
    static Finding at(Finding finding, Repository repository, String path, Integer line) {
        return finding.withLocation(new Finding.Location(repository.name(), path, line));
    }

    /** The one OK finding of a check that found nothing wrong in {@code repository}. */
    static Finding clean(CheckContext ctx, Repository repository, String message, Map<String, Object> evidence) {
        return at(ctx.ok(ROOT, null, message, evidence), repository, ROOT, null);
    }

    /** The evidence every finding of a repository check starts with. */
    static Map<String, Object> filesRead(Repository repository) {
        return Evidence.of("Repository", repository.name(), "FilesRead", repository.files().size());
    }
}
