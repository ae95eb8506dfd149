package com.huntaze.audit.services.repo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the repository audit: read from the files of {@code --repo DIR}, never from AWS. */
public final class RepoDatasets {
    private RepoDatasets() {
    }

    /** Every repository of the run ({@code --repo}, repeatable), in the order given. */
    public static final Dataset<List<Repository>> REPOSITORIES =
            new Dataset<>("repo.repositories", Scope.GLOBAL, "repo", new TypeReference<>() { });
}
