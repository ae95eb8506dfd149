package com.huntaze.audit.services.repo;

import static com.huntaze.audit.services.repo.RepoFiles.where;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoCloudfrontOriginCheckTest {
    @TempDir
    Path dir;

    @Test
    void originParameterDefaultingToVercelIsNokAndOriginsInsideAwsAreOk() {
        var repo = RepoFiles.in(dir).file("infra/cloudfront-s3.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  OriginDomain:
                    Type: String
                    Default: huntaze.vercel.app
                  ApiDomain:
                    Type: String
                Resources:
                  Assets:
                    Type: AWS::S3::Bucket
                  Distribution:
                    Type: AWS::CloudFront::Distribution
                    Properties:
                      DistributionConfig:
                        Origins:
                          - Id: web
                            DomainName: !Ref OriginDomain
                          - Id: assets
                            DomainName: !GetAtt Assets.RegionalDomainName
                          - Id: app
                            DomainName: main.d1abc2def3.amplifyapp.com
                          - Id: api
                            DomainName: !Ref ApiDomain
                          - Id: media
                            DomainName: !Sub "${Assets}.s3.${AWS::Region}.amazonaws.com"
                """);

        List<Finding> findings = repo.findings(new RepoCloudfrontOriginCheck());

        assertThat(where(findings, Status.NOK)).containsExactly("infra/cloudfront-s3.yaml:17");
        assertThat(where(findings, Status.OK)).containsExactlyInAnyOrder("infra/cloudfront-s3.yaml:19",
                "infra/cloudfront-s3.yaml:21", "infra/cloudfront-s3.yaml:23", "infra/cloudfront-s3.yaml:25");
        Finding vercel = findings.stream().filter(f -> f.status() == Status.NOK).findFirst().orElseThrow();
        assertThat(vercel.message()).isEqualTo("Distribution origin web is huntaze.vercel.app (default of parameter"
                + " OriginDomain), outside AWS: the site depends on a host this account does not run.");
        assertThat(vercel.evidence()).containsEntry("DomainName", "huntaze.vercel.app");
    }

    @Test
    void terraformLiteralOutsideAwsIsNokAndAResourceReferenceIsOk() {
        var repo = RepoFiles.in(dir).file("cdn/main.tf", """
                resource "aws_cloudfront_distribution" "site" {
                  origin {
                    domain_name = "huntaze.vercel.app"
                    origin_id   = "vercel"
                  }
                  origin {
                    domain_name = aws_s3_bucket.assets.bucket_regional_domain_name
                    origin_id   = "assets"
                  }
                }
                """);

        List<Finding> findings = repo.findings(new RepoCloudfrontOriginCheck());

        assertThat(where(findings, Status.NOK)).containsExactly("cdn/main.tf:3");
        assertThat(where(findings, Status.OK)).containsExactly("cdn/main.tf:7");
    }
}
