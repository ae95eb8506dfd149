package com.huntaze.audit.services.repo;

import static com.huntaze.audit.services.repo.RepoFiles.where;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoTerraformRemoteStateCheckTest {
    @TempDir
    Path dir;

    @Test
    void rootModuleWithoutBackendIsNokAndAModuleCalledByAnotherIsNotARoot() {
        var repo = RepoFiles.in(dir)
                .file("infra/terraform/ai-router/main.tf", """
                        provider "aws" {
                          region = "us-east-1"
                        }

                        module "cron" {
                          source = "../modules/cron"
                        }
                        """)
                .file("infra/terraform/modules/cron/main.tf", """
                        resource "aws_cloudwatch_event_rule" "nightly" {
                          schedule_expression = "cron(0 3 * * ? *)"
                        }
                        """);

        List<Finding> findings = repo.findings(new RepoTerraformRemoteStateCheck());

        assertThat(findings).hasSize(1);
        Finding router = findings.get(0);
        assertThat(router.status()).isEqualTo(Status.NOK);
        assertThat(router.resourceId()).isEqualTo("infra/terraform/ai-router");
        assertThat(router.resourceType()).isEqualTo("Terraform::Module");
        assertThat(router.location().path()).isEqualTo("infra/terraform/ai-router/main.tf");
        assertThat(router.message()).contains("No backend");
    }

    @Test
    void s3BackendNeedsLockingAndRemoteBackendsAreOk() {
        var repo = RepoFiles.in(dir)
                .file("locked/versions.tf", """
                        terraform {
                          required_version = ">= 1.10"
                          backend "s3" {
                            bucket       = "huntaze-state"
                            key          = "locked/terraform.tfstate"
                            use_lockfile = true
                          }
                        }
                        """).file("locked/main.tf", "resource \"aws_sqs_queue\" \"q\" {}\n")
                .file("dynamo/main.tf", """
                        terraform {
                          backend "s3" {
                            bucket         = "huntaze-state"
                            dynamodb_table = "terraform-locks"
                          }
                        }
                        resource "aws_sqs_queue" "q" {}
                        """)
                .file("unlocked/main.tf", """
                        terraform {
                          backend "s3" { bucket = "huntaze-state" }
                        }
                        provider "aws" {}
                        """)
                .file("hcp/main.tf", """
                        terraform {
                          cloud {
                            organization = "huntaze"
                          }
                        }
                        provider "aws" {}
                        """);

        List<Finding> findings = repo.findings(new RepoTerraformRemoteStateCheck());

        assertThat(where(findings, Status.OK)).containsExactlyInAnyOrder("locked/versions.tf:3",
                "dynamo/main.tf:2", "hcp/main.tf:2");
        assertThat(where(findings, Status.NOK)).containsExactly("unlocked/main.tf:2");
        assertThat(findings.stream().filter(f -> f.status() == Status.NOK).findFirst().orElseThrow().message())
                .contains("without locking");
    }

    @Test
    void aTerraformFileThatDoesNotParseIsATodoNamingTheError() {
        var repo = RepoFiles.in(dir).file("broken/main.tf", """
                resource "aws_sqs_queue" "q" {
                  name = "orders
                }
                """);

        List<Finding> findings = repo.findings(new RepoTerraformRemoteStateCheck());

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).status()).isEqualTo(Status.TODO);
        assertThat(findings.get(0).message()).isEqualTo(
                "Could not parse this Terraform file: string not closed (line 2); it was not judged.");
        assertThat(findings.get(0).location().line()).isEqualTo(2);
    }
}
