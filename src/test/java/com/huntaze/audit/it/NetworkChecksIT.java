package com.huntaze.audit.it;

import static com.huntaze.audit.testing.ReportFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.ReportFindings;
import com.huntaze.audit.testing.StubProxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The network checks on moto in two regions: ec2.security-group-open-ports, vpc.private-data-stores,
 * ecs.service-redundancy and elbv2.multi-az, with the accounts of issue 11's "Done when" (a Redis security group
 * open on 6379 to 0.0.0.0/0, an ALB group open on 443 only, a cache subnet group with a subnet routed to an internet
 * gateway, a single-task ECS service and a two-task one across two zones). moto leaves SecurityGroups out of
 * DescribeCacheClusters: the loopback proxy writes the Redis cluster's group into moto's answer. Everything else is
 * moto's.
 */
@ExtendWith(Moto.class)
class NetworkChecksIT {

    private static final List<String> CHECKS = List.of("ec2.security-group-open-ports", "vpc.private-data-stores",
            "ecs.service-redundancy", "elbv2.multi-az");

    private MotoServer moto;
    private StubProxy proxy;
    private final Map<String, String> groups = new TreeMap<>();

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    // --- seeding ---------------------------------------------------------------------------------------------

    /** A VPC and the internet gateway attached to it. */
    private record Vpc(String id, String internetGateway) {
    }

    private static Vpc vpc(Ec2Client ec2, String cidr) {
        String vpc = ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        return new Vpc(vpc, igw);
    }

    private static String subnet(Ec2Client ec2, Vpc vpc, String cidr, String zone) {
        return ec2.createSubnet(r -> r.vpcId(vpc.id()).cidrBlock(cidr).availabilityZone(zone)).subnet().subnetId();
    }

