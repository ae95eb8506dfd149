package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.services.repo.iac.IacFiles;
import com.huntaze.audit.services.repo.iac.IacFinding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A check of the infrastructure code of the repositories ({@code --repo}): it reads each repository's parsed
 * templates and modules ({@link IacFiles}, parsed once for all such checks), is judged once in the region
 * {@code repo}, and a file of a kind it reads that does not parse is its TODO for that file, never a silent skip.
 */
abstract class IacCheck extends RepositoryCheck<Repository> {

    /** The kinds of infrastructure code a check reads. */
    enum Reads { CLOUDFORMATION, TERRAFORM, ECS_JSON }

    private final Set<Reads> reads;

    IacCheck(String id, Reads first, Reads... more) {
        super(id, RepoDatasets.REPOSITORIES);
        this.reads = EnumSet.of(first, more);
    }

    @Override
    final List<Finding> judge(CheckContext ctx, Repository repository) {
        List<Finding> findings = new ArrayList<>();
        IacFiles iac = IacFiles.of(repository);
        if (reads.contains(Reads.CLOUDFORMATION)) {
            iac.templateFailures().forEach(f -> findings.add(IacFinding.unparsed(ctx, repository,
                    IacFinding.CLOUDFORMATION, f)));
        }
        if (reads.contains(Reads.TERRAFORM)) {
            iac.terraformFailures().forEach(f -> findings.add(IacFinding.unparsed(ctx, repository,
                    IacFinding.TERRAFORM, f)));
        }
        if (reads.contains(Reads.ECS_JSON)) {
            iac.ecsJsonFailures().forEach(f -> findings.add(IacFinding.unparsed(ctx, repository,
                    IacFinding.FILE, f)));
        }
        judgeCode(ctx, repository, iac, findings);
        return findings;
    }

    /** Adds the findings about one repository's parsed infrastructure code to {@code findings}. */
    abstract void judgeCode(CheckContext ctx, Repository repository, IacFiles iac, List<Finding> findings);
}
