package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.AmplifyStub;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import com.huntaze.audit.testing.TestCredentials;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * An auditor whose IAM policy allows only part of the needed actions, on a moto server that enforces IAM
 * (INITIAL_NO_AUTH_ACTION_COUNT: the first requests set up users and policies, every later one is authorised).
 * moto has no Amplify: the proxy answers ListApps and ListBranches, so those two actions are the only ones moto does
 * not authorise here. CloudFront is authorised by moto for the SDK's requests (boto3's fail its signature check).
 */
class PartialPermissionsIT {

    /**
     * The setup requests moto lets through unauthenticated: four users, their policies, their keys, and one
     * (unsigned) look-up of eu-west-1's default subnets for the load balancer.
     */
    private static final int SETUP_REQUESTS = 13;

    private static MotoServer moto;
    private static AccessKey admin;
    private static AccessKey auditor;
    private static AccessKey leastPrivilege;
    private static AccessKey noSecurityGroups;
    private static com.huntaze.audit.testing.DefaultVpc euWestVpc;
    private StubProxy proxy;

    @BeforeAll
    static void enforcingMoto() {
        TestCredentials.install();
        moto = MotoServer.start(Map.of("INITIAL_NO_AUTH_ACTION_COUNT", Integer.toString(SETUP_REQUESTS)));
        try (IamClient iam = moto.configure(IamClient.builder(), "aws-global").build()) {
            iam.createUser(r -> r.userName("admin"));
            iam.putUserPolicy(r -> r.userName("admin").policyName("all").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
            admin = iam.createAccessKey(r -> r.userName("admin")).accessKey();
            iam.createUser(r -> r.userName("auditor"));
            // Everything the audit needs (the shipped policy) except rds:DescribeDBInstances and
            // application-autoscaling:DescribeScalableTargets, sqs:GetQueueAttributes, acm:ListCertificates and
            // rds:DescribeEvents, s3:GetBucketVersioning and dynamodb:DescribeContinuousBackups.
            String partial = asMotoNamesIt(readShippedPolicy().replace("\"rds:DescribeDBInstances\",", "")
                    .replace("\"application-autoscaling:DescribeScalableTargets\",", "")
                    .replace("\"sqs:GetQueueAttributes\",", "")
                    .replace("\"acm:ListCertificates\",", "")
                    .replace("\"rds:DescribeEvents\",", "")
                    .replace("\"s3:GetBucketVersioning\",", "")
                    .replace("\"dynamodb:DescribeContinuousBackups\",", ""));
            assertThat(partial).doesNotContain("rds:DescribeDBInstances")
                    .doesNotContain("application-autoscaling:DescribeScalableTargets")
                    .contains("application-autoscaling:DescribeScalingPolicies")
                    .doesNotContain("sqs:GetQueueAttributes").doesNotContain("acm:ListCertificates")
                    .doesNotContain("rds:DescribeEvents").doesNotContain("s3:GetBucketVersioning")
                    .doesNotContain("dynamodb:DescribeContinuousBackups");
            iam.putUserPolicy(r -> r.userName("auditor").policyName("partial").policyDocument(partial));
            auditor = iam.createAccessKey(r -> r.userName("auditor")).accessKey();
            iam.createUser(r -> r.userName("least-privilege"));
            String shipped = asMotoNamesIt(readShippedPolicy());
            iam.putUserPolicy(r -> r.userName("least-privilege").policyName("huntaze-audit").policyDocument(shipped));
            leastPrivilege = iam.createAccessKey(r -> r.userName("least-privilege")).accessKey();
            iam.createUser(r -> r.userName("no-security-groups"));
            // Everything but ec2:DescribeSecurityGroups (the other EC2 reads stay allowed).
            String noGroups = asMotoNamesIt(readShippedPolicy().replace("\"ec2:DescribeSecurityGroups\",", ""));
            assertThat(noGroups).doesNotContain("ec2:DescribeSecurityGroups").contains("ec2:DescribeSubnets");
            iam.putUserPolicy(r -> r.userName("no-security-groups").policyName("partial").policyDocument(noGroups));
            noSecurityGroups = iam.createAccessKey(r -> r.userName("no-security-groups")).accessKey();
            euWestVpc = com.huntaze.audit.testing.DefaultVpc.of(moto, "eu-west-1");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        moto.close();
        TestCredentials.install();
    }

    @AfterEach
    void tearDown() {
        if (proxy != null) {
            proxy.close();
        }
        TestCredentials.install();
    }

    /** The CLI under test reads its credentials from these system properties (the default chain's first link). */
    private static void auditWith(AccessKey key) {
        System.setProperty("aws.accessKeyId", key.accessKeyId());
        System.setProperty("aws.secretAccessKey", key.secretAccessKey());
    }

    @Test
    void deniedAreasAreTodoNamingTheMissingActionAndEverythingElseIsCorrect() {
        var adminCredentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(admin.accessKeyId(), admin.secretAccessKey()));
        try (var rds = moto.configure(software.amazon.awssdk.services.rds.RdsClient.builder(), "us-east-1")
                .credentialsProvider(adminCredentials).build();
             var ecs = moto.configure(software.amazon.awssdk.services.ecs.EcsClient.builder(), "us-east-1")
                     .credentialsProvider(adminCredentials).build()) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("orders-db").engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("password123").multiAZ(false));
            ecs.createCluster(r -> r.clusterName("leftover"));
        }
        try (var sqs = moto.configure(software.amazon.awssdk.services.sqs.SqsClient.builder(), "us-east-1")
                .credentialsProvider(adminCredentials).build()) {
            sqs.createQueue(r -> r.queueName("video-transcode"));
        }
        seedBucketAndTable(adminCredentials, "us-east-1", "audit-partial-bucket", "partial-table");
        proxy = new StubProxy(moto.endpoint());
        Seed.sesAccount(proxy, "us-east-1", true);
        Seed.rdsLifecyclesAndMaintenance(proxy);
        AmplifyStub.noApps(proxy);
        route53(proxy);
        backupAndCacheEventsAnsweredByTheProxy("us-east-1");

