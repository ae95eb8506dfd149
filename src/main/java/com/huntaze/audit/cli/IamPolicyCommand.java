package com.huntaze.audit.cli;

import com.huntaze.audit.services.ServiceCatalog;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code huntaze-audit iam-policy}: the least-privilege IAM policy the audit needs, generated from the actions the
 * collectors declare: the same list the read-only guard lets through. The shipped {@code iam/huntaze-audit-policy.json}
 * is this output (a test keeps them equal).
 */
@Command(name = "iam-policy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the least-privilege IAM policy (JSON) for the role that runs the audit (--for"
                + " organization: the base identity's and each account's).")
public final class IamPolicyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Who the policy is for: the role that audits one account, or the two of an organization's audit. */
    public enum Audience { account, organization }

    /** The name of the read-only role in each account, as the StackSet template names it by default. */
    public static final String DEFAULT_ROLE_NAME = "huntaze-audit-readonly";

    @picocli.CommandLine.Option(names = "--for", paramLabel = "WHAT", defaultValue = "account",
            description = "account (default): the policy of the role that audits an account. organization: a JSON"
                    + " object of two policies, \"base\" for the identity that runs the audit (sts:AssumeRole on"
                    + " --role-name in every account, organizations:ListAccounts) and \"member\" for the read-only"
                    + " role in each account.")
    Audience audience;

    @picocli.CommandLine.Option(names = "--role-name", paramLabel = "NAME", defaultValue = DEFAULT_ROLE_NAME,
            description = "With --for organization: the read-only role's name in each account (default:"
                    + " ${DEFAULT-VALUE}).")
    String roleName;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String member = document(ServiceCatalog.current().actions());
        out.print(audience == Audience.organization ? organization(roleName, member) : member);
        out.flush();
        return ExitCode.OK;
    }

    /** {@code {"base": ..., "member": ...}}: the two policies of an organization's audit, in one JSON document. */
    static String organization(String roleName, String memberPolicy) {
        if (!roleName.matches("[\\w+=,.@-]{1,64}")) {
            throw new UsageException("--role-name '" + roleName + "' is not an IAM role name");
        }
        String base = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n"
                + "      \"Sid\": \"HuntazeAuditAssumeReadOnlyRole\",\n      \"Effect\": \"Allow\",\n"
                + "      \"Action\": \"sts:AssumeRole\",\n      \"Resource\": \"arn:aws:iam::*:role/" + roleName
                + "\"\n    },\n    {\n      \"Sid\": \"HuntazeAuditListAccounts\",\n      \"Effect\": \"Allow\",\n"
                + "      \"Action\": \"" + com.huntaze.audit.collection.OrganizationAccounts.LIST_ACCOUNTS + "\",\n"
                + "      \"Resource\": \"*\"\n    }\n  ]\n}\n";
        return "{\n  \"base\": " + indent(base) + ",\n  \"member\": " + indent(memberPolicy) + "\n}\n";
    }

    /** A policy document nested one level in: every line after the first indented by two spaces. */
    private static String indent(String document) {
        return document.strip().replace("\n", "\n  ");
    }

    /** The policy document granting exactly {@code actions}, on every resource (the reads take no resource ARNs). */
    public static String document(Set<String> actions) {
        StringBuilder json = new StringBuilder("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n"
                + "      \"Sid\": \"HuntazeAuditReadOnly\",\n      \"Effect\": \"Allow\",\n      \"Action\": [\n");
        int i = 0;
        for (String action : new java.util.TreeSet<>(actions)) {
            json.append("        \"").append(action).append('"').append(++i < actions.size() ? ",\n" : "\n");
        }
        return json.append("      ],\n      \"Resource\": \"*\"\n    }\n  ]\n}\n").toString();
    }
}
