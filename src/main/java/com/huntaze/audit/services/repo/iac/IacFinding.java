package com.huntaze.audit.services.repo.iac;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.services.repo.Repository;

/** How an IaC check's finding says where it is: the file kind, the file (its resourceId) and the line. */
public final class IacFinding {
    public static final String CLOUDFORMATION = "CloudFormation::Template";
    public static final String TERRAFORM = "Terraform::Module";
    public static final String FILE = "File";

    private IacFinding() {
    }

    /** {@code finding}, about a file of {@code kind}, at {@code path:line} of the repository (line 0: the whole file). */
    public static Finding at(Finding finding, Repository repository, String kind, String path, int line) {
        return finding.withResourceType(kind)
                .withLocation(new Finding.Location(repository.name(), path, line > 0 ? line : null));
    }

    /** The TODO for a file of the kind a check reads that did not parse: never a silent skip. */
    public static Finding unparsed(CheckContext ctx, Repository repository, String kind,
                                   IacFiles.ParseFailure failure) {
        String what = switch (kind) {
            case CLOUDFORMATION -> "CloudFormation template";
            case TERRAFORM -> "Terraform file";
            default -> "JSON file";
        };
        Finding todo = ctx.todo(failure.path(), null, "Could not parse this " + what + ": " + failure.reason()
                        + (failure.line() > 0 ? " (line " + failure.line() + ")" : "") + "; it was not judged.",
                Evidence.of("ParseError", failure.reason(), "Line", failure.line() > 0 ? failure.line() : null));
        return at(todo, repository, kind, failure.path(), failure.line());
    }
}
