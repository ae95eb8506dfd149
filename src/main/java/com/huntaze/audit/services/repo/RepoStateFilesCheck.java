package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * repo.state-files: a Terraform state ({@code *.tfstate}, {@code *.tfstate.backup}, {@code terraform.tfstate.d/**})
 * judged in a repository is NOK, one finding per file; a repository without one gets one OK.
 */
public final class RepoStateFilesCheck extends RepositoryCheck<RepositoryScan> {

    public RepoStateFilesCheck() {
        super("repo.state-files", RepoDatasets.SCANS);
    }

    @Override
    List<Finding> judge(CheckContext ctx, RepositoryScan scan) {
        List<Finding> findings = new ArrayList<>();
        Repository repository = scan.repository();
        for (Repository.SourceFile file : repository.files()) {
            if (RepoPaths.isTerraformState(file.path())) {
                findings.add(RepoFindings.at(ctx.nok(file.path(), null, "Terraform state " + file.path()
                        + " is in the repository: state holds resource attributes, often passwords, in clear:"
                        + " move it to a remote backend, delete it from the repository and its history, rotate"
                        + " what it held.", Evidence.of("Repository", repository.name(), "SizeBytes",
                        file.size())), repository, file.path(), null));
            }
        }
        if (findings.isEmpty()) {
            findings.add(RepoFindings.clean(ctx, repository, "No Terraform state file in " + repository.name()
                    + ".", RepoFindings.filesRead(repository)));
        }
        return findings;
    }
}
