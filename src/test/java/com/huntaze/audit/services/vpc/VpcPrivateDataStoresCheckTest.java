package com.huntaze.audit.services.vpc;

import static com.huntaze.audit.testing.Fixtures.cacheCluster;
import static com.huntaze.audit.testing.Fixtures.cacheGroup;
import static com.huntaze.audit.testing.Fixtures.db;
import static com.huntaze.audit.testing.NetworkFixtures.cacheSubnetGroup;
import static com.huntaze.audit.testing.NetworkFixtures.mainTable;
import static com.huntaze.audit.testing.NetworkFixtures.route;
import static com.huntaze.audit.testing.NetworkFixtures.subnets;
import static com.huntaze.audit.testing.NetworkFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.services.elasticache.CacheCluster;
import com.huntaze.audit.services.elasticache.CacheReplicationGroup;
import com.huntaze.audit.services.elasticache.CacheSubnetGroup;
import com.huntaze.audit.services.elasticache.ElastiCacheDatasets;
import com.huntaze.audit.services.rds.DbInstance;
import com.huntaze.audit.services.rds.RdsDatasets;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class VpcPrivateDataStoresCheckTest {

    /**
     * The fixtures' VPC: subnet-0private1/2 (us-east-1a/b) on the main table, which has only its local route;
     * subnet-0public1/2 on rtb-public, which sends 0.0.0.0/0 to igw-0internet.
     */
    private static final List<RouteTable> TABLES = List.of(mainTable("rtb-main"),
            table("rtb-public", List.of("subnet-0public1", "subnet-0public2"), route("0.0.0.0/0", "igw-0internet")));

    private static final List<CacheSubnetGroup> CACHE_SUBNET_GROUPS = List.of(
            cacheSubnetGroup("private", "subnet-0private1", "subnet-0private2"),
            cacheSubnetGroup("mixed", "subnet-0private1", "subnet-0public2"));

    private static CheckHarness audit(List<DbInstance> dbs, List<CacheReplicationGroup> groups,
                                      List<CacheCluster> clusters, List<RouteTable> tables) {
        return CheckHarness.of(new VpcPrivateDataStoresCheck())
                .with(RdsDatasets.DB_INSTANCES, dbs)
                .with(ElastiCacheDatasets.REPLICATION_GROUPS, groups)
                .with(ElastiCacheDatasets.CACHE_CLUSTERS, clusters)
                .with(ElastiCacheDatasets.CACHE_SUBNET_GROUPS, CACHE_SUBNET_GROUPS)
                .with(VpcDatasets.SUBNETS, subnets())
                .with(VpcDatasets.ROUTE_TABLES, tables);
    }

    private static CheckHarness dbs(DbInstance... dbs) {
        return audit(List.of(dbs), List.of(), List.of(), TABLES);
    }

    @Test
    void anInstanceInPrivateSubnetsIsOkAndOneWithAPublicSubnetIsNokNamingSubnetAndRouteTable() {
        var audit = dbs(db("orders").build(),
                db("analytics").subnetGroup("mixed-db", "subnet-0private1", "subnet-0public2").build());

        Finding orders = audit.finding("orders");
        assertThat(orders.status()).isEqualTo(Status.OK);
        assertThat(orders.message()).isEqualTo("All 2 subnets of its subnet group are private: no route to an"
                + " internet gateway.");
        assertThat(orders.evidence()).containsEntry("SubnetGroup", "private").containsEntry("Subnets",
                List.of("subnet-0private1 (us-east-1a): rtb-main (main)", "subnet-0private2 (us-east-1b): rtb-main (main)"));
        assertThat(orders.resourceType()).isEqualTo("AWS::RDS::DBInstance");

        Finding analytics = audit.finding("analytics");
        assertThat(analytics.status()).isEqualTo(Status.NOK);
        assertThat(analytics.message()).startsWith("In a public subnet: subnet-0public2 (us-east-1b) uses route table"
                + " rtb-public, which routes 0.0.0.0/0 to igw-0internet. A data store belongs in private subnets");
        assertThat(analytics.evidence()).containsEntry("SubnetGroup", "mixed-db")
                .containsEntry("PublicSubnets", List.of("subnet-0public2 (us-east-1b): rtb-public routes 0.0.0.0/0 to"
                        + " igw-0internet"));
        assertThat(analytics.resourceArn()).isEqualTo("arn:aws:rds:us-east-1:123456789012:db:analytics");
        assertThat(analytics.remediation()).contains("--db-subnet-group-name");
    }

    @Test
    void aSubnetWithoutItsOwnTableUsesTheMainTableWhichCanBePublicToo() {
        var publicMain = List.of(new RouteTable("rtb-main", "vpc-0a1b2c3d", true, List.of(),
                        List.of(route("10.0.0.0/16", "local"), route("::/0", "igw-0internet"))),
                table("rtb-private", List.of("subnet-0private2")));

        Finding f = audit(List.of(db("orders").build()), List.of(), List.of(), publicMain).finding("orders");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("subnet-0private1 (us-east-1a) uses route table rtb-main (the main table of"
                + " vpc-0a1b2c3d), which routes ::/0 to igw-0internet").doesNotContain("subnet-0private2 (");
    }

    @Test
    void anyDestinationToAnInternetGatewayCountsButNotNatOrBlackholeRoutes() {
        var tables = List.of(mainTable("rtb-main"),
                table("rtb-nat", List.of("subnet-0private1"), route("0.0.0.0/0", "nat-0abc"),
                        new Route("198.51.100.0/24", "igw-0old", "blackhole")),
                table("rtb-partner", List.of("subnet-0private2"), route("203.0.113.0/24", "igw-0internet")));

        var audit = audit(List.of(db("nat-only").subnetGroup("nat", "subnet-0private1").build(),
                db("partner").subnetGroup("partner", "subnet-0private2").build()), List.of(), List.of(), tables);

        assertThat(audit.finding("nat-only").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("nat-only").message()).isEqualTo("The one subnet of its subnet group is private: no"
                + " route to an internet gateway.");
        assertThat(audit.finding("partner").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("partner").message()).contains("which routes 203.0.113.0/24 to igw-0internet");
    }

    @Test
    void aStandaloneCacheIsJudgedByItsCacheSubnetGroupAndAReplicationGroupByItsMembers() {
        var audit = audit(List.of(),
                List.of(cacheGroup("sessions").build(), cacheGroup("queue").build()),
                List.of(cacheCluster("sessions-001").memberOf("sessions").build(),
                        cacheCluster("sessions-002").memberOf("sessions").build(),
                        // moto and some answers omit ReplicationGroupId on the members: the group's list says it
                        cacheCluster("queue-001").subnetGroup("mixed").build(),
                        cacheCluster("redis-cache").subnetGroup("mixed").build(),
                        cacheCluster("fragments").engine("memcached").build()),
                TABLES);

        Finding sessions = audit.finding("sessions");
        assertThat(sessions.status()).isEqualTo(Status.OK);
        assertThat(sessions.resourceType()).isEqualTo("AWS::ElastiCache::ReplicationGroup");
        assertThat(audit.finding("queue").status()).isEqualTo(Status.NOK);
        Finding redis = audit.finding("redis-cache");
        assertThat(redis.status()).isEqualTo(Status.NOK);
        assertThat(redis.resourceType()).isEqualTo("AWS::ElastiCache::CacheCluster");
        assertThat(redis.evidence()).containsEntry("SubnetGroup", "mixed");
        assertThat(redis.message()).contains("subnet-0public2 (us-east-1b) uses route table rtb-public, which routes"
                + " 0.0.0.0/0 to igw-0internet");
        assertThat(audit.finding("fragments").status()).as("Memcached is a data store too").isEqualTo(Status.OK);
        assertThat(audit.findings()).extracting(Finding::resourceId)
                .doesNotContain("sessions-001", "sessions-002", "queue-001");
    }

    @Test
    void unknownPlacementIsTodoNeverOk() {
        var audit = audit(List.of(db("no-group").noSubnetGroup().build(),
                        db("foreign").subnetGroup("shared", "subnet-0elsewhere").build()),
                List.of(cacheGroup("lost").build()),
                List.of(cacheCluster("solo").subnetGroup(null).build(),
                        cacheCluster("renamed").subnetGroup("deleted-group").build()),
                List.of(table("rtb-public", List.of("subnet-0public1"), route("0.0.0.0/0", "igw-0internet"))));

        assertThat(audit.finding("no-group").status()).isEqualTo(Status.TODO);
        assertThat(audit.finding("no-group").message()).contains("names no DB subnet group");
        assertThat(audit.finding("lost").status()).isEqualTo(Status.TODO);
        assertThat(audit.finding("lost").message()).contains("no member cluster with a cache subnet group");
        assertThat(audit.finding("solo").status()).isEqualTo(Status.TODO);
        assertThat(audit.finding("renamed").message()).contains("deleted-group is not in DescribeCacheSubnetGroups");
        // No main table listed for the VPC: the route table of subnet-0elsewhere is unknown.
        assertThat(audit.finding("foreign").status()).isEqualTo(Status.TODO);
        assertThat(audit.finding("foreign").message()).contains("No route table is known for subnet-0elsewhere");
    }

    @Test
    void onePublicSubnetIsEnoughForNokEvenWhenAnotherIsUnknown() {
        var audit = audit(List.of(db("half").subnetGroup("g", "subnet-0public1", "subnet-0unknown").build()),
                List.of(), List.of(),
                List.of(table("rtb-public", List.of("subnet-0public1"), route("0.0.0.0/0", "igw-0internet"))));

        assertThat(audit.finding("half").status()).isEqualTo(Status.NOK);
    }

    @Test
    void severalPublicSubnetsOfOneTableAreNamedTogether() {
        var dual = List.of(mainTable("rtb-main"), table("rtb-public", List.of("subnet-0public1", "subnet-0public2"),
                route("0.0.0.0/0", "igw-0internet"), route("::/0", "igw-0internet")));

        Finding f = audit(List.of(db("exposed").subnetGroup("public", "subnet-0public1", "subnet-0public2").build()),
                List.of(), List.of(), dual).finding("exposed");

        assertThat(f.message()).startsWith("In a public subnet: subnet-0public1 (us-east-1a), subnet-0public2"
                + " (us-east-1b) use route table rtb-public, which routes 0.0.0.0/0 and ::/0 to igw-0internet.");
        assertThat(f.evidence().get("PublicSubnets")).isEqualTo(List.of(
                "subnet-0public1 (us-east-1a): rtb-public routes 0.0.0.0/0 and ::/0 to igw-0internet",
                "subnet-0public2 (us-east-1b): rtb-public routes 0.0.0.0/0 and ::/0 to igw-0internet"));
    }

    @Test
    void noDataStoresMeansNoFindings() {
        assertThat(dbs().findings()).isEmpty();
    }
}
