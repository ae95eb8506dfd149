package com.huntaze.audit.services.cloudfront;

import static com.huntaze.audit.services.cloudfront.CloudFrontFixtures.distribution;
import static com.huntaze.audit.testing.Fixtures.loadBalancer;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.services.amplify.AmplifyApp;
import com.huntaze.audit.services.amplify.AmplifyBranch;
import com.huntaze.audit.services.amplify.AmplifyDatasets;
import com.huntaze.audit.services.elbv2.Elbv2Datasets;
import com.huntaze.audit.services.elbv2.LoadBalancer;
import com.huntaze.audit.testing.CheckHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CloudFrontOriginInAccountCheckTest {

    /** prod-web-1234567890.us-east-1.elb.amazonaws.com */
    private static final LoadBalancer PROD_WEB = loadBalancer("prod-web", "application", "internet-facing");
    private static final AmplifyApp WEB_APP = new AmplifyApp("d2k4q8m1x7z3pa",
            "arn:aws:amplify:us-east-1:123456789012:apps/d2k4q8m1x7z3pa", "huntaze-web", "WEB_COMPUTE",
            "d2k4q8m1x7z3pa.amplifyapp.com", null, null, List.of(), List.of(
            new AmplifyBranch("main", null, "PRODUCTION", null, List.of()),
            new AmplifyBranch("feature/login", null, "DEVELOPMENT", null, List.of())));

    /** The check with what the services contribute today (ELBv2, Amplify, S3). */
    private static CloudFrontOriginInAccountCheck check() {
        return new CloudFrontOriginInAccountCheck(ServiceCatalog.current().all(OriginOwners.class));
    }

    /** One audited region, us-east-1, with PROD_WEB and WEB_APP. */
    private static CheckHarness audit(Distribution... distributions) {
        return CheckHarness.of(check())
                .with(CloudFrontDatasets.DISTRIBUTIONS, List.of(distributions))
                .with(Elbv2Datasets.LOAD_BALANCERS, List.of(PROD_WEB))
                .with(AmplifyDatasets.APPS, List.of(WEB_APP))
                .with(com.huntaze.audit.services.s3.S3Datasets.BUCKETS, List.of(
                        new com.huntaze.audit.services.s3.S3Bucket("huntaze-beta-assets", "us-east-1", null)));
    }

    private static Finding only(CheckHarness audit) {
        List<Finding> findings = audit.findings();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void anOriginOutsideTheAccountIsNokTheRunbooksVercelCase() {
        Finding f = only(audit(distribution("E1VERCEL").alias("huntaze.com").origin("vercel", "huntaze.vercel.app")
                .build()));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.region()).isEqualTo("global");
        assertThat(f.resourceId()).isEqualTo("E1VERCEL");
        assertThat(f.resourceArn()).isEqualTo("arn:aws:cloudfront::123456789012:distribution/E1VERCEL");
        assertThat(f.message()).startsWith("Origin huntaze.vercel.app is outside this account");
        assertThat(f.evidence()).containsEntry("Outside", List.of("huntaze.vercel.app"))
                .containsEntry("DomainName", "e1vercel.cloudfront.net")
                .containsEntry("Aliases", List.of("huntaze.com"));
        assertThat(f.remediation()).contains("cloudfront.allowedOrigins");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod-web-1234567890.us-east-1.elb.amazonaws.com",
            "PROD-WEB-1234567890.us-east-1.elb.amazonaws.com.", "dualstack.prod-web-1234567890.us-east-1.elb.amazonaws.com"})
    void anOriginOnALoadBalancerOfTheAccountIsOkWhateverItsCaseOrDualstackForm(String domain) {
        Finding f = only(audit(distribution("E2ALB").origin("web", domain).build()));

        assertThat(f.status()).as(domain).isEqualTo(Status.OK);
        assertThat(f.message()).contains("load balancer prod-web (application, us-east-1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"d2k4q8m1x7z3pa.amplifyapp.com", "main.d2k4q8m1x7z3pa.amplifyapp.com",
            "feature-login.d2k4q8m1x7z3pa.amplifyapp.com"})
    void anOriginOnAnAmplifyAppsDefaultOrBranchDomainIsOk(String domain) {
        Finding f = only(audit(distribution("E3AMPLIFY").origin("app", domain).build()));

        assertThat(f.status()).as(domain).isEqualTo(Status.OK);
        assertThat(f.message()).contains("Amplify app huntaze-web (d2k4q8m1x7z3pa, us-east-1)");
    }

    @Test
    void aResourceShapedDomainThatNoListedResourceHasIsNok() {
        Finding elb = only(audit(distribution("E4").origin("old", "old-web-999.us-east-1.elb.amazonaws.com").build()));
        Finding nlb = only(audit(distribution("E5").origin("nlb", "mqtt-1a2b3c.elb.us-east-1.amazonaws.com").build()));
        Finding amplify = only(audit(distribution("E6").origin("app", "main.dother0000000.amplifyapp.com").build()));

        assertThat(elb.status()).isEqualTo(Status.NOK);
        assertThat(elb.message()).startsWith("Origin old-web-999.us-east-1.elb.amazonaws.com is outside this account:"
                + " no load balancer of the audited regions (us-east-1) has this domain");
        assertThat(nlb.status()).isEqualTo(Status.NOK);
        assertThat(amplify.status()).isEqualTo(Status.NOK);
        assertThat(amplify.message()).contains("no Amplify app of the audited regions (us-east-1)");
    }

    @Test
    void aLoadBalancerInARegionThatWasNotAuditedIsTodoNamingTheRegion() {
        Finding f = only(audit(distribution("E7").origin("west", "api-123.us-west-2.elb.amazonaws.com").build()));

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).contains("load balancer in us-west-2, a region this audit did not read");
        assertThat(f.remediation()).contains("--region us-west-2");
    }

    @Test
    void anAmplifyDomainNamesNoRegionEvenWhenItsBranchLooksLikeOne() {
        Finding f = only(audit(distribution("E7B").origin("app", "us-west-2.dother0000000.amplifyapp.com").build()));

        assertThat(f.status()).isEqualTo(Status.NOK);
    }

    @Test
    void loadBalancersAndAppsOfEveryAuditedRegionCount() {
        LoadBalancer euWeb = new LoadBalancer("eu-web", "arn:aws:elasticloadbalancing:eu-west-1:123456789012:"
                + "loadbalancer/app/eu-web/1", "application", "internet-facing",
                "eu-web-2017374852.eu-west-1.elb.amazonaws.com", "active", "vpc-1", List.of(), null, List.of(), List.of());
        var audit = CheckHarness.of(check(), "us-east-1", "eu-west-1")
                .with(CloudFrontDatasets.DISTRIBUTIONS, List.of(distribution("E8")
                        .origin("eu", "eu-web-2017374852.eu-west-1.elb.amazonaws.com")
                        .origin("us", "prod-web-1234567890.us-east-1.elb.amazonaws.com").build()))
                .with("us-east-1", Elbv2Datasets.LOAD_BALANCERS, List.of(PROD_WEB))
                .with("eu-west-1", Elbv2Datasets.LOAD_BALANCERS, List.of(euWeb))
                .with("us-east-1", AmplifyDatasets.APPS, List.of())
                .with("eu-west-1", AmplifyDatasets.APPS, List.of())
                .with(com.huntaze.audit.services.s3.S3Datasets.BUCKETS, List.of());

        Finding f = only(audit);

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.evidence().get("Origins").toString()).contains("load balancer eu-web (application, eu-west-1)")
                .contains("load balancer prod-web (application, us-east-1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"huntaze-beta-assets.s3.amazonaws.com", "huntaze-beta-assets.s3.us-east-1.amazonaws.com",
            "huntaze-beta-assets.s3-website-us-east-1.amazonaws.com", "huntaze-beta-assets.s3-website.us-east-1.amazonaws.com",
            "huntaze-beta-assets.s3.dualstack.us-east-1.amazonaws.com"})
    void anS3OriginOfABucketTheAccountListsIsOk(String domain) {
        Finding f = only(audit(distribution("E9").s3Origin("assets", domain).build()));

        assertThat(f.status()).as(domain).isEqualTo(Status.OK);
        assertThat(f.evidence().get("Origins").toString()).contains("S3 bucket huntaze-beta-assets (us-east-1)");
    }

    @Test
    void anS3OriginWhoseBucketTheAccountDoesNotListIsOutsideIt() {
        Finding f = only(audit(distribution("E10").s3Origin("assets", "assets.huntaze.com.s3.eu-west-1.amazonaws.com")
                .build()));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("assets.huntaze.com.s3.eu-west-1.amazonaws.com");
    }

    @Test
    void lambdaFunctionUrlsAndApiGatewayDomainsAreTodoUntilTheirServicesAreRead() {
        Finding lambda = only(audit(distribution("E11")
                .origin("fn", "abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws").build()));
        Finding api = only(audit(distribution("E12").origin("api", "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
                .build()));

        assertThat(lambda.status()).isEqualTo(Status.TODO);
        assertThat(lambda.message()).isEqualTo("Lambda function URL"
                + " abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws not verified: the function list is not"
                + " read.");
        assertThat(api.status()).isEqualTo(Status.TODO);
        assertThat(api.message()).startsWith("API Gateway domain a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com not"
                + " verified: the API list is not read");
        assertThat(api.remediation()).contains("a1b2c3d4e5");
    }

    @Test
    void aContributionThatListsBucketsMakesBucketOriginsVerifiable() {
        // What the s3 service contributes: the bucket list is read, and a bucket it lacks is not ours.
        var audit = CheckHarness.of(check())
                .with(CloudFrontDatasets.DISTRIBUTIONS, List.of(
                        distribution("E13").s3Origin("assets", "huntaze-beta-assets.s3.amazonaws.com").build(),
                        distribution("E14").s3Origin("other", "someone-elses.s3.us-west-2.amazonaws.com").build()))
                .with(Elbv2Datasets.LOAD_BALANCERS, List.of())
                .with(AmplifyDatasets.APPS, List.of())
                .with(com.huntaze.audit.services.s3.S3Datasets.BUCKETS, List.of(
                        new com.huntaze.audit.services.s3.S3Bucket("huntaze-beta-assets", "us-east-1", null)));

        assertThat(audit.finding("E13").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("E14").status())
                .as("the bucket list is global: a bucket it lacks is not the account's, whatever region the domain names")
                .isEqualTo(Status.NOK);
    }

    @Test
    void anAllowedExternalOriginIsOkAndSaysWhichPatternAllowedIt() {
        var audit = audit(distribution("E15").origin("shop", "Huntaze.MyShopify.com").build(),
                distribution("E16").origin("old", "old-web-999.us-east-1.elb.amazonaws.com").build())
                .settings(CloudFrontSettings.SECTION, new CloudFrontSettings(List.of("*.myshopify.com",
                        "old-web-*.elb.amazonaws.com")));

        Finding shop = audit.finding("E15");
        assertThat(shop.status()).isEqualTo(Status.OK);
        assertThat(shop.message()).contains("allowed external origin: cloudfront.allowedOrigins *.myshopify.com");
        assertThat(shop.evidence()).containsEntry("AllowedOrigins", List.of("*.myshopify.com",
                "old-web-*.elb.amazonaws.com"));
        assertThat(audit.finding("E16").status()).as("an allowed glob wins over the load balancer shape")
                .isEqualTo(Status.OK);
    }

    @Test
    void aDistributionIsAsBadAsItsWorstOriginAndNamesEveryOutsideOne() {
        Finding f = only(audit(distribution("E17")
                .origin("web", "prod-web-1234567890.us-east-1.elb.amazonaws.com")
                .s3Origin("assets", "huntaze-beta-assets.s3.amazonaws.com")
                .origin("vercel", "huntaze.vercel.app")
                .origin("legacy", "legacy.example.net").build()));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("Origins huntaze.vercel.app, legacy.example.net are outside this account");
        assertThat(f.evidence()).containsEntry("Outside", List.of("huntaze.vercel.app", "legacy.example.net"));
        assertThat(f.evidence().get("Origins")).isEqualTo(List.of(
                "web: prod-web-1234567890.us-east-1.elb.amazonaws.com (load balancer prod-web (application, us-east-1))",
                "assets: huntaze-beta-assets.s3.amazonaws.com (S3 bucket huntaze-beta-assets (us-east-1))",
                "vercel: huntaze.vercel.app (outside this account)",
                "legacy: legacy.example.net (outside this account)"));
    }

    @Test
    void aFailedLoadBalancerListInAnyRegionMakesTheCheckTodo() {
        var denied = new CollectionFailure("elasticloadbalancing:DescribeLoadBalancers",
                CollectionFailure.Kind.ACCESS_DENIED, "AccessDenied", "not authorized");
        var audit = CheckHarness.of(check(), "us-east-1", "eu-west-1")
                .with(CloudFrontDatasets.DISTRIBUTIONS, List.of(distribution("E18").origin("v", "huntaze.vercel.app")
                        .build()))
                .with("us-east-1", Elbv2Datasets.LOAD_BALANCERS, List.of(PROD_WEB))
                .failing("eu-west-1", Elbv2Datasets.LOAD_BALANCERS, denied)
                .with("us-east-1", AmplifyDatasets.APPS, List.of())
                .with("eu-west-1", AmplifyDatasets.APPS, List.of())
                .with(com.huntaze.audit.services.s3.S3Datasets.BUCKETS, List.of());

        Finding f = only(audit);

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).contains("elasticloadbalancing:DescribeLoadBalancers").contains("access denied");
    }

    @Test
    void noDistributionMeansNoFinding() {
        assertThat(audit().findings()).isEmpty();
    }
}
