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
 * A check of the repositories ({@code --repo}): it reads one of the repository datasets (what {@link RepoReader}
 * found: the scans, or the repositories to parse), is judged once in the region {@code repo}, and judges each
 * repository on its own.
 *
 * @param <T> what the check reads of one repository: a {@link RepositoryScan} or a {@link Repository}
 */
abstract class RepositoryCheck<T> implements Check {
    private final String id;
    private final Dataset<List<T>> dataset;

    RepositoryCheck(String id, Dataset<List<T>> dataset) {
        this.id = id;
        this.dataset = dataset;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<Dataset<?>> requires() {
        return Set.of(dataset);
    }

    @Override
    public final Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public final List<Finding> evaluate(CheckContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (T repository : ctx.get(dataset)) {
            findings.addAll(judge(ctx, repository));
        }
        return findings;
    }

    /** The findings about one repository, each placed with {@link RepoFindings}. */
    abstract List<Finding> judge(CheckContext ctx, T repository);
}