    /** A security group with these inbound rules, remembered by name (see {@link #sg}). */
    private String group(Ec2Client ec2, Vpc vpc, String name, IpPermission... ingress) {
        String id = ec2.createSecurityGroup(r -> r.vpcId(vpc.id()).groupName(name).description(name)).groupId();
        if (ingress.length > 0) {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(ingress));
        }
        groups.put(name, id);
        return id;
    }

    private static IpPermission tcp(int port, String... cidrs) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .ipRanges(Arrays.stream(cidrs).filter(c -> !c.contains(":"))
                        .map(c -> IpRange.builder().cidrIp(c).build()).toList())
                .ipv6Ranges(Arrays.stream(cidrs).filter(c -> c.contains(":"))
                        .map(c -> Ipv6Range.builder().cidrIpv6(c).build()).toList())
                .build();
    }

    /** A DB subnet group of {@code subnets} and a Postgres instance in it, with these security groups. */
    private void database(String region, String id, String subnetGroup, List<String> subnets,
                          String... securityGroups) {
        try (RdsClient rds = moto.configure(RdsClient.builder(), region).build()) {
            rds.createDBSubnetGroup(r -> r.dbSubnetGroupName(subnetGroup).dbSubnetGroupDescription(subnetGroup)
                    .subnetIds(subnets));
            rds.createDBInstance(r -> r.dbInstanceIdentifier(id).engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("password123")
                    .dbSubnetGroupName(subnetGroup).vpcSecurityGroupIds(securityGroups));
        }
    }

    // us-east-1's subnets and the route table of its public subnet
    private String privateA;
    private String privateB;
    private String publicSubnet;
    private String publicRouteTable;
    // eu-west-1's VPC main route table, which routes to the internet gateway
    private String euMainTable;

    /**
     * us-east-1: a VPC with two private subnets and a public one (its own route table to the internet gateway); a
     * Redis cluster in a cache subnet group with the public subnet, open on 6379 to the world; a database in the
     * private subnets; an ALB open on 443 only and a one-zone NLB; a single-task and a two-task ECS service.
     */
    private void seedUsEast1() {
        try (Ec2Client ec2 = moto.configure(Ec2Client.builder(), "us-east-1").build()) {
            Vpc vpc = vpc(ec2, "10.0.0.0/16");
            privateA = subnet(ec2, vpc, "10.0.1.0/24", "us-east-1a");
            privateB = subnet(ec2, vpc, "10.0.2.0/24", "us-east-1b");
            publicSubnet = subnet(ec2, vpc, "10.0.100.0/24", "us-east-1a");
            publicRouteTable = ec2.createRouteTable(r -> r.vpcId(vpc.id())).routeTable().routeTableId();
            ec2.createRoute(r -> r.routeTableId(publicRouteTable).destinationCidrBlock("0.0.0.0/0")
                    .gatewayId(vpc.internetGateway()));
            ec2.associateRouteTable(r -> r.routeTableId(publicRouteTable).subnetId(publicSubnet));

            group(ec2, vpc, "redis", tcp(6379, "0.0.0.0/0"));
            group(ec2, vpc, "alb", tcp(443, "0.0.0.0/0", "::/0"));
            group(ec2, vpc, "app", tcp(8080, "10.0.0.0/16"));
            group(ec2, vpc, "db", tcp(5432, "10.0.0.0/16"));
            group(ec2, vpc, "old-ssh", tcp(22, "::/0"));
            ec2.createNetworkInterface(r -> r.subnetId(privateA).groups(sg("db")).description("reporting host"));
        }
        try (ElastiCacheClient cache = moto.configure(ElastiCacheClient.builder(), "us-east-1").build()) {
            cache.createCacheSubnetGroup(r -> r.cacheSubnetGroupName("cache-net").cacheSubnetGroupDescription("cache")
                    .subnetIds(publicSubnet, privateB));
            cache.createCacheCluster(r -> r.cacheClusterId("redis-cache").engine("redis").cacheNodeType("cache.t3.small")
                    .numCacheNodes(1).cacheSubnetGroupName("cache-net").securityGroupIds(sg("redis")));
        }
        database("us-east-1", "orders-db", "db-private", List.of(privateA, privateB), sg("db"));
        try (ElasticLoadBalancingV2Client elb = moto.configure(ElasticLoadBalancingV2Client.builder(), "us-east-1")
                .build()) {
            elb.createLoadBalancer(r -> r.name("web").type(LoadBalancerTypeEnum.APPLICATION)
                    .subnets(publicSubnet, privateB).securityGroups(sg("alb")));
            elb.createLoadBalancer(r -> r.name("mqtt").type(LoadBalancerTypeEnum.NETWORK).subnets(publicSubnet));
        }
        try (EcsClient ecs = moto.configure(EcsClient.builder(), "us-east-1").build()) {
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.registerTaskDefinition(r -> r.family("app").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode("awsvpc").cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image("nginx").essential(true)));
            ecs.createService(r -> r.cluster("prod").serviceName("ai-router").taskDefinition("app").desiredCount(1)
                    .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v
                            .subnets(privateA).securityGroups(sg("app")))));
            ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("app").desiredCount(2)
                    .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v
                            .subnets(privateA, privateB).securityGroups(sg("app")))));
        }
        // moto stores a cache cluster's security groups but leaves them out of DescribeCacheClusters.
        String member = "<SecurityGroups><member><SecurityGroupId>" + sg("redis") + "</SecurityGroupId>"
                + "<Status>active</Status></member></SecurityGroups>";
        proxy.when(r -> r.operation().equals("DescribeCacheClusters"), new StubProxy.Rewrite(body -> body.replace(
                "<CacheClusterId>redis-cache</CacheClusterId>", "<CacheClusterId>redis-cache</CacheClusterId>" + member)));
    }

    /** eu-west-1: a VPC whose main route table goes to the internet gateway, a database in it, RDP open to ::/0. */
    private void seedEuWest1() {
        List<String> subnets;
        try (Ec2Client ec2 = moto.configure(Ec2Client.builder(), "eu-west-1").build()) {
            Vpc vpc = vpc(ec2, "10.1.0.0/16");
            subnets = List.of(subnet(ec2, vpc, "10.1.1.0/24", "eu-west-1a"), subnet(ec2, vpc, "10.1.2.0/24", "eu-west-1b"));
            euMainTable = ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(vpc.id()),
                    f -> f.name("association.main").values("true"))).routeTables().get(0).routeTableId();
            ec2.createRoute(r -> r.routeTableId(euMainTable).destinationCidrBlock("0.0.0.0/0")
                    .gatewayId(vpc.internetGateway()));
            group(ec2, vpc, "eu-rdp", tcp(3389, "::/0"));
        }
        database("eu-west-1", "eu-orders", "eu-db", subnets);
    }

    // --- running ---------------------------------------------------------------------------------------------

    private CliRun audit(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region",
                "us-east-1,eu-west-1", "--checks", String.join(",", CHECKS), "--format", "json"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The id of the security group the seed named {@code name}. */
    private String sg(String name) {
        return groups.get(name);
    }

    // --- tests -----------------------------------------------------------------------------------------------

    @Test
    void theFourNetworkChecksJudgeTheSeededAccountInTwoRegions() {
        seedUsEast1();
        seedEuWest1();

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        Map<String, String> statuses = ReportFindings.statuses(report, CHECKS::contains);
        // moto's default VPC of each region adds its default security group (no inbound rule from the internet).
        statuses.keySet().removeIf(k -> k.startsWith("ec2.security-group-open-ports ")
                && !groups.containsValue(k.substring(k.lastIndexOf(' ') + 1)));
        assertThat(statuses).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("ec2.security-group-open-ports us-east-1 " + sg("redis"), "NOK"),
                Map.entry("ec2.security-group-open-ports us-east-1 " + sg("alb"), "OK"),
                Map.entry("ec2.security-group-open-ports us-east-1 " + sg("app"), "OK"),
                Map.entry("ec2.security-group-open-ports us-east-1 " + sg("db"), "OK"),
                Map.entry("ec2.security-group-open-ports us-east-1 " + sg("old-ssh"), "NOK"),
                Map.entry("ec2.security-group-open-ports eu-west-1 " + sg("eu-rdp"), "NOK"),
                Map.entry("vpc.private-data-stores us-east-1 redis-cache", "NOK"),
                Map.entry("vpc.private-data-stores us-east-1 orders-db", "OK"),
                Map.entry("vpc.private-data-stores eu-west-1 eu-orders", "NOK"),
                Map.entry("ecs.service-redundancy us-east-1 prod/ai-router", "NOK"),
                Map.entry("ecs.service-redundancy us-east-1 prod/api", "OK"),
                Map.entry("elbv2.multi-az us-east-1 web", "OK"),
                Map.entry("elbv2.multi-az us-east-1 mqtt", "NOK"))));
        long defaultGroups = ReportFindings.statuses(report, "ec2.security-group-open-ports"::equals).entrySet()
                .stream().filter(e -> !groups.containsValue(e.getKey().substring(e.getKey().lastIndexOf(' ') + 1)))
                .peek(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo("OK")).count();
        assertThat(defaultGroups).as("a default group per VPC: two in us-east-1, two in eu-west-1").isEqualTo(4);
    }

    @Test
    void findingsNameTheRuleTheSubnetTheRouteTableAndWhoUsesTheGroup() {
        seedUsEast1();
        seedEuWest1();

        JsonNode report = audit().json();

        JsonNode redis = finding(report, "ec2.security-group-open-ports", "us-east-1", sg("redis"));
        assertThat(redis.get("message").asText()).contains("tcp 6379 from 0.0.0.0/0 (Redis 6379)");
        assertThat(redis.get("evidence").get("GroupName").asText()).isEqualTo("redis");
        assertThat(redis.get("evidence").get("UsedBy").toString()).isEqualTo("[\"ElastiCache redis-cache\"]");
        assertThat(redis.get("resourceArn").asText()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:security-group/"
                + sg("redis"));
        JsonNode alb = finding(report, "ec2.security-group-open-ports", "us-east-1", sg("alb"));
        assertThat(alb.get("message").asText()).isEqualTo("Open to the internet only on tcp 443 from 0.0.0.0/0; tcp 443"
                + " from ::/0: no admin or data port.");
        assertThat(alb.get("evidence").get("UsedBy").toString()).isEqualTo("[\"ELB web\"]");
        assertThat(finding(report, "ec2.security-group-open-ports", "us-east-1", sg("app")).get("evidence")
                .get("UsedBy").toString()).isEqualTo("[\"ECS prod/ai-router\",\"ECS prod/api\"]");
        assertThat(finding(report, "ec2.security-group-open-ports", "us-east-1", sg("db")).get("evidence")
                .get("UsedBy").toString()).startsWith("[\"RDS orders-db\",\"ENI eni-").endsWith(" (reporting host)\"]");
        JsonNode oldSsh = finding(report, "ec2.security-group-open-ports", "us-east-1", sg("old-ssh"));
        assertThat(oldSsh.get("evidence").get("UsedBy").asText()).isEqualTo("nothing");
        assertThat(oldSsh.get("message").asText()).contains("tcp 22 from ::/0 (SSH 22)")
                .contains("Nothing audited uses the group");

        JsonNode cache = finding(report, "vpc.private-data-stores", "us-east-1", "redis-cache");
        assertThat(cache.get("resourceType").asText()).isEqualTo("AWS::ElastiCache::CacheCluster");
        assertThat(cache.get("message").asText()).startsWith("In a public subnet: " + publicSubnet + " (us-east-1a) uses"
                + " route table " + publicRouteTable + ", which routes 0.0.0.0/0 to igw-");
        assertThat(cache.get("evidence").get("SubnetGroup").asText()).isEqualTo("cache-net");
        JsonNode eu = finding(report, "vpc.private-data-stores", "eu-west-1", "eu-orders");
        assertThat(eu.get("message").asText()).contains("use route table " + euMainTable + " (the main table of vpc-");

        assertThat(finding(report, "ecs.service-redundancy", "us-east-1", "prod/ai-router").get("message").asText())
                .isEqualTo("One task: a task restart or a zone failure is an outage. One Availability Zone"
                        + " (us-east-1a): every subnet of the service is there, so a zone failure is an outage.");
        assertThat(finding(report, "ecs.service-redundancy", "us-east-1", "prod/api").get("message").asText())
                .isEqualTo("2 tasks across 2 Availability Zones (us-east-1a, us-east-1b).");
        assertThat(finding(report, "elbv2.multi-az", "us-east-1", "mqtt").get("message").asText())
                .startsWith("One Availability Zone (us-east-1a)");
    }

    @Test
    void eachNetworkListIsWalkedOncePerRegion() {
        seedUsEast1();
        seedEuWest1();

        JsonNode calls = audit().json().get("stats").get("apiCalls");

        for (String action : List.of("ec2:DescribeSecurityGroups", "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeSubnets", "ec2:DescribeRouteTables", "elasticache:DescribeCacheSubnetGroups")) {
            assertThat(calls.get(action).asInt()).as(action).isEqualTo(2);
        }
        // vpc.private-data-stores and elbv2.multi-az ask nothing else of EC2 (no DescribeVpcs, no per-subnet call).
        List<String> ec2 = new ArrayList<>();
        calls.fieldNames().forEachRemaining(a -> {
            if (a.startsWith("ec2:")) {
                ec2.add(a);
            }
        });
        assertThat(ec2).containsExactlyInAnyOrder("ec2:DescribeSecurityGroups", "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeSubnets", "ec2:DescribeRouteTables");
    }

    @Test
    void onlyTheSelectedCheckCreatesTheEc2Client() {
        seedUsEast1();

        JsonNode calls = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                "--checks", "elbv2.multi-az", "--format", "json").json().get("stats").get("apiCalls");

        List<String> services = new ArrayList<>();
        calls.fieldNames().forEachRemaining(a -> services.add(a.split(":")[0]));
        assertThat(services).doesNotContain("ec2").contains("elasticloadbalancing");
        assertThat(proxy.requests()).noneMatch(r -> r.service().equals("ec2"));
    }
}
