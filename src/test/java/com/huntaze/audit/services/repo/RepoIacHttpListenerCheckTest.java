package com.huntaze.audit.services.repo;

import static com.huntaze.audit.services.repo.RepoFiles.where;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoIacHttpListenerCheckTest {
    @TempDir
    Path dir;

    @Test
    void httpListenerForwardingIsNokAndAnAlbWithoutHttpsListenerIsNokOnTheLoadBalancer() {
        var repo = RepoFiles.in(dir).file("aws-infrastructure.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  LoadBalancer:
                    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                    Properties:
                      Subnets: [!Ref PublicSubnetA, !Ref PublicSubnetB]
                  HttpListener:
                    Type: AWS::ElasticLoadBalancingV2::Listener
                    Properties:
                      LoadBalancerArn: !Ref LoadBalancer
                      Port: 80
                      Protocol: HTTP
                      DefaultActions:
                        - Type: forward
                          TargetGroupArn: !Ref TargetGroup
                """);

        List<Finding> findings = repo.findings(new RepoIacHttpListenerCheck());

        assertThat(where(findings, Status.NOK)).containsExactlyInAnyOrder("aws-infrastructure.yaml:12",
                "aws-infrastructure.yaml:3");
        assertThat(findings).extracting(Finding::message).anyMatch(m -> m.startsWith("HttpListener serves plain HTTP"))
                .anyMatch(m -> m.contains("internet-facing load balancer LoadBalancer has no HTTPS listener"));
    }

    @Test
    void httpListenerRedirectingToHttpsIsOkAndTheAlbWithAnHttpsListenerToo() {
        var repo = RepoFiles.in(dir).file("alb.json", """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    "LoadBalancer": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
                                     "Properties": {"Scheme": "internet-facing"}},
                    "Internal": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
                                 "Properties": {"Scheme": "internal"}},
                    "HttpListener": {
                      "Type": "AWS::ElasticLoadBalancingV2::Listener",
                      "Properties": {
                        "LoadBalancerArn": {"Ref": "LoadBalancer"},
                        "Protocol": "HTTP",
                        "DefaultActions": [{"Type": "redirect",
                                            "RedirectConfig": {"Protocol": "HTTPS", "Port": "443"}}]
                      }
                    },
                    "HttpsListener": {
                      "Type": "AWS::ElasticLoadBalancingV2::Listener",
                      "Properties": {"LoadBalancerArn": {"Ref": "LoadBalancer"}, "Protocol": "HTTPS"}
                    }
                  }
                }
                """);

        List<Finding> findings = repo.findings(new RepoIacHttpListenerCheck());

        // the internal load balancer is not judged; the HTTPS listener itself needs no finding
        assertThat(where(findings, Status.NOK)).isEmpty();
        assertThat(where(findings, Status.OK)).containsExactlyInAnyOrder("alb.json:12", "alb.json:4");
    }

    @Test
    void terraformListenersAreJudgedTheSameWay() {
        var repo = RepoFiles.in(dir).file("infra/terraform/lb.tf", """
                resource "aws_lb" "web" {
                  internal = false
                }

                resource "aws_lb_listener" "http" {
                  load_balancer_arn = aws_lb.web.arn
                  port              = 80
                  protocol          = "HTTP"
                  default_action {
                    type = "redirect"
                    redirect {
                      protocol    = "HTTPS"
                      port        = "443"
                      status_code = "HTTP_301"
                    }
                  }
                }

                resource "aws_alb_listener" "legacy" {
                  load_balancer_arn = aws_lb.web.arn
                  port = 8080
                  default_action {
                    type             = "forward"
                    target_group_arn = aws_lb_target_group.web.arn
                  }
                }
                """);

        List<Finding> findings = repo.findings(new RepoIacHttpListenerCheck());

        // no protocol and no certificate: Terraform's default, HTTP
        assertThat(where(findings, Status.NOK)).containsExactlyInAnyOrder("infra/terraform/lb.tf:19",
                "infra/terraform/lb.tf:1");
        assertThat(where(findings, Status.OK)).containsExactly("infra/terraform/lb.tf:8");
        assertThat(findings).allMatch(f -> f.resourceType().equals("Terraform::Module"));
    }

    @Test
    void listenersWhoseProtocolIsComputedAreNotGuessed() {
        var repo = RepoFiles.in(dir).file("modules/alb/main.tf", """
                resource "aws_lb" "this" {
                  internal = var.internal
                }

                resource "aws_lb_listener" "this" {
                  for_each          = var.listeners
                  load_balancer_arn = aws_lb.this.arn
                  protocol          = each.value.protocol
                }
                """);

        assertThat(repo.findings(new RepoIacHttpListenerCheck())).isEmpty();
    }
}
