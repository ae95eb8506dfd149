package com.huntaze.audit.services.repo;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * repo.aws-keys, two rules in one check (one severity in its metadata: critical):
 * <ul>
 *   <li>critical: an access key id (AKIA or ASIA and 16 upper-case letters or digits) in a text file, or a
 *       40-character secret-key-shaped value assigned to aws_secret_access_key / AWS_SECRET_ACCESS_KEY: NOK at
 *       path:line with the masked key id (the secret value only as its length);</li>
 *   <li>high ({@code Severity: high} in the evidence): AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY set as a variable in
 *       build or runtime configuration (amplify.yml, buildspec.yml, Amplify environment templates, CI workflows,
 *       Kubernetes manifests, ECS task definitions, serverless.yml, Compose files, .env templates), even to a
 *       placeholder: "long-term keys in the runtime environment".</li>
 * </ul>
 * AWS's documentation examples (AKIAIOSFODNN7EXAMPLE and its secret key) are OK findings at their line. A repository
 * without any of these gets one OK.
 */
public final class RepoAwsKeysCheck extends RepositoryCheck<RepositoryScan> {

    public RepoAwsKeysCheck() {
        super("repo.aws-keys", RepoDatasets.SCANS);
    }

    @Override
    List<Finding> judge(CheckContext ctx, RepositoryScan scan) {
        List<Finding> findings = new ArrayList<>();
        Repository repository = scan.repository();
        boolean anyNok = false;
        for (SecretMark mark : scan.marks()) {
            Finding finding = verdict(ctx, scan, mark);
            if (finding != null) {
                anyNok |= finding.status() == com.huntaze.audit.engine.Status.NOK;
                findings.add(RepoFindings.at(finding, repository, mark.path(), mark.line()));
            }
        }
        if (!anyNok) {
            findings.add(0, RepoFindings.clean(ctx, repository, "No AWS access key in " + repository.name()
                    + ", and no build or runtime configuration sets AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY.",
                    RepoFindings.filesRead(repository)));
        }
        return findings;
    }

    private static Finding verdict(CheckContext ctx, RepositoryScan scan, SecretMark mark) {
        String where = mark.path() + ":" + mark.line();
        return switch (mark.kind()) {
            case ACCESS_KEY_ID -> mark.example()
                    ? ctx.ok(mark.path(), null, "The access key id " + mark.shown() + " at " + where + " is AWS's"
                    + " documentation example, not a credential.", Evidence.of("KeyId", mark.shown(), "Line",
                    mark.line()))
                    : ctx.nok(mark.path(), null, "An AWS access key id (" + mark.shown() + ") is in the repository at "
                    + where + ": every clone can use it. Deactivate and delete the key, use the IAM role instead"
                    + " (Amplify service role, task role, OIDC), and remove the key from the file and its history.",
                    Evidence.of("KeyId", mark.shown(), "Line", mark.line(), "Severity", "critical"));
            case SECRET_ACCESS_KEY -> mark.example()
                    ? ctx.ok(mark.path(), null, "The secret access key at " + where + " is AWS's documentation"
                    + " example, not a credential.", Evidence.of("SecretValue", mark.shown(), "Line", mark.line()))
                    : ctx.nok(mark.path(), null, "A secret access key (a value of " + mark.shown() + ") is assigned"
                    + " to aws_secret_access_key at " + where + ": every clone can use it. Deactivate and delete the"
                    + " key, use the IAM role instead (Amplify service role, task role, OIDC), and remove it from the"
                    + " file and its history.", Evidence.of("SecretValue", mark.shown(), "Line", mark.line(),
                    "Severity", "critical"));
            case KEY_VARIABLE -> isBuildOrRuntimeConfiguration(scan, mark.path())
                    ? ctx.nok(mark.path(), null, mark.shown() + " is set in build or runtime configuration at "
                    + where + ": long-term keys in the runtime environment; use the IAM role (Amplify service role,"
                    + " task role, OIDC).", Evidence.of("Variable", mark.shown(), "Line", mark.line(), "Severity",
                    "high"))
                    : null;
            case PRIVATE_KEY -> null; // repo.secret-files
        };
    }

    /**
     * What configures a build or a runtime: the infrastructure kinds that carry environment variables, CI workflow
     * files, Compose files, Amplify environment templates and .env templates.
     */
    static boolean isBuildOrRuntimeConfiguration(RepositoryScan scan, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        if (lower.startsWith(".github/workflows/") || name.equals(".gitlab-ci.yml") || lower.startsWith(".circleci/")
                || name.equals("bitbucket-pipelines.yml") || name.equals("azure-pipelines.yml")
                || name.equals("jenkinsfile") || name.startsWith("docker-compose") || name.startsWith("compose.")
                || RepoPaths.ENV_TEMPLATES.contains(name) || lower.contains("amplify") && name.contains("env")) {
            return true;
        }
        String kind = scan.kindOf(path);
        return kind != null && Set.of(InfrastructureKind.AMPLIFY.id(), InfrastructureKind.CODEBUILD.id(),
                InfrastructureKind.KUBERNETES.id(), InfrastructureKind.ECS_TASK_DEFINITION.id(),
                InfrastructureKind.SERVERLESS.id()).contains(kind);
    }
}
