package com.huntaze.audit.services.repo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the repository audit: read from the files of {@code --repo DIR}, never from AWS. */
public final class RepoDatasets {
    private RepoDatasets() {
    }

    /** The service of the repository datasets: read from files by {@link RepoReader}, with no AWS call. */
    public static final String SERVICE = "repo";

    /** The region of repository findings: they are in no AWS region. */
    public static final String REGION = "repo";

    /** Every repository of the run ({@code --repo}, repeatable), in the order given. */
    public static final Dataset<List<Repository>> REPOSITORIES =
            new Dataset<>("repo.repositories", Scope.GLOBAL, SERVICE, new TypeReference<>() { });

    /**
     * Every repository of the run as {@link RepoReader} read it: with the infrastructure code found and the credential
     * lines of its text files, so that no check reads a file the reader has read already.
     */
    public static final Dataset<List<RepositoryScan>> SCANS =
            new Dataset<>("repo.scans", Scope.GLOBAL, SERVICE, new TypeReference<>() { });

    /** Whether {@code dataset} is read from the repositories ({@code --repo}), not collected from AWS. */
    public static boolean fromRepositories(Dataset<?> dataset) {
        return SERVICE.equals(dataset.service());
    }
}
