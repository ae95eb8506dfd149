package com.huntaze.audit.services.ec2;

import static com.huntaze.audit.testing.Fixtures.cacheCluster;
import static com.huntaze.audit.testing.Fixtures.db;
import static com.huntaze.audit.testing.Fixtures.ecsService;
import static com.huntaze.audit.testing.Fixtures.loadBalancer;
import static com.huntaze.audit.testing.NetworkFixtures.allTraffic;
import static com.huntaze.audit.testing.NetworkFixtures.networkInterface;
import static com.huntaze.audit.testing.NetworkFixtures.rule;
import static com.huntaze.audit.testing.NetworkFixtures.securityGroup;
import static com.huntaze.audit.testing.NetworkFixtures.tcp;
import static com.huntaze.audit.testing.NetworkFixtures.udp;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.services.ecs.EcsDatasets;
import com.huntaze.audit.services.elasticache.ElastiCacheDatasets;
import com.huntaze.audit.services.elbv2.Elbv2Datasets;
import com.huntaze.audit.services.elbv2.LoadBalancer;
import com.huntaze.audit.services.rds.RdsDatasets;
import com.huntaze.audit.testing.CheckHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2SecurityGroupOpenPortsCheckTest {

    /** The groups, with nothing else in the region. */
    private static CheckHarness audit(SecurityGroup... groups) {
        return CheckHarness.of(new Ec2SecurityGroupOpenPortsCheck())
                .with(Ec2Datasets.SECURITY_GROUPS, List.of(groups))
                .with(Ec2Datasets.NETWORK_INTERFACES, List.of())
                .with(RdsDatasets.DB_INSTANCES, List.of())
                .with(ElastiCacheDatasets.CACHE_CLUSTERS, List.of())
                .with(EcsDatasets.SERVICES, List.of())
                .with(Elbv2Datasets.LOAD_BALANCERS, List.of());
    }

    private static Finding judge(SecurityGroup group) {
        return audit(group).finding(group.id());
    }

    @Test
    void redisOpenToTheWorldIsNokAndTheAlbOpenOn443OnlyIsOk() {
        var audit = audit(securityGroup("sg-redis", "redis", tcp(6379, 6379, "0.0.0.0/0")),
                securityGroup("sg-alb", "alb", tcp(443, 443, "0.0.0.0/0", "::/0"), tcp(80, 80, "0.0.0.0/0")));

        Finding redis = audit.finding("sg-redis");
        assertThat(redis.status()).isEqualTo(Status.NOK);
        assertThat(redis.message()).isEqualTo("Open to the internet on an admin or data port: tcp 6379 from"
                + " 0.0.0.0/0 (Redis 6379). Nothing audited uses the group: delete it, or at least these rules.");
        assertThat(redis.evidence()).containsEntry("GroupName", "redis").containsEntry("VpcId", "vpc-0a1b2c3d")
                .containsEntry("OpenRules", List.of("tcp 6379 from 0.0.0.0/0 (Redis 6379)"));
        assertThat(redis.resourceArn()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:security-group/sg-redis");
        assertThat(redis.resourceType()).isEqualTo("AWS::EC2::SecurityGroup");
        assertThat(redis.remediation()).contains("revoke-security-group-ingress");

        Finding alb = audit.finding("sg-alb");
        assertThat(alb.status()).isEqualTo(Status.OK);
        assertThat(alb.message()).isEqualTo("Open to the internet only on tcp 443 from 0.0.0.0/0; tcp 443 from ::/0;"
                + " tcp 80 from 0.0.0.0/0: no admin or data port.");
        assertThat(alb.evidence()).containsEntry("OpenToInternet",
                List.of("tcp 443 from 0.0.0.0/0", "tcp 443 from ::/0", "tcp 80 from 0.0.0.0/0"));
    }

    @Test
    void ipv6WorldIsTheInternetToo() {
        Finding f = judge(securityGroup("sg-ssh6", "bastion", tcp(22, 22, "::/0")));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("tcp 22 from ::/0 (SSH 22)");
    }

    @Test
    void aPortRangeThatContainsAdminPortsNamesEachOfThem() {
        Finding f = judge(securityGroup("sg-low", "low-ports", tcp(1, 1024, "0.0.0.0/0")));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("tcp 1-1024 from 0.0.0.0/0 (FTP 20-21, SSH 22, Telnet 23)");
    }

    @Test
    void aRangeThatOnlyTouchesTheEdgeOfAListedRangeStillCounts() {
        // 9300 is the last port of Elasticsearch/OpenSearch's 9200-9300.
        assertThat(judge(securityGroup("sg-es", "es", tcp(9300, 9400, "0.0.0.0/0"))).message())
                .contains("tcp 9300-9400 from 0.0.0.0/0 (Elasticsearch/OpenSearch 9200-9300)");
        assertThat(judge(securityGroup("sg-web", "web", tcp(8000, 9091, "0.0.0.0/0"))).status()).isEqualTo(Status.OK);
    }

    @Test
    void protocolMinusOneIsEveryPort() {
        Finding f = judge(securityGroup("sg-all", "wide-open", allTraffic("0.0.0.0/0", "::/0")));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("all traffic from 0.0.0.0/0; all traffic from ::/0");
        assertThat(f.evidence()).containsEntry("OpenRules", List.of("all traffic from 0.0.0.0/0",
                "all traffic from ::/0"));
    }

    @Test
    void everyTcpPortIsSaidSoRatherThanListingThemAll() {
        assertThat(judge(securityGroup("sg-any", "any", tcp(0, 65535, "0.0.0.0/0"))).message())
                .contains("tcp 0-65535 from 0.0.0.0/0 (every admin and data port)");
    }

    @Test
    void udpCountsLikeTcpTheMemcachedAmplificationCase() {
        Finding f = judge(securityGroup("sg-mc", "memcached", udp(11211, 11211, "0.0.0.0/0")));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("udp 11211 from 0.0.0.0/0 (Memcached 11211)");
    }

    @Test
    void protocolNumbersReadAsTheirNames() {
        assertThat(judge(securityGroup("sg-num", "numbers", rule("6", 3306, 3306, "0.0.0.0/0"))).message())
                .contains("tcp 3306 from 0.0.0.0/0 (MySQL 3306)");
    }

    @Test
    void narrowerSourcesAndIcmpAreNotJudged() {
        var audit = audit(securityGroup("sg-vpn", "from-office", tcp(22, 22, "203.0.113.0/24"), tcp(5432, 5432, "10.0.0.0/8")),
                securityGroup("sg-ping", "ping", rule("icmp", 8, -1, "0.0.0.0/0")),
                securityGroup("sg-empty", "empty"));

        assertThat(audit.finding("sg-vpn").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("sg-vpn").message()).isEqualTo("No inbound rule from the internet.");
        assertThat(audit.finding("sg-ping").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("sg-ping").message()).contains("only on icmp from 0.0.0.0/0");
        assertThat(audit.finding("sg-empty").status()).isEqualTo(Status.OK);
    }

    @Test
    void theDefaultGroupIsJudgedLikeAnyOther() {
        Finding f = judge(securityGroup("sg-default", "default", tcp(3389, 3389, "0.0.0.0/0")));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.evidence()).containsEntry("GroupName", "default");
    }

    @Test
    void eachOffendingRuleIsNamedOnceInTheMessage() {
        Finding f = judge(securityGroup("sg-db", "db", tcp(5432, 5432, "0.0.0.0/0", "0.0.0.0/0"),
                tcp(443, 443, "0.0.0.0/0"), tcp(27017, 27017, "::/0")));

        assertThat(f.message()).isEqualTo("Open to the internet on an admin or data port: tcp 5432 from 0.0.0.0/0"
                + " (PostgreSQL 5432); tcp 27017 from ::/0 (MongoDB 27017-27018). Nothing audited uses the group:"
                + " delete it, or at least these rules.");
    }

    @Test
    void theEvidenceListsWhatUsesTheGroupByKindThenId() {
        var audit = audit(securityGroup("sg-shared", "shared", tcp(22, 22, "0.0.0.0/0")))
                .with(RdsDatasets.DB_INSTANCES, List.of(db("orders").securityGroups("sg-shared").build(),
                        db("billing").securityGroups("sg-shared", "sg-other").build(),
                        db("elsewhere").securityGroups("sg-other").build()))
                .with(ElastiCacheDatasets.CACHE_CLUSTERS, List.of(
                        cacheCluster("sessions-001").memberOf("sessions").securityGroups("sg-shared").build(),
                        cacheCluster("sessions-002").memberOf("sessions").securityGroups("sg-shared").build(),
                        cacheCluster("jobs").securityGroups("sg-shared").build()))
                .with(EcsDatasets.SERVICES, List.of(ecsService("prod", "api").securityGroups("sg-shared").build(),
                        ecsService("prod", "gone").status("INACTIVE").securityGroups("sg-shared").build()))
                .with(Elbv2Datasets.LOAD_BALANCERS, List.of(new LoadBalancer("web", "arn:lb", "application",
                        "internet-facing", "web.example", "active", "vpc-0a1b2c3d", List.of("us-east-1a", "us-east-1b"),
                        null, List.of("sg-shared"), List.of())))
                .with(Ec2Datasets.NETWORK_INTERFACES, List.of(
                        networkInterface("eni-0b", "i-0bastion", "", "sg-shared"),
                        networkInterface("eni-0a", null, "RDSNetworkInterface", "sg-shared")));

        Finding f = audit.finding("sg-shared");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.evidence().get("UsedBy")).isEqualTo(List.of("RDS billing", "RDS orders", "ElastiCache jobs",
                "ElastiCache sessions", "ECS prod/api", "ELB web", "ENI eni-0a (RDSNetworkInterface)",
                "ENI eni-0b (i-0bastion)"));
        assertThat(f.message()).doesNotContain("Nothing audited uses");
    }

    @Test
    void aGroupUsedByNothingIsStillJudgedAndSaysSo() {
        var audit = audit(securityGroup("sg-unused-open", "old-bastion", tcp(22, 22, "0.0.0.0/0")),
                securityGroup("sg-unused-closed", "old-app", tcp(8080, 8080, "10.0.0.0/16")));

        assertThat(audit.finding("sg-unused-open").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("sg-unused-open").evidence()).containsEntry("UsedBy", "nothing");
        assertThat(audit.finding("sg-unused-closed").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("sg-unused-closed").evidence()).containsEntry("UsedBy", "nothing");
    }

    @Test
    void aLongListOfUsersIsCappedWithAndNMore() {
        List<NetworkInterface> enis = new ArrayList<>();
        for (int i = 10; i < 25; i++) {
            enis.add(networkInterface("eni-0" + i, "i-0" + i, "", "sg-fleet"));
        }
        var audit = audit(securityGroup("sg-fleet", "fleet", tcp(443, 443, "0.0.0.0/0")))
                .with(Ec2Datasets.NETWORK_INTERFACES, enis);

        @SuppressWarnings("unchecked")
        List<String> usedBy = (List<String>) audit.finding("sg-fleet").evidence().get("UsedBy");
        assertThat(usedBy).hasSize(11).startsWith("ENI eni-010 (i-010)").endsWith("and 5 more");
    }

    @Test
    void thePortListIsTheChecksDeclaredOneUnlessGivenAnother() {
        assertThat(new Ec2SecurityGroupOpenPortsCheck().ports())
                .isEqualTo(Ec2SecurityGroupOpenPortsCheck.ADMIN_AND_DATA_PORTS)
                .extracting(PortRange::ports).containsExactly("22", "3389", "23", "20-21", "3306", "5432",
                        "1433-1434", "1521", "6379", "11211", "27017-27018", "9092", "9200-9300", "5601");
        var custom = new Ec2SecurityGroupOpenPortsCheck(List.of(PortRange.of(8080, "admin console")));
        var audit = CheckHarness.of(custom)
                .with(Ec2Datasets.SECURITY_GROUPS, List.of(securityGroup("sg-a", "a", tcp(8080, 8080, "0.0.0.0/0")),
                        securityGroup("sg-b", "b", tcp(22, 22, "0.0.0.0/0"))))
                .with(Ec2Datasets.NETWORK_INTERFACES, List.of())
                .with(RdsDatasets.DB_INSTANCES, List.of())
                .with(ElastiCacheDatasets.CACHE_CLUSTERS, List.of())
                .with(EcsDatasets.SERVICES, List.of())
                .with(Elbv2Datasets.LOAD_BALANCERS, List.of(loadBalancer("web", "application", "internet-facing")));

        assertThat(audit.finding("sg-a").message()).contains("tcp 8080 from 0.0.0.0/0 (admin console 8080)");
        assertThat(audit.finding("sg-b").status()).isEqualTo(Status.OK);
    }

    @Test
    void aDeniedDescribeSecurityGroupsIsOneTodoNamingTheAction() {
        var denied = new CollectionFailure("ec2:DescribeSecurityGroups", CollectionFailure.Kind.ACCESS_DENIED,
                "UnauthorizedOperation", "not authorized");
        var audit = audit().failing("us-east-1", Ec2Datasets.SECURITY_GROUPS, denied);

        Finding todo = audit.findingIn("us-east-1").orElseThrow();
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).contains("ec2:DescribeSecurityGroups").contains("access denied");
        assertThat(audit.findings()).hasSize(1);
    }

    @Test
    void aUserDatasetThatCouldNotBeReadIsNamedAsUnknownAndTheGroupIsStillJudged() {
        var denied = new CollectionFailure("ecs:ListClusters", CollectionFailure.Kind.ACCESS_DENIED, "AccessDenied",
                "not authorized");
        var audit = audit(securityGroup("sg-open", "bastion", tcp(22, 22, "0.0.0.0/0")))
                .failing("us-east-1", EcsDatasets.SERVICES, denied);

        Finding open = audit.finding("sg-open");
        assertThat(open.status()).isEqualTo(Status.NOK);
        assertThat(open.evidence()).containsEntry("UsedBy", "nothing among what could be read")
                .containsEntry("UsedByUnknown", List.of("ECS services (ecs:ListClusters access denied (AccessDenied))"));
        assertThat(open.message()).as("not called unused: its users are unknown").doesNotContain("Nothing audited");
    }
}
