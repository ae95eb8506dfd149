package com.huntaze.audit.services.repo;

import static com.huntaze.audit.services.repo.RepoFiles.where;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoIacPublicIpCheckTest {
    @TempDir
    Path dir;

    private static final String STACK = """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              PublicIp:
                Type: String
                Default: ENABLED
            Resources:
              WebService:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: !Ref Cluster
                  NetworkConfiguration:
                    AwsvpcConfiguration:
                      AssignPublicIp: ENABLED
                      Subnets: [!Ref SubnetA]
              WorkerService:
                Type: AWS::ECS::Service
                Properties:
                  NetworkConfiguration:
                    AwsvpcConfiguration:
                      AssignPublicIp: DISABLED
              CronService:
                Type: AWS::ECS::Service
                Properties:
                  NetworkConfiguration:
                    AwsvpcConfiguration:
                      AssignPublicIp: !Ref PublicIp
              BridgeService:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: !Ref Cluster
            """;

    @Test
    void cloudFormationServiceWithAssignPublicIpEnabledIsNokAtThatLine() {
        var repo = RepoFiles.in(dir).file("infra/aws/aws-infrastructure.yaml", STACK);

        List<Finding> findings = repo.findings(new RepoIacPublicIpCheck());

        // a literal ENABLED, and a parameter whose default is ENABLED; DISABLED is OK; no awsvpc: not judged
        assertThat(where(findings, Status.NOK)).containsExactlyInAnyOrder(
                "infra/aws/aws-infrastructure.yaml:13", "infra/aws/aws-infrastructure.yaml:26");
        assertThat(where(findings, Status.OK)).containsExactly("infra/aws/aws-infrastructure.yaml:20");
        Finding web = findings.stream().filter(f -> f.message().startsWith("WebService")).findFirst().orElseThrow();
        assertThat(web.resourceType()).isEqualTo("CloudFormation::Template");
        assertThat(web.resourceId()).isEqualTo("infra/aws/aws-infrastructure.yaml");
        assertThat(web.location()).isEqualTo(new Finding.Location("app", "infra/aws/aws-infrastructure.yaml", 13));
        assertThat(web.evidence()).containsEntry("Resource", "WebService").containsEntry("AssignPublicIp", "ENABLED");
        assertThat(web.remediation()).contains("AssignPublicIp: DISABLED");
    }

    @Test
    void terraformServiceWithAssignPublicIpTrueIsNokAndFalseIsOk() {
        var repo = RepoFiles.in(dir).file("infra/terraform/ai-router/main.tf", """
                variable "public" {
                  default = false
                }

                resource "aws_ecs_service" "router" {
                  name = "ai-router"
                  network_configuration {
                    subnets          = var.subnets
                    assign_public_ip = true
                  }
                }

                resource "aws_ecs_service" "batch" {
                  network_configuration {
                    assign_public_ip = var.public
                  }
                }
                """);

        List<Finding> findings = repo.findings(new RepoIacPublicIpCheck());

        assertThat(where(findings, Status.NOK)).containsExactly("infra/terraform/ai-router/main.tf:9");
        assertThat(where(findings, Status.OK)).containsExactly("infra/terraform/ai-router/main.tf:15");
        assertThat(findings).allMatch(f -> f.resourceType().equals("Terraform::Module"));
        assertThat(findings.get(0).message()).contains("aws_ecs_service.");
    }

    @Test
    void ecsJsonWithAssignPublicIpEnabledIsNok() {
        var repo = RepoFiles.in(dir).file("deploy/service.json", """
                {
                  "serviceName": "web",
                  "networkConfiguration": {
                    "awsvpcConfiguration": {
                      "subnets": ["subnet-1"],
                      "assignPublicIp": "ENABLED"
                    }
                  }
                }
                """).file("package.json", "{\"name\": \"web\"}");

        List<Finding> findings = repo.findings(new RepoIacPublicIpCheck());

        assertThat(where(findings, Status.NOK)).containsExactly("deploy/service.json:6");
        assertThat(findings.get(0).resourceType()).isEqualTo("File");
    }

    @Test
    void aTemplateThatDoesNotParseIsOneTodoNamingTheErrorWithoutItsText() {
        var repo = RepoFiles.in(dir).file("infra/broken.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Web:
                    Type: AWS::ECS::Service
                    Properties: [unclosed, "AKIAQWERTYUIOPASDFGH
                """);

        List<Finding> findings = repo.findings(new RepoIacPublicIpCheck());

        assertThat(findings).hasSize(1);
        Finding todo = findings.get(0);
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.resourceId()).isEqualTo("infra/broken.yaml");
        assertThat(todo.message()).startsWith("Could not parse this CloudFormation template: ").contains("(line ");
        assertThat(todo.toString()).doesNotContain("AKIAQWERTYUIOPASDFGH");
    }
}
