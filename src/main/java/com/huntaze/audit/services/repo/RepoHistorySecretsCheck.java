package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * repo.history-secrets: a path of the history that repo.state-files or repo.secret-files would flag by its name, gone
 * at HEAD, is NOK ("removed at HEAD but every clone still has it"), naming the newest commit read that held it. Paths
 * only: the history's contents are not read, so a private key in a file of another name is not found there. Bounded
 * by {@code --repo-history-commits}, which the evidence states. A repository without git metadata has no history:
 * no finding.
 */
public final class RepoHistorySecretsCheck extends RepositoryCheck<RepositoryScan> {

    public RepoHistorySecretsCheck() {
        super("repo.history-secrets", RepoDatasets.SCANS);
    }

    @Override
    List<Finding> judge(CheckContext ctx, RepositoryScan scan) {
        List<Finding> findings = new ArrayList<>();
        Repository repository = scan.repository();
        if (repository.headCommit() == null) {
            return findings;
        }
        String read = repository.historyCommits() + (repository.historyCommits() == 1 ? " commit" : " commits")
                + " read, newest first (--repo-history-commits " + scan.historyLimit() + ")";
        for (Repository.HistoricPath historic : repository.historicPaths()) {
            if (historic.commit().equals(repository.headCommit())) {
                continue;
            }
            String rule = RepoPaths.isTerraformState(historic.path()) ? "repo.state-files"
                    : RepoPaths.secretByName(historic.path()) != null ? "repo.secret-files" : null;
            if (rule == null) {
                continue;
            }
            String commit = historic.commit().substring(0, 7);
            findings.add(RepoFindings.at(ctx.nok(historic.path(), null, historic.path() + " was removed at HEAD"
                    + " but every clone still has it (commit " + commit + ", " + historic.commitDate() + "):"
                    + " rewrite the history (git filter-repo), force-push, have every clone re-cloned, and rotate"
                    + " what it held.", Evidence.of("Repository", repository.name(), "Rule", rule, "Commit",
                    commit, "CommitDate", historic.commitDate(), "History", read)), repository,
                    historic.path(), null));
        }
        if (findings.isEmpty()) {
            findings.add(RepoFindings.clean(ctx, repository, "No state or secret file removed from "
                    + repository.name() + " is in its history (" + read + ").",
                    Evidence.of("Repository", repository.name(), "History", read)));
        }
        return findings;
    }
}
