package com.huntaze.audit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code huntaze-audit iam-policy}: the least-privilege IAM policy the audit needs, from iam/huntaze-audit-policy.json. */
@Command(name = "iam-policy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the least-privilege IAM policy (JSON) for the role that runs the audit.")
public final class IamPolicyCommand implements Callable<Integer> {

    static final String RESOURCE = "/iam/huntaze-audit-policy.json";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (InputStream in = IamPolicyCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the IAM policy is missing from the jar");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            out.flush();
        }
        return ExitCode.OK;
    }
}
