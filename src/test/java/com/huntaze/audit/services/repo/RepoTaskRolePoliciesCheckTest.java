package com.huntaze.audit.services.repo;

import static com.huntaze.audit.services.repo.RepoFiles.where;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoTaskRolePoliciesCheckTest {
    @TempDir
    Path dir;

    private static final String TASK = """
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  TaskRoleArn: !GetAtt TaskRole.Arn
                  ExecutionRoleArn: !GetAtt ExecutionRole.Arn
              ExecutionRole:
                Type: AWS::IAM::Role
            """;

    @Test
    void taskRoleWithoutAnyPolicyIsNok() {
        var repo = RepoFiles.in(dir).file("video-processor.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  TaskRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {}
                """ + TASK);

        List<Finding> findings = repo.findings(new RepoTaskRolePoliciesCheck());

        // only the task role is judged: the execution role is ECS's, not the application's
        assertThat(where(findings, Status.NOK)).containsExactly("video-processor.yaml:3");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).message()).isEqualTo("Task role TaskRole has no policy: the application gets no"
                + " permissions from its role, so it will be given keys.");
    }

    @Test
    void taskRoleWithAnIamPolicyAttachedThroughRolesIsOk() {
        var repo = RepoFiles.in(dir).file("video-processor.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  TaskRole:
                    Type: AWS::IAM::Role
                  TaskPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      Roles: [!Ref TaskRole]
                """ + TASK);

        List<Finding> findings = repo.findings(new RepoTaskRolePoliciesCheck());

        assertThat(where(findings, Status.OK)).containsExactly("video-processor.yaml:3");
        assertThat(findings.get(0).evidence()).containsEntry("Grants", List.of("AWS::IAM::Policy TaskPolicy"));
    }

    @Test
    void inlinePoliciesOrManagedPolicyArnsGrantToo() {
        var repo = RepoFiles.in(dir).file("stack.json", """
                {"Resources": {
                  "TaskRole": {"Type": "AWS::IAM::Role",
                               "Properties": {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]}},
                  "Task": {"Type": "AWS::ECS::TaskDefinition",
                           "Properties": {"TaskRoleArn": {"Fn::GetAtt": ["TaskRole", "Arn"]}}}
                }}
                """);

        List<Finding> findings = repo.findings(new RepoTaskRolePoliciesCheck());

        assertThat(where(findings, Status.OK)).containsExactly("stack.json:2");
    }
}
