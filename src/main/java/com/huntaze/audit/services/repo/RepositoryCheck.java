package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A check of the files of the repositories ({@code --repo}): it reads what {@link RepoReader} found, is judged once
 * in the region {@code repo}, and judges each repository on its own.
 */
abstract class RepositoryCheck implements Check {
    private final String id;

    RepositoryCheck(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<Dataset<?>> requires() {
        return Set.of(RepoDatasets.SCANS);
    }

    @Override
    public final Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public final List<Finding> evaluate(CheckContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (RepositoryScan scan : ctx.get(RepoDatasets.SCANS)) {
            findings.addAll(judge(ctx, scan));
        }
        return findings;
    }

    /** The findings about one repository, each placed with {@link RepoFindings}. */
    abstract List<Finding> judge(CheckContext ctx, RepositoryScan scan);
}
