package com.huntaze.audit.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.services.ServiceCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code ci-examples/stackset-readonly-role.yaml}, the StackSet template of the read-only role in each account: its
 * role grants exactly the actions this version declares, and trusts the auditing account with the external id.
 */
class StackSetTemplateTest {

    /**
     * SnakeYAML (already on the class path through Jackson's YAML module) with CloudFormation's short tags
     * ({@code !Ref}, {@code !Sub}, {@code !GetAtt}...) read as the long form: {@code {"Ref": value}},
     * {@code {"Fn::Sub": value}}.
     */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
        }

        @Override
        protected Construct getConstructor(Node node) {
            String tag = node.getTag().getValue();
            if (!tag.startsWith("!")) {
                return super.getConstructor(node);
            }
            String name = tag.equals("!Ref") ? "Ref" : "Fn::" + tag.substring(1);
            return new AbstractConstruct() {
                @Override
                public Object construct(Node tagged) {
                    Object value = tagged instanceof ScalarNode scalar ? constructScalar(scalar)
                            : tagged instanceof SequenceNode sequence ? constructSequence(sequence)
                            : constructMapping((MappingNode) tagged);
                    return Map.of(name, value);
                }
            };
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> template() throws IOException {
        return new Yaml(new CloudFormationConstructor()).load(Files.readString(
                Path.of("ci-examples", "stackset-readonly-role.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> map, String... keys) {
        Map<String, Object> at = map;
        for (String key : keys) {
            at = (Map<String, Object>) at.get(key);
        }
        return at;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRoleGrantsExactlyTheDeclaredReads() throws IOException {
        Map<String, Object> role = at(template(), "Resources", "HuntazeAuditReadOnlyRole");
        assertThat(role.get("Type")).isEqualTo("AWS::IAM::Role");
        Map<String, Object> properties = at(role, "Properties");
        assertThat(properties.get("RoleName")).isEqualTo(Map.of("Ref", "RoleName"));
        List<Map<String, Object>> policies = (List<Map<String, Object>>) properties.get("Policies");
        Map<String, Object> statement = ((List<Map<String, Object>>) at(policies.get(0), "PolicyDocument")
                .get("Statement")).get(0);

        assertThat(statement.get("Effect")).isEqualTo("Allow");
        assertThat(statement.get("Resource")).isEqualTo("*");
        assertThat((List<String>) statement.get("Action"))
                .as("regenerate with: huntaze-audit iam-policy (the actions of this version)")
                .containsExactlyElementsOf(ServiceCatalog.current().actions());
        assertThat(at(template(), "Parameters", "RoleName").get("Default"))
                .isEqualTo(com.huntaze.audit.cli.IamPolicyCommand.DEFAULT_ROLE_NAME);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRoleTrustsTheAuditingAccountOnlyWithTheExternalId() throws IOException {
        Map<String, Object> trust = ((List<Map<String, Object>>) at(template(), "Resources",
                "HuntazeAuditReadOnlyRole", "Properties", "AssumeRolePolicyDocument").get("Statement")).get(0);

        assertThat(trust.get("Action")).isEqualTo("sts:AssumeRole");
        assertThat(at(trust, "Principal").get("AWS"))
                .isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AuditingAccountId}:root"));
        assertThat(at(trust, "Condition", "StringEquals").get("sts:ExternalId")).isEqualTo(Map.of("Ref", "ExternalId"));
        assertThat(at(template(), "Parameters", "AuditingAccountId").get("AllowedPattern")).isEqualTo("[0-9]{12}");
    }
}
