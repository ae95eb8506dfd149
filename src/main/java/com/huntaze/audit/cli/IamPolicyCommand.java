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
        description = "Print the least-privilege IAM policy (JSON) for the role that runs the audit.")
public final class IamPolicyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(document(ServiceCatalog.current().actions()));
        out.flush();
        return ExitCode.OK;
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
