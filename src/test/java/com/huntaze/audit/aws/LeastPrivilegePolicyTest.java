package com.huntaze.audit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huntaze.audit.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * iam/huntaze-audit-policy.json grants exactly the actions the code calls: every {@code AwsCalls.call("svc:Op", ...)}
 * in the sources. (PolicyCoverageIT checks the same against the calls a full audit really makes.)
 */
class LeastPrivilegePolicyTest {

    static Set<String> policyActions() throws IOException {
        JsonNode policy = new ObjectMapper().readTree(Path.of("iam", "huntaze-audit-policy.json").toFile());
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : policy.get("Statement")) {
            assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
            statement.get("Action").forEach(a -> actions.add(a.asText()));
        }
        return actions;
    }

    static Set<String> actionsInCode() throws IOException {
        Pattern call = Pattern.compile("call\\(\"([a-z0-9-]+:[A-Za-z0-9]+)\"");
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    actions.add(m.group(1));
                }
            }
        }
        return actions;
    }

    @Test
    void thePolicyGrantsExactlyTheActionsTheCodeCalls() throws IOException {
        assertThat(policyActions()).isEqualTo(actionsInCode());
    }

    @Test
    void thePolicyIsReadOnly() throws IOException {
        for (String action : policyActions()) {
            assertThat(action).doesNotContain("*");
            String operation = action.substring(action.indexOf(':') + 1);
            assertThat(ReadOnlyGuard.isAllowed(operation)).as(action).isTrue();
        }
        assertThat(policyActions()).doesNotContain("secretsmanager:GetSecretValue");
    }

    @Test
    void iamPolicyCommandPrintsIt() throws IOException {
        CliRun run = CliRun.of("iam-policy");
        assertThat(run.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()))
                .isEqualTo(new ObjectMapper().readTree(Path.of("iam", "huntaze-audit-policy.json").toFile()));
    }
}
