package com.huntaze.audit.testing;

import com.huntaze.audit.services.elasticache.CacheCluster;
import com.huntaze.audit.services.elasticache.CacheReplicationGroup;
import com.huntaze.audit.services.rds.DbCluster;
import com.huntaze.audit.services.rds.DbInstance;
import com.huntaze.audit.services.ecs.EcsCluster;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.services.cloudwatch.CloudWatchAlarms;
import com.huntaze.audit.services.cloudwatch.CompositeAlarm;
import com.huntaze.audit.services.ecs.EcsService;
import com.huntaze.audit.services.ecs.EcsTaskDefinition;
import com.huntaze.audit.services.iam.IamAccessKey;
import com.huntaze.audit.services.iam.IamUser;
import com.huntaze.audit.services.elbv2.ListenerAction;
import com.huntaze.audit.services.elbv2.LoadBalancer;
import com.huntaze.audit.services.elbv2.LoadBalancerListener;
import com.huntaze.audit.services.logs.LogGroup;
import com.huntaze.audit.services.cloudwatch.MetricAlarm;
import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.inventory.MetricSeries;
import com.huntaze.audit.services.elbv2.RegisteredTarget;
import com.huntaze.audit.services.secretsmanager.Secret;
import com.huntaze.audit.services.elbv2.TargetGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sensible, fully compliant resources that a test changes one field of: {@code db("a").multiAz(false)}. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A compliant standalone instance. */
    public static DbBuilder db(String id) {
        return new DbBuilder(id);
    }

    public static final class DbBuilder {
        private final String id;
        private String engine = "postgres";
        private boolean multiAz = true;
        private int backupDays = 7;
        private boolean publiclyAccessible;
        private boolean encrypted = true;
        private boolean deletionProtection = true;
        private String clusterId;
        private String instanceClass = "db.t3.medium";
        private int storageGb = 20;
        private String storageType = "gp2";
        private Instant created;
        private List<String> securityGroups = List.of("sg-0db");
        private String subnetGroup = "private";
        private List<String> subnets = List.of("subnet-0private1", "subnet-0private2");
        private String engineVersion = "16.4";
        private Boolean autoMinorVersionUpgrade = true;

        private DbBuilder(String id) {
            this.id = id;
        }

        public DbBuilder engine(String value) { engine = value; return this; }
        public DbBuilder multiAz(boolean value) { multiAz = value; return this; }
        public DbBuilder backupDays(int value) { backupDays = value; return this; }
        public DbBuilder publiclyAccessible(boolean value) { publiclyAccessible = value; return this; }
        public DbBuilder encrypted(boolean value) { encrypted = value; return this; }
        public DbBuilder deletionProtection(boolean value) { deletionProtection = value; return this; }
        public DbBuilder cluster(String value) { clusterId = value; engine = "aurora-postgresql"; storageType = "aurora"; return this; }
        public DbBuilder instanceClass(String value) { instanceClass = value; return this; }
        public DbBuilder storage(int gb, String type) { storageGb = gb; storageType = type; return this; }
        /** Its InstanceCreateTime (default: unknown). */
        public DbBuilder created(Instant value) { created = value; return this; }
        /** Its VpcSecurityGroups (default: sg-0db). */
        public DbBuilder securityGroups(String... ids) { securityGroups = List.of(ids); return this; }
        /** Its DB subnet group, in vpc-0a1b2c3d (default: "private", subnet-0private1 and subnet-0private2). */
        public DbBuilder subnetGroup(String name, String... subnetIds) { subnetGroup = name; subnets = List.of(subnetIds); return this; }
        /** No DBSubnetGroup in the answer (as moto describes an instance created without one). */
        public DbBuilder noSubnetGroup() { subnetGroup = null; subnets = List.of(); return this; }
        public DbBuilder engineVersion(String value) { engineVersion = value; return this; }
        public DbBuilder autoMinorVersionUpgrade(Boolean value) { autoMinorVersionUpgrade = value; return this; }

        public DbInstance build() {
            return new DbInstance(id, "arn:aws:rds:us-east-1:123456789012:db:" + id, engine, instanceClass, multiAz,
                    backupDays, publiclyAccessible, encrypted, deletionProtection, clusterId, "us-east-1a", storageGb,
                    storageType, created, securityGroups, subnetGroup, subnetGroup == null ? null : "vpc-0a1b2c3d",
                    subnets, engineVersion, autoMinorVersionUpgrade);
        }
    }

    public static DbCluster aurora(String id, boolean multiAz, int backupDays, boolean encrypted, String... members) {
        return new DbCluster(id, "arn:aws:rds:us-east-1:123456789012:cluster:" + id, "aurora-postgresql", multiAz,
                backupDays, encrypted, true, List.of(members), "16.4");
    }

    public static EcsCluster ecsCluster(String name, String status, int running, int pending, int instances,
                                        String... serviceNames) {
        return new EcsCluster(name, "arn:aws:ecs:us-east-1:123456789012:cluster/" + name, status, running, pending,
                instances, java.util.Arrays.stream(serviceNames)
                .map(s -> "arn:aws:ecs:us-east-1:123456789012:service/" + name + "/" + s).toList());
    }

    /** A compliant Redis replication group: two nodes in two zones, Multi-AZ, failover, backups, encryption, AUTH. */
    public static CacheGroupBuilder cacheGroup(String id) {
        return new CacheGroupBuilder(id);
    }

    public static final class CacheGroupBuilder {
        private final String id;
        private boolean multiAz = true;
        private boolean automaticFailover = true;
        private int snapshotDays = 7;
        private boolean atRest = true;
        private boolean transit = true;
        private boolean authToken = true;
        private List<String> userGroups = List.of();
        private List<String> members;
        private List<String> zones = List.of("us-east-1a", "us-east-1b");
        private Instant created;

        private CacheGroupBuilder(String id) {
            this.id = id;
            this.members = List.of(id + "-001", id + "-002");
        }

        public CacheGroupBuilder multiAz(boolean value) { multiAz = value; return this; }
        public CacheGroupBuilder automaticFailover(boolean value) { automaticFailover = value; return this; }
        public CacheGroupBuilder snapshotDays(int value) { snapshotDays = value; return this; }
        public CacheGroupBuilder atRest(boolean value) { atRest = value; return this; }
        public CacheGroupBuilder transit(boolean value) { transit = value; return this; }
        public CacheGroupBuilder authToken(boolean value) { authToken = value; return this; }
        public CacheGroupBuilder userGroups(String... value) { userGroups = List.of(value); return this; }
        public CacheGroupBuilder singleNode(String zone) { members = List.of(id + "-001"); zones = List.of(zone); return this; }
        /** Its ReplicationGroupCreateTime (default: unknown). */
        public CacheGroupBuilder created(Instant value) { created = value; return this; }

        public CacheReplicationGroup build() {
            return new CacheReplicationGroup(id,
                    "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:" + id, "redis", "available",
                    "cache.r7g.large", false, multiAz, automaticFailover, snapshotDays, atRest, transit, authToken,
                    userGroups, members, zones, created);
        }
    }

    /**
     * A standalone cache cluster as moto and many real answers describe it: no ReplicationGroupId and no encryption
     * flags (absent reads as false), AUTH off, no snapshots.
     */
    public static CacheClusterBuilder cacheCluster(String id) {
        return new CacheClusterBuilder(id);
    }

    public static final class CacheClusterBuilder {
        private final String id;
        private String engine = "redis";
        private int nodes = 1;
        private String zone = "us-east-1a";
        private String replicationGroupId;
        private int snapshotDays;
        private boolean atRest;
        private boolean transit;
        private boolean authToken;
        private Instant created;
        private List<String> securityGroups = List.of("sg-0cache");
        private String subnetGroup = "private";
        private String engineVersion = "7.1";

        private CacheClusterBuilder(String id) {
            this.id = id;
        }

        public CacheClusterBuilder engine(String value) { engine = value; return this; }
        public CacheClusterBuilder nodes(int value) { nodes = value; return this; }
        public CacheClusterBuilder zone(String value) { zone = value; return this; }
        public CacheClusterBuilder memberOf(String value) { replicationGroupId = value; return this; }
        public CacheClusterBuilder snapshotDays(int value) { snapshotDays = value; return this; }
        public CacheClusterBuilder atRest(boolean value) { atRest = value; return this; }
        public CacheClusterBuilder transit(boolean value) { transit = value; return this; }
        public CacheClusterBuilder authToken(boolean value) { authToken = value; return this; }
        /** Its CacheClusterCreateTime (default: unknown). */
        public CacheClusterBuilder created(Instant value) { created = value; return this; }
        /** Its SecurityGroups (default: sg-0cache). */
        public CacheClusterBuilder securityGroups(String... ids) { securityGroups = List.of(ids); return this; }
        /** Its CacheSubnetGroupName (default: "private"; null: AWS names none). */
        public CacheClusterBuilder subnetGroup(String name) { subnetGroup = name; return this; }
        /** Its EngineVersion (default 7.1; null: AWS did not say). */
        public CacheClusterBuilder engineVersion(String value) { engineVersion = value; return this; }

        public CacheCluster build() {
            return new CacheCluster(id,
                    "arn:aws:elasticache:us-east-1:123456789012:cluster:" + id, engine, engineVersion, "available",
                    "cache.t4g.small", nodes, zone, replicationGroupId, snapshotDays, atRest, transit, authToken,
                    created, securityGroups, subnetGroup);
        }
    }

    /** The ARN of a load balancer of {@code type} ({@code app}, {@code net}, {@code gwy}) named {@code name}. */
    public static String loadBalancerArn(String type, String name) {
        return "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/" + type + "/" + name
                + "/50dc6c495c0c9188";
    }

    /** A load balancer whose creation time is unknown. */
    public static LoadBalancer loadBalancer(String name, String type, String scheme) {
        return loadBalancer(name, type, scheme, null);
    }

    /** A load balancer created at {@code created} (its CreatedTime). */
    public static LoadBalancer loadBalancer(String name, String type, String scheme, Instant created) {
        String arnType = switch (type) {
            case "network" -> "net";
            case "gateway" -> "gwy";
            default -> "app";
        };
        return new LoadBalancer(name, loadBalancerArn(arnType, name), type, scheme,
                name + "-1234567890.us-east-1.elb.amazonaws.com", "active", "vpc-0a1b2c3d",
                List.of("us-east-1a", "us-east-1b"), created, type.equals("application") ? List.of("sg-0web") : List.of(),
                List.of("subnet-0public1", "subnet-0public2"));
    }

    /** An internet-facing load balancer of {@code type} with nodes in {@code zones} (one subnet each). */
    public static LoadBalancer loadBalancerIn(String name, String type, String... zones) {
        LoadBalancer lb = loadBalancer(name, type, "internet-facing");
        List<String> subnets = new java.util.ArrayList<>();
        for (int i = 0; i < zones.length; i++) {
            subnets.add("subnet-0public" + (i + 1));
        }
        return new LoadBalancer(lb.name(), lb.arn(), lb.type(), lb.scheme(), lb.dnsName(), lb.state(), lb.vpcId(),
                List.of(zones), lb.createdTime(), lb.securityGroups(), subnets);
    }

    /** A listener whose default action forwards to a target group. */
    public static LoadBalancerListener forwardingListener(LoadBalancer lb, String protocol, int port) {
        return new LoadBalancerListener(listenerArn(lb, port), lb.arn(), port, protocol,
                List.of(new ListenerAction("forward", null, List.of(targetGroupArn("web")))));
    }

    /** A listener whose default action redirects to {@code redirectProtocol} (HTTPS, HTTP or #{protocol}). */
    public static LoadBalancerListener redirectingListener(LoadBalancer lb, String protocol, int port,
                                                           String redirectProtocol) {
        return new LoadBalancerListener(listenerArn(lb, port), lb.arn(), port, protocol,
                List.of(new ListenerAction("redirect", redirectProtocol, List.of())));
    }

    private static String listenerArn(LoadBalancer lb, int port) {
        return lb.arn().replace(":loadbalancer/", ":listener/") + "/" + port;
    }

    public static String targetGroupArn(String name) {
        return "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/" + name + "/73e2d6bc24d8a067";
    }

    /** A target group attached to {@code loadBalancerArns} (none: unattached) with these targets. */
    public static TargetGroup targetGroup(String name, List<String> loadBalancerArns, RegisteredTarget... targets) {
        return new TargetGroup(name, targetGroupArn(name), "HTTP", 80, "ip", "vpc-0a1b2c3d", loadBalancerArns,
                List.of(targets));
    }

    public static RegisteredTarget healthyTarget(String ip) {
        return new RegisteredTarget(ip, 8080, "us-east-1a", "healthy", null, null);
    }

    public static RegisteredTarget target(String ip, String state, String reason, String description) {
        return new RegisteredTarget(ip, 8080, "us-east-1a", state, reason, description);
    }

    /** A healthy Fargate service in private subnets: 2 of 2 tasks running, no public IP. */
    public static EcsServiceBuilder ecsService(String cluster, String name) {
        return new EcsServiceBuilder(cluster, name);
    }

    public static final class EcsServiceBuilder {
        private final String cluster;
        private final String name;
        private String status = "ACTIVE";
        private int desired = 2;
        private int running = 2;
        private int pending;
        private boolean awsvpc = true;
        private String assignPublicIp = "DISABLED";
        private List<String> subnets = List.of("subnet-0private1", "subnet-0private2");
        private List<String> securityGroups = List.of("sg-0app");

        private EcsServiceBuilder(String cluster, String name) {
            this.cluster = cluster;
            this.name = name;
        }

        public EcsServiceBuilder status(String value) { status = value; return this; }
        public EcsServiceBuilder tasks(int desiredCount, int runningCount, int pendingCount) {
            desired = desiredCount; running = runningCount; pending = pendingCount; return this;
        }
        public EcsServiceBuilder assignPublicIp(String value) { assignPublicIp = value; return this; }
        /** Bridge or host network mode on EC2: no awsvpc configuration at all. */
        public EcsServiceBuilder withoutAwsvpc() { awsvpc = false; assignPublicIp = null; return this; }
        /** Its awsvpc subnets (default: subnet-0private1 and subnet-0private2). */
        public EcsServiceBuilder subnets(String... ids) { subnets = List.of(ids); return this; }
        /** Its awsvpc security groups (default: sg-0app). */
        public EcsServiceBuilder securityGroups(String... ids) { securityGroups = List.of(ids); return this; }

        public EcsService build() {
            String prefix = "arn:aws:ecs:us-east-1:123456789012:";
            return new EcsService(name, prefix + "service/" + cluster + "/" + name, cluster, prefix + "cluster/" + cluster,
                    status, awsvpc ? "FARGATE" : "EC2", List.of(), desired, running, pending,
                    prefix + "task-definition/" + name + ":3", awsvpc, assignPublicIp,
                    awsvpc ? subnets : List.of(), Instant.parse("2026-01-05T10:00:00Z"),
                    awsvpc ? securityGroups : List.of());
        }
    }

    public static IamUser iamUser(String name, boolean consolePassword, int mfaDevices) {
        return new IamUser(name, "arn:aws:iam::123456789012:user/" + name, Instant.parse("2025-01-01T00:00:00Z"),
                null, consolePassword, mfaDevices);
    }

    /** An active key of {@code user}, 30 days old at {@link CheckHarness#NOW}, used yesterday. */
    public static AccessKeyBuilder accessKey(String user) {
        return new AccessKeyBuilder(user);
    }

    public static final class AccessKeyBuilder {
        private final String user;
        private String maskedId = "AKIA…WXYZ";
        private String status = "Active";
        private Instant created = CheckHarness.NOW.minus(Duration.ofDays(30));
        private Instant lastUsed = CheckHarness.NOW.minus(Duration.ofDays(1));

        private AccessKeyBuilder(String user) {
            this.user = user;
        }

        public AccessKeyBuilder maskedId(String value) { maskedId = value; return this; }
        public AccessKeyBuilder inactive() { status = "Inactive"; return this; }
        /** Created {@code age} before {@link CheckHarness#NOW}. */
        public AccessKeyBuilder age(Duration age) { created = CheckHarness.NOW.minus(age); return this; }
        /** Last used {@code ago} before {@link CheckHarness#NOW}. */
        public AccessKeyBuilder lastUsed(Duration ago) { lastUsed = CheckHarness.NOW.minus(ago); return this; }
        public AccessKeyBuilder neverUsed() { lastUsed = null; return this; }

        public IamAccessKey build() {
            return new IamAccessKey(user, "arn:aws:iam::123456789012:user/" + user, maskedId, status, created,
                    lastUsed, lastUsed == null ? null : "s3", lastUsed == null ? null : "us-east-1");
        }
    }

    public static Secret secret(String name, boolean rotationEnabled) {
        return new Secret(name, "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf",
                rotationEnabled, rotationEnabled ? 30 : null,
                rotationEnabled ? Instant.parse("2026-11-01T03:00:00Z") : null,
                Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), null);
    }

    /** Daily datapoints ending the day before {@code CheckHarness.NOW}, oldest first. */
    public static MetricSeries daily(double... values) {
        List<String> timestamps = new java.util.ArrayList<>();
        List<Double> list = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            timestamps.add(CheckHarness.NOW.minus(java.time.Duration.ofDays(values.length - i)).toString());
            list.add(values[i]);
        }
        return new MetricSeries(timestamps, list);
    }

    /** The {@code cloudwatch.metrics} dataset with one spec's series: {@code metrics(SPEC, "db-1", daily(0, 0))}. */
    public static MetricData metrics(MetricSpec<?> spec, Object... keysAndSeries) {
        Map<String, MetricSeries> series = new LinkedHashMap<>();
        for (int i = 0; i < keysAndSeries.length; i += 2) {
            series.put((String) keysAndSeries[i], (MetricSeries) keysAndSeries[i + 1]);
        }
        return new MetricData(Map.of(spec.id(), series));
    }

    /** A log group; {@code retentionDays} null = never expire. */
    public static LogGroup logGroup(String name, Integer retentionDays, long storedBytes) {
        return new LogGroup(name, "arn:aws:logs:us-east-1:123456789012:log-group:" + name, retentionDays, storedBytes,
                "STANDARD");
    }

    /** A metric alarm on AWS/RDS CPUUtilization of instance {@code db-1}. */
    public static MetricAlarm alarm(String name, boolean actionsEnabled, String... alarmActions) {
        return new MetricAlarm(name, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name, "AWS/RDS",
                "CPUUtilization", Map.of("DBInstanceIdentifier", "db-1"), actionsEnabled, List.of(alarmActions),
                List.of(), List.of(), "OK", List.of());
    }

    public static CompositeAlarm compositeAlarm(String name, String rule, boolean actionsEnabled, String... alarmActions) {
        return new CompositeAlarm(name, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name, rule, actionsEnabled,
                List.of(alarmActions), "OK");
    }

    public static CloudWatchAlarms alarms(List<MetricAlarm> metricAlarms, CompositeAlarm... composites) {
        return new CloudWatchAlarms(metricAlarms, List.of(composites));
    }

    /** A metric alarm that pages ops, on {@code metric} of {@code namespace} with {@code dimensions}. */
    public static MetricAlarm metricAlarm(String name, String namespace, String metric, Map<String, String> dimensions) {
        return new MetricAlarm(name, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name, namespace, metric,
                dimensions, true, List.of("arn:aws:sns:us-east-1:123456789012:ops"), List.of(), List.of(), "OK",
                List.of());
    }

    /** A Fargate task definition revision of the given size (as AWS returns it: CPU units and MiB). */
    public static EcsTaskDefinition taskDefinition(String family, int revision, String cpu, String memory) {
        return new EcsTaskDefinition("arn:aws:ecs:us-east-1:123456789012:task-definition/" + family + ":" + revision,
                family, revision, cpu, memory, List.of("FARGATE"), "X86_64", "LINUX", List.of());
    }

    /**
     * The task definition {@link #ecsService}{@code (cluster, family)} runs ({@code family:3}), its containers running
     * {@code images}.
     */
    public static EcsTaskDefinition taskDefinitionRunning(String family, String... images) {
        return new EcsTaskDefinition("arn:aws:ecs:us-east-1:123456789012:task-definition/" + family + ":3",
                family, 3, "256", "512", List.of("FARGATE"), "X86_64", "LINUX", List.of(images));
    }

    /** A secret of the account's own, created and last read (null: never) at the given times. */
    public static Secret secretUsed(String name, Instant created, Instant lastAccessed) {
        return new Secret(name, "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + name + "-AbCdEf", false,
                null, null, lastAccessed, created, null);
    }
}