        auditWith(auditor);
        CliRun json = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                "--format", "json");
        CliRun markdown = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1");

        assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
        JsonNode report = json.json();
        Map<String, String> denied = Map.of("rds.", "rds:DescribeDBInstances", "s3.versioning",
                "s3:GetBucketVersioning", "s3.lifecycle", "s3:GetBucketVersioning", "dynamodb.point-in-time-recovery",
                "dynamodb:DescribeContinuousBackups");
        for (JsonNode f : report.get("findings")) {
            String check = f.get("checkId").asText();
            denied.forEach((prefix, action) -> {
                if (check.startsWith(prefix)) {
                    assertThat(f.get("status").asText()).as(check).isEqualTo("TODO");
                    assertThat(f.get("message").asText()).as(check).contains(action).contains("access denied");
                }
            });
            if (check.startsWith("acm.")) {
                // ACM is JSON-protocol: moto denies it with HTTP 403 and an XML body, still read as access denied
                assertThat(f.get("status").asText()).as(check).isEqualTo("TODO");
                assertThat(f.get("message").asText()).contains("acm:ListCertificates").contains("access denied");
            }
        }
        // moto enforces Application Auto Scaling (403 with an XML body): the check reading it is TODO, naming it.
        JsonNode autoscaling = finding(report, "ecs.service-autoscaling", "");
        assertThat(autoscaling.get("status").asText()).isEqualTo("TODO");
        assertThat(autoscaling.get("message").asText())
                .contains("application-autoscaling:DescribeScalableTargets").contains("access denied");
        for (String check : java.util.List.of("sqs.dead-letter-queue", "sqs.dead-letter-backlog")) {
            // moto denies SQS with an XML 403 body to a JSON-protocol call: any 403 is access denied.
            assertThat(statusOf(report, check, "")).as(check).isEqualTo("TODO");
            assertThat(finding(report, check, "").get("message").asText()).contains("sqs:GetQueueAttributes").contains("access denied");
        }
        assertThat(statusOf(report, "ecs.empty-cluster", "leftover")).isEqualTo("NOK");
        assertThat(statusOf(report, "ses.production-access", "")).isEqualTo("OK");
        assertThat(statusOf(report, "s3.public-access-block", "audit-partial-bucket")).isEqualTo("NOK");
        assertThat(statusOf(report, "dynamodb.deletion-protection", "partial-table")).isEqualTo("NOK");
        for (JsonNode f : report.get("findings")) {
            if (f.get("checkId").asText().startsWith("events.") || f.get("checkId").asText().equals(
                    "cloudwatch.alarm-destination")) {
                assertThat(f.get("status").asText()).as(f.toString()).isNotEqualTo("TODO");
            }
        }
        // The by-hand failover test cannot read its evidence: TODO naming the action, still attestable.
        assertThat(statusOf(report, "manual.failover-test", "")).isEqualTo("TODO");
        assertThat(finding(report, "manual.failover-test", "").get("message").asText()).contains("rds:DescribeEvents")
                .contains("access denied").contains("attest it in the config file");
        assertThat(report.get("summary").get("collectionErrors").toString())
                .contains("\"operation\":\"rds:DescribeDBInstances\"")
                .contains("\"operation\":\"rds:DescribeEvents\"")
                .contains("\"operation\":\"application-autoscaling:DescribeScalableTargets\"")
                .contains("\"operation\":\"sqs:GetQueueAttributes\"")
                .contains("\"operation\":\"acm:ListCertificates\"")
                .contains("\"operation\":\"s3:GetBucketVersioning\"")
                .contains("\"operation\":\"dynamodb:DescribeContinuousBackups\"")
                .doesNotContain("ecs:").doesNotContain("DescribeScalingPolicies")
                .doesNotContain("events:").doesNotContain("sns:");

        assertThat(markdown.out()).contains("## Missing permissions")
                .contains("\"Action\": [\"acm:ListCertificates\", \"application-autoscaling:DescribeScalableTargets\","
                        + " \"dynamodb:DescribeContinuousBackups\", \"rds:DescribeDBInstances\", \"rds:DescribeEvents\","
                        + " \"s3:GetBucketVersioning\", \"sqs:GetQueueAttributes\"]");
    }

    @Test
    void aDeniedEc2ReadMakesItsCheckTodoNamingItAndLeavesTheOtherNetworkChecksJudged() {
        var adminCredentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(admin.accessKeyId(), admin.secretAccessKey()));
        try (var ec2 = moto.configure(software.amazon.awssdk.services.ec2.Ec2Client.builder(), "us-west-2")
                .credentialsProvider(adminCredentials).build();
             var elb = moto.configure(software.amazon.awssdk.services.elasticloadbalancingv2
                     .ElasticLoadBalancingV2Client.builder(), "us-west-2").credentialsProvider(adminCredentials).build()) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
            String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.1.0/24").availabilityZone("us-west-2a"))
                    .subnet().subnetId();
            String open = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("open").description("open")).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(open).ipPermissions(p -> p.ipProtocol("tcp").fromPort(22)
                    .toPort(22).ipRanges(c -> c.cidrIp("0.0.0.0/0"))));
            elb.createLoadBalancer(r -> r.name("single").type("network").subnets(a));
        }
        proxy = new StubProxy(moto.endpoint());
        Seed.sesAccount(proxy, "us-west-2", true);

        auditWith(noSecurityGroups);
        CliRun json = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-west-2",
                "--format", "json");
        CliRun markdown = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-west-2");

        JsonNode report = json.json();
        JsonNode todo = null;
        for (JsonNode f : report.get("findings")) {
            if (f.get("checkId").asText().equals("ec2.security-group-open-ports")) {
                assertThat(todo).as("one TODO for the region, no finding per group").isNull();
                todo = f;
            }
        }
        assertThat(todo).as(json.toString()).isNotNull();
        assertThat(todo.get("status").asText()).isEqualTo("TODO");
        assertThat(todo.get("message").asText()).contains("ec2:DescribeSecurityGroups").contains("access denied");
        assertThat(todo.get("remediation").asText()).contains("Grant ec2:DescribeSecurityGroups");
        // The other EC2 reads are allowed: the checks on subnets and load balancers are judged.
        assertThat(statusOf(report, "elbv2.multi-az", "single")).isEqualTo("NOK");
        assertThat(report.get("summary").get("collectionErrors").toString())
                .contains("\"operation\":\"ec2:DescribeSecurityGroups\"").doesNotContain("ec2:DescribeSubnets")
                .doesNotContain("ec2:DescribeRouteTables").doesNotContain("ec2:DescribeNetworkInterfaces");
        assertThat(markdown.out()).contains("## Missing permissions")
                .contains("\"Action\": [\"ec2:DescribeSecurityGroups\"]");
    }

    @Test
    void theShippedPolicyIsExactlyWhatAFullAuditUses() throws java.io.IOException {
        seedOneOfEachKind();
        auditWith(leastPrivilege);

        CliRun run;
        try (var dns = new com.huntaze.audit.testing.DnsStub()) {
            run = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "eu-west-1",
                    "--dns-server", dns.server(), "--format", "json");
        }

        JsonNode report = run.json();
        assertThat(report.get("summary").has("collectionErrors")).as(run.toString()).isFalse();
        for (JsonNode f : report.get("findings")) {
            assertThat(f.get("message").asText()).doesNotContain("access denied");
        }
        java.util.Set<String> used = new java.util.TreeSet<>();
        report.get("stats").get("apiCalls").fieldNames().forEachRemaining(used::add);
        java.util.Set<String> granted = new java.util.TreeSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(readShippedPolicy()).get("Statement")
                .forEach(st -> st.get("Action").forEach(a -> granted.add(a.asText())));
        assertThat(used).as("operations a full audit made vs. actions the policy grants").isEqualTo(granted);
    }

    /** One resource of every kind (in eu-west-1: the other test uses us-east-1 of the same server) the tool collects, so that every collector makes each of its calls. */
    private void seedOneOfEachKind() {
        var adminCredentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(admin.accessKeyId(), admin.secretAccessKey()));
        try (var rds = moto.configure(software.amazon.awssdk.services.rds.RdsClient.builder(), "eu-west-1")
                .credentialsProvider(adminCredentials).build();
             var ecs = moto.configure(software.amazon.awssdk.services.ecs.EcsClient.builder(), "eu-west-1")
                     .credentialsProvider(adminCredentials).build()) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("orders-db").engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("password123").multiAZ(true));
            ecs.createCluster(r -> r.clusterName("prod"));
            // An image of this account's ECR (below), so that its scan is looked up.
            ecs.registerTaskDefinition(r -> r.family("api").containerDefinitions(c -> c.name("api")
                    .image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.0").memory(512)));
            ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api").desiredCount(1));
        }
        try (var scaling = moto.configure(software.amazon.awssdk.services.applicationautoscaling
                .ApplicationAutoScalingClient.builder(), "eu-west-1").credentialsProvider(adminCredentials).build()) {
            scaling.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/api")
                    .scalableDimension("ecs:service:DesiredCount").minCapacity(1).maxCapacity(2));
            scaling.putScalingPolicy(r -> r.policyName("cpu70").serviceNamespace("ecs").resourceId("service/prod/api")
                    .scalableDimension("ecs:service:DesiredCount").policyType("TargetTrackingScaling")
                    .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(70.0).predefinedMetricSpecification(
                            m -> m.predefinedMetricType("ECSServiceAverageCPUUtilization"))));
        }
        try (var ecr = moto.configure(software.amazon.awssdk.services.ecr.EcrClient.builder(), "eu-west-1")
                .credentialsProvider(adminCredentials).build()) {
            ecr.createRepository(r -> r.repositoryName("api"));
        }
        try (var secrets = moto.configure(software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder(),
                "eu-west-1").credentialsProvider(adminCredentials).build()) {
            secrets.createSecret(r -> r.name("prod/db").secretString("not-read-by-the-audit"));
        }
        try (var elb = moto.configure(software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client
                .builder(), "eu-west-1").credentialsProvider(adminCredentials).build();
             var cache = moto.configure(software.amazon.awssdk.services.elasticache.ElastiCacheClient.builder(), "eu-west-1")
                     .credentialsProvider(adminCredentials).build()) {
            String lb = elb.createLoadBalancer(r -> r.name("web").subnets(euWestVpc.twoSubnets()))
                    .loadBalancers().get(0).loadBalancerArn();
            String tg = elb.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(8080).vpcId(euWestVpc.vpcId())
                    .targetType("ip")).targetGroups().get(0).targetGroupArn();
            elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("172.31.0.10").port(8080)));
            elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                    .defaultActions(a -> a.type("forward").targetGroupArn(tg)));
            cache.createReplicationGroup(r -> r.replicationGroupId("sessions").replicationGroupDescription("sessions")
                    .engine("redis").cacheNodeType("cache.t3.small").numCacheClusters(2));
            cache.createCacheCluster(r -> r.cacheClusterId("solo").engine("redis").cacheNodeType("cache.t3.small")
                    .numCacheNodes(1));
        }
        try (var logs = moto.configure(software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient.builder(),
                "eu-west-1").credentialsProvider(adminCredentials).build();
             var cloudwatch = moto.configure(software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder(),
                     "eu-west-1").credentialsProvider(adminCredentials).build()) {
            logs.createLogGroup(r -> r.logGroupName("/ecs/api"));
            cloudwatch.putMetricAlarm(r -> r.alarmName("orders-db-cpu").namespace("AWS/RDS").metricName("CPUUtilization")
                    .dimensions(d -> d.name("DBInstanceIdentifier").value("orders-db")).statistic("Average")
                    .period(300).evaluationPeriods(1).threshold(80.0).comparisonOperator("GreaterThanThreshold")
                    .alarmActions("arn:aws:sns:eu-west-1:123456789012:ops"));
        }
        try (var sqs = moto.configure(software.amazon.awssdk.services.sqs.SqsClient.builder(), "eu-west-1")
                .credentialsProvider(adminCredentials).build();
             var events = moto.configure(software.amazon.awssdk.services.eventbridge.EventBridgeClient.builder(),
                     "eu-west-1").credentialsProvider(adminCredentials).build();
             var sns = moto.configure(software.amazon.awssdk.services.sns.SnsClient.builder(), "eu-west-1")
                     .credentialsProvider(adminCredentials).build()) {
            sqs.createQueue(r -> r.queueName("orders"));
            events.putRule(r -> r.name("nightly").scheduleExpression("rate(1 day)"));
            // A Lambda target, so that the function's invoke configs are read (the function: the proxy's, below).
            events.putRule(r -> r.name("report").scheduleExpression("rate(1 day)"));
            events.putTargets(r -> r.rule("report").targets(t -> t.id("fn")
                    .arn("arn:aws:lambda:eu-west-1:123456789012:function:nightly-report")));
            String topic = sns.createTopic(r -> r.name("ops")).topicArn();
            sns.subscribe(r -> r.topicArn(topic).protocol("email").endpoint("oncall@example.com"));
        }
        try (var ses = moto.configure(software.amazon.awssdk.services.sesv2.SesV2Client.builder(), "eu-west-1")
                .credentialsProvider(adminCredentials).build()) {
            ses.createEmailIdentity(r -> r.emailIdentity("example.com"));
        }
        try (var cloudFront = moto.configure(software.amazon.awssdk.services.cloudfront.CloudFrontClient.builder(),
                "us-east-1").credentialsProvider(adminCredentials).build()) {
            cloudFront.createDistribution(r -> r.distributionConfig(c -> c.callerReference("web").comment("web")
                    .enabled(true)
                    .origins(o -> o.quantity(1).items(i -> i.id("web").domainName("web.example.com")
                            .customOriginConfig(cc -> cc.httpPort(80).httpsPort(443).originProtocolPolicy("https-only"))))
                    .defaultCacheBehavior(b -> b.targetOriginId("web").viewerProtocolPolicy("redirect-to-https")
                            .forwardedValues(f -> f.queryString(false).cookies(k -> k.forward("none"))).minTTL(0L)
                            .trustedSigners(t -> t.enabled(false).quantity(0)))));
        }
        seedBucketAndTable(adminCredentials, "eu-west-1", "audit-full-bucket", "full-table");
        proxy = new StubProxy(moto.endpoint());
        AmplifyStub amplify = AmplifyStub.in("eu-west-1");
        amplify.app("d1example0app1", "web", "WEB_COMPUTE").branch("main", null);
        amplify.install(proxy);
        lambdaAnsweredByTheProxy("eu-west-1");
        String certificate;
        try (var acm = moto.configure(software.amazon.awssdk.services.acm.AcmClient.builder(), "eu-west-1")
                .credentialsProvider(adminCredentials).build()) {
            certificate = acm.requestCertificate(r -> r.domainName("example.com").validationMethod("DNS"))
                    .certificateArn();
        }
        // moto leaves a requested certificate PENDING_VALIDATION and unused: the listing says ISSUED and in use, so
        // that DescribeCertificate is called (and authorised by moto against the policy) too.
        proxy.when(r -> r.operation().equals("ListCertificates"), new StubProxy.Rewrite(body -> body
                .replace("\"Status\": \"PENDING_VALIDATION\"", "\"Status\": \"ISSUED\"")
                .replace("\"Status\":\"PENDING_VALIDATION\"", "\"Status\":\"ISSUED\"")
                .replace("\"InUse\": false", "\"InUse\": true").replace("\"InUse\":false", "\"InUse\":true")));
        route53(proxy);
        assertThat(certificate).startsWith("arn:aws:acm:eu-west-1:");
        // moto fails ListEmailIdentities when a page size is sent: the proxy lists the one identity instead, and
        // GetEmailIdentity goes to moto (authorised against the policy).
        proxy.when(r -> r.path().startsWith("/v2/email/identities?"), StubProxy.Response.json(
                "{\"EmailIdentities\":[{\"IdentityName\":\"example.com\",\"IdentityType\":\"DOMAIN\",\"SendingEnabled\":true}]}"));
        Seed.sesAccount(proxy, "eu-west-1", true);
        // moto implements neither DescribeDBMajorEngineVersions nor DescribePendingMaintenanceActions.
        Seed.rdsLifecyclesAndMaintenance(proxy);
        backupAndCacheEventsAnsweredByTheProxy("eu-west-1");
    }

    /**
     * moto's Route 53 cannot be used when it enforces IAM: it answers SignatureDoesNotMatch to every request, even one
     * its policy allows. The proxy answers Route 53's three list calls instead, AWS-shaped: one public zone with one
     * failover record and no health check, so that each of them is made.
     */
    private static void route53(StubProxy proxy) {
        String ns = " xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"";
        proxy.when(r -> r.path().startsWith("/2013-04-01/hostedzone?"), xml("<ListHostedZonesResponse" + ns
                + "><HostedZones><HostedZone><Id>/hostedzone/Z0STUB</Id><Name>example.com.</Name><CallerReference>stub"
                + "</CallerReference><Config><PrivateZone>false</PrivateZone></Config><ResourceRecordSetCount>1"
                + "</ResourceRecordSetCount></HostedZone></HostedZones><IsTruncated>false</IsTruncated><MaxItems>100"
                + "</MaxItems></ListHostedZonesResponse>"));
        proxy.when(r -> r.path().startsWith("/2013-04-01/hostedzone/Z0STUB/rrset"), xml("<ListResourceRecordSetsResponse"
                + ns + "><ResourceRecordSets><ResourceRecordSet><Name>www.example.com.</Name><Type>A</Type>"
                + "<SetIdentifier>www-primary</SetIdentifier><Failover>PRIMARY</Failover><TTL>60</TTL><ResourceRecords>"
                + "<ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>"
                + "</ResourceRecordSets><IsTruncated>false</IsTruncated><MaxItems>300</MaxItems>"
                + "</ListResourceRecordSetsResponse>"));
        proxy.when(r -> r.path().startsWith("/2013-04-01/healthcheck?"), xml("<ListHealthChecksResponse" + ns
                + "><HealthChecks/><IsTruncated>false</IsTruncated><MaxItems>1000</MaxItems><Marker></Marker>"
                + "</ListHealthChecksResponse>"));
    }

    private static StubProxy.Response xml(String body) {
        return new StubProxy.Response(200, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);
    }

    /**
     * moto's Lambda cannot be used when it enforces IAM (REST: SignatureDoesNotMatch even to an allowed caller): the
     * proxy answers ListFunctions with one function and ListFunctionEventInvokeConfigs with none.
     */
    private void lambdaAnsweredByTheProxy(String region) {
        proxy.when(r -> r.service().equals("lambda") && r.path().contains("/event-invoke-config/list"),
                StubProxy.Response.json("{\"FunctionEventInvokeConfigs\":[]}"));
        proxy.when(r -> r.service().equals("lambda") && r.path().startsWith("/2015-03-31/functions"),
                StubProxy.Response.json("{\"Functions\":[{\"FunctionName\":\"nightly-report\",\"FunctionArn\":"
                        + "\"arn:aws:lambda:" + region + ":123456789012:function:nightly-report\",\"Runtime\":"
                        + "\"python3.12\",\"PackageType\":\"Zip\"}]}"));
    }

    /**
     * AWS Backup cannot be enforced on moto (REST: moto answers SignatureDoesNotMatch even to an allowed caller), and
     * ElastiCache DescribeEvents is not implemented there: the proxy answers them, one backup plan with one selection
     * so that each backup action is made once. rds:DescribeEvents goes to moto, which enforces it.
     */
    private void backupAndCacheEventsAnsweredByTheProxy(String region) {
        proxy.when(r -> r.service().equals("backup") && r.path().startsWith("/backup/plans/?"), StubProxy.Response.json(
                "{\"BackupPlansList\":[{\"BackupPlanArn\":\"arn:aws:backup:" + region + ":123456789012:backup-plan:"
                        + "plan-1\",\"BackupPlanId\":\"plan-1\",\"BackupPlanName\":\"daily\",\"VersionId\":\"v1\"}]}"));
        proxy.when(r -> r.service().equals("backup") && r.path().startsWith("/backup/plans/plan-1/?")
                || r.service().equals("backup") && r.path().equals("/backup/plans/plan-1/"), StubProxy.Response.json(
                "{\"BackupPlan\":{\"BackupPlanName\":\"daily\",\"Rules\":[{\"RuleName\":\"daily\","
                        + "\"TargetBackupVaultName\":\"Default\",\"ScheduleExpression\":\"cron(0 5 ? * * *)\","
                        + "\"Lifecycle\":{\"DeleteAfterDays\":35},\"RuleId\":\"rule-1\"}]},\"BackupPlanId\":\"plan-1\","
                        + "\"BackupPlanArn\":\"arn:aws:backup:" + region + ":123456789012:backup-plan:plan-1\","
                        + "\"VersionId\":\"v1\"}"));
        Seed.backupSelection(proxy, region, "plan-1", "sel-1", "databases", List.of("arn:aws:rds:*:*:db:*"), List.of());
        Seed.noBackupSelectionsRestoresOrCacheEvents(proxy);
    }

    /**
     * A bucket in {@code region} (S3 lists it account-wide: every S3 call is made) and a table there, with nothing
     * set: no versioning, lifecycle, Block Public Access, point-in-time recovery or deletion protection.
     */
    private static void seedBucketAndTable(StaticCredentialsProvider adminCredentials, String region, String bucket,
                                           String table) {
        try (var s3 = moto.configure(software.amazon.awssdk.services.s3.S3Client.builder(), region)
                .credentialsProvider(adminCredentials).forcePathStyle(true).build();
             var dynamodb = moto.configure(software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), region)
                     .credentialsProvider(adminCredentials).build()) {
            s3.createBucket(r -> {
                r.bucket(bucket);
                if (!region.equals("us-east-1")) {
                    r.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
            dynamodb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH")));
        }
    }

    /**
     * moto names CloudWatch actions after the service's signing name, {@code monitoring:}, where IAM says
     * {@code cloudwatch:}; it authorises a bucket's GetPublicAccessBlock as {@code s3:ListBucket} (its table of S3
     * actions looks for a {@code public_access_block} query parameter; the API sends {@code publicAccessBlock})
     * where IAM says {@code s3:GetBucketPublicAccessBlock}, and S3 Control's as {@code s3:GetPublicAccessBlock}
     * (the operation's name) where IAM says {@code s3:GetAccountPublicAccessBlock}: the policy given to moto grants
     * both spellings of each.
     */
    private static String asMotoNamesIt(String policy) {
        return policy.replaceAll("\"cloudwatch:([A-Za-z]+)\"", "\"cloudwatch:$1\", \"monitoring:$1\"")
                .replace("\"s3:GetBucketPublicAccessBlock\"",
                        "\"s3:GetBucketPublicAccessBlock\", \"s3:ListBucket\"")
                .replace("\"s3:GetAccountPublicAccessBlock\"",
                        "\"s3:GetAccountPublicAccessBlock\", \"s3:GetPublicAccessBlock\"");
    }

    private static String readShippedPolicy() throws java.io.IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("iam", "huntaze-audit-policy.json"));
    }

    private static JsonNode finding(JsonNode report, String checkId, String resourceId) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("checkId").asText().equals(checkId) && f.get("resourceId").asText().equals(resourceId)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + checkId + " " + resourceId);
    }

    private static String statusOf(JsonNode report, String checkId, String resourceId) {
        return finding(report, checkId, resourceId).get("status").asText();
    }
}
