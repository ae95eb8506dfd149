package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
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
abstract class IacCheck implements Check {

    /** The kinds of infrastructure code a check reads. */
    enum Reads { CLOUDFORMATION, TERRAFORM, ECS_JSON }

    private final String id;
    private final Set<Reads> reads;

    IacCheck(String id, Reads first, Reads... more) {
        this.id = id;
        this.reads = EnumSet.of(first, more);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<Dataset<?>> requires() {
        return Set.of(RepoDatasets.REPOSITORIES);
    }

    @Override
    public final Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public final List<Finding> evaluate(CheckContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (Repository repository : ctx.get(RepoDatasets.REPOSITORIES)) {
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
            judge(ctx, repository, iac, findings);
        }
        return findings;
    }

    /** Adds the findings about one repository's parsed infrastructure code to {@code findings}. */
    abstract void judge(CheckContext ctx, Repository repository, IacFiles iac, List<Finding> findings);
}
