package com.huntaze.audit.services.ec2;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.ecs.EcsDatasets;
import com.huntaze.audit.services.elasticache.ElastiCacheDatasets;
import com.huntaze.audit.services.elbv2.Elbv2Datasets;
import com.huntaze.audit.services.rds.RdsDatasets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ec2.security-group-open-ports: no security group lets the whole internet ({@code 0.0.0.0/0} or {@code ::/0}) reach
 * an admin or data port ({@link #ADMIN_AND_DATA_PORTS}, TCP or UDP: an open UDP 11211 is the memcached
 * amplification case), nor every port (protocol {@code -1}). Rules open on other ports only (80 and 443 for a
 * public load balancer) are fine. Every group of every VPC is judged, default groups and unused ones too; the
 * evidence says which audited resources use it.
 */
public final class Ec2SecurityGroupOpenPortsCheck implements Check {

    /** The sources that mean "the whole internet". Narrower CIDRs are someone's decision, not judged here. */
    static final Set<String> INTERNET = Set.of("0.0.0.0/0", "::/0");

    /**
     * The admin and data ports no internet rule may cover, as the launch runbook lists them: remote shells and
     * desktops, file transfer, databases, caches, brokers and search clusters.
     */
    public static final List<PortRange> ADMIN_AND_DATA_PORTS = List.of(
            PortRange.of(22, "SSH"),
            PortRange.of(3389, "RDP"),
            PortRange.of(23, "Telnet"),
            new PortRange(20, 21, "FTP"),
            PortRange.of(3306, "MySQL"),
            PortRange.of(5432, "PostgreSQL"),
            new PortRange(1433, 1434, "SQL Server"),
            PortRange.of(1521, "Oracle"),
            PortRange.of(6379, "Redis"),
            PortRange.of(11211, "Memcached"),
            new PortRange(27017, 27018, "MongoDB"),
            PortRange.of(9092, "Kafka"),
            new PortRange(9200, 9300, "Elasticsearch/OpenSearch"),
            PortRange.of(5601, "Kibana"));

    private final List<PortRange> ports;

    /** The check with the runbook's {@link #ADMIN_AND_DATA_PORTS}. */
    public Ec2SecurityGroupOpenPortsCheck() {
        this(ADMIN_AND_DATA_PORTS);
    }

    /** The check with another port list (the configuration's, once it can set one). */
    public Ec2SecurityGroupOpenPortsCheck(List<PortRange> ports) {
        this.ports = List.copyOf(ports);
    }

    /** The port ranges this check judges: {@link #ADMIN_AND_DATA_PORTS} unless given otherwise. */
    public List<PortRange> ports() {
        return ports;
    }

    @Override
    public String id() {
        return "ec2.security-group-open-ports";
    }

    @Override
    public Set<Dataset<?>> requires() {
        // The verdict reads the groups only; the rest says who uses each group.
        return Set.of(Ec2Datasets.SECURITY_GROUPS, Ec2Datasets.NETWORK_INTERFACES, RdsDatasets.DB_INSTANCES,
                ElastiCacheDatasets.CACHE_CLUSTERS, EcsDatasets.SERVICES, Elbv2Datasets.LOAD_BALANCERS);
    }

    /** Who uses a group is evidence, not the verdict: a user dataset that could not be read is named as unknown. */
    @Override
    public Set<Dataset<?>> tolerates() {
        return Set.of(Ec2Datasets.NETWORK_INTERFACES, RdsDatasets.DB_INSTANCES, ElastiCacheDatasets.CACHE_CLUSTERS,
                EcsDatasets.SERVICES, Elbv2Datasets.LOAD_BALANCERS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        SecurityGroupUsage usage = SecurityGroupUsage.of(ctx);
        return ctx.get(Ec2Datasets.SECURITY_GROUPS).stream().map(g -> judge(ctx, g, usage)).toList();
    }

    private Finding judge(CheckContext ctx, SecurityGroup group, SecurityGroupUsage usage) {
        List<String> offending = new ArrayList<>();
        List<String> harmless = new ArrayList<>();
        for (IngressRule rule : group.ingress()) {
            List<String> open = Stream.concat(rule.ipv4Ranges().stream(), rule.ipv6Ranges().stream())
                    .filter(INTERNET::contains).distinct().toList();
            for (String cidr : open) {
                if (rule.allTraffic()) {
                    offending.add("all traffic from " + cidr);
                    continue;
                }
                if (!rule.hasPorts()) {
                    harmless.add(rule.protocolName() + " from " + cidr);
                    continue;
                }
                String text = rule.protocolName() + " " + PortRange.text(rule.lowPort(), rule.highPort())
                        + " from " + cidr;
                List<PortRange> covered = ports.stream().filter(p -> p.overlaps(rule.lowPort(), rule.highPort()))
                        .sorted(Comparator.comparingInt(PortRange::from)).toList();
                if (covered.isEmpty()) {
                    harmless.add(text);
                } else {
                    offending.add(text + " (" + (covered.size() == ports.size() && ports.size() > 1
                            ? "every admin and data port"
                            : covered.stream().map(PortRange::toString).collect(Collectors.joining(", "))) + ")");
                }
            }
        }
        Object usedBy = usage.evidence(group.id());
        List<String> unknown = usage.unknown().isEmpty() ? null : usage.unknown();
        if (!offending.isEmpty()) {
            var evidence = Evidence.of("GroupName", group.name(), "VpcId", group.vpcId(), "OpenRules", offending,
                    "UsedBy", usedBy, "UsedByUnknown", unknown);
            return ctx.nok(group.id(), group.arn(), "Open to the internet on an admin or data port: "
                    + String.join("; ", offending) + "." + (usage.unused(group.id()) && unknown == null
                    ? " Nothing audited uses the group: delete it, or at least these rules." : ""), evidence);
        }
        var evidence = Evidence.of("GroupName", group.name(), "VpcId", group.vpcId(),
                "OpenToInternet", harmless.isEmpty() ? null : harmless, "UsedBy", usedBy, "UsedByUnknown", unknown);
        return ctx.ok(group.id(), group.arn(), harmless.isEmpty() ? "No inbound rule from the internet."
                : "Open to the internet only on " + String.join("; ", harmless) + ": no admin or data port.", evidence);
    }
}
