package com.huntaze.audit.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.cli.IamPolicyCommand;
import com.huntaze.audit.services.AuditService;
import com.huntaze.audit.services.ServiceCatalog;
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
 * One list of allowed actions: the collectors' declarations. The read-only guard lets through exactly those,
 * {@code iam-policy} prints the policy generated from them, the shipped iam/huntaze-audit-policy.json is that
 * output, and every {@code AwsCalls.call("svc:Op", ...)} in a service's source is declared by that service (and
 * every declared action is called). PartialPermissionsIT checks the same against the calls a full audit makes.
 */
class LeastPrivilegePolicyTest {

    private static final ServiceCatalog CATALOG = ServiceCatalog.current();

    @Test
    void theShippedPolicyIsTheGeneratedOne() throws IOException {
        assertThat(Files.readString(Path.of("iam", "huntaze-audit-policy.json")))
                .as("iam/huntaze-audit-policy.json: regenerate it with `huntaze-audit iam-policy`")
                .isEqualTo(IamPolicyCommand.document(CATALOG.actions()));
    }

    @Test
    void iamPolicyCommandPrintsTheDeclaredActions() {
        CliRun run = CliRun.of("iam-policy");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(IamPolicyCommand.document(CATALOG.actions()));
        assertThat(run.out()).contains("\"rds:DescribeDBInstances\"").contains("\"sts:GetCallerIdentity\"")
                .doesNotContain("GetSecretValue");
    }

    @Test
    void eachServiceDeclaresExactlyTheActionsItsSourceCalls() throws IOException {
        Pattern call = Pattern.compile("call\\(\"([a-z0-9-]+:[A-Za-z0-9]+)\"");
        for (AuditService service : CATALOG.services()) {
            Set<String> declared = new TreeSet<>();
            service.collectors().forEach(c -> declared.addAll(c.actions()));
            Set<String> called = new TreeSet<>();
            Path folder = Path.of("src", "main", "java", "com", "huntaze", "audit", "services", service.id());
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = call.matcher(Files.readString(file));
                    while (m.find()) {
                        called.add(m.group(1));
                    }
                }
            }
            assertThat(called).as("actions called in services/" + service.id() + " = its collectors' declarations")
                    .isEqualTo(declared);
        }
    }

    @Test
    void everyDeclaredActionIsAReadThatRevealsNoSecret() {
        for (String action : CATALOG.actions()) {
            assertThat(ReadOnlyGuard.isReadOnly(action)).as(action).isTrue();
            assertThat(action).doesNotContain("*");
        }
        assertThat(CATALOG.actions()).doesNotContain("secretsmanager:GetSecretValue", "lambda:GetFunction",
                "s3:GetObject", "ssm:GetParameter", "ecr:GetAuthorizationToken");
    }
}
