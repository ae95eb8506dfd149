package com.huntaze.audit.testing;

import com.huntaze.audit.services.ec2.IngressRule;
import com.huntaze.audit.services.ec2.NetworkInterface;
import com.huntaze.audit.services.ec2.SecurityGroup;
import com.huntaze.audit.services.elasticache.CacheSubnetGroup;
import com.huntaze.audit.services.vpc.Route;
import com.huntaze.audit.services.vpc.RouteTable;
import com.huntaze.audit.services.vpc.Subnet;
import java.util.List;

/**
 * Network resources for unit tests, in the VPC {@link #VPC}: security groups and their rules, network interfaces,
 * subnets, route tables and cache subnet groups.
 */
public final class NetworkFixtures {
    private NetworkFixtures() {
    }

    public static final String VPC = "vpc-0a1b2c3d";

    /** A security group of {@link #VPC} named {@code name} with these inbound rules. */
    public static SecurityGroup securityGroup(String id, String name, IngressRule... ingress) {
        return new SecurityGroup(id, "arn:aws:ec2:us-east-1:123456789012:security-group/" + id, name, VPC,
                List.of(ingress));
    }

    /** A TCP rule on {@code from}–{@code to} from these CIDRs (IPv4 and IPv6 told apart by the colon). */
    public static IngressRule tcp(int from, int to, String... cidrs) {
        return rule("tcp", from, to, cidrs);
    }

    public static IngressRule udp(int from, int to, String... cidrs) {
        return rule("udp", from, to, cidrs);
    }

    /** IpProtocol -1: every protocol and port, no FromPort/ToPort. */
    public static IngressRule allTraffic(String... cidrs) {
        return rule("-1", null, null, cidrs);
    }

    public static IngressRule rule(String protocol, Integer from, Integer to, String... cidrs) {
        List<String> v4 = java.util.Arrays.stream(cidrs).filter(c -> !c.contains(":")).toList();
        List<String> v6 = java.util.Arrays.stream(cidrs).filter(c -> c.contains(":")).toList();
        return new IngressRule(protocol, from, to, v4, v6);
    }

    /** A network interface of {@link #VPC} carrying {@code groups}, attached to {@code instanceId} (or none). */
    public static NetworkInterface networkInterface(String id, String instanceId, String description,
                                                    String... groups) {
        return new NetworkInterface(id, "interface", description, "in-use", "subnet-0private1", VPC, "us-east-1a",
                List.of(groups), instanceId, instanceId == null);
    }

    public static Subnet subnet(String id, String zone) {
        return new Subnet(id, "arn:aws:ec2:us-east-1:123456789012:subnet/" + id, VPC, zone, null, "10.0.0.0/24",
                false);
    }

    /** The subnets the other fixtures use: subnet-0private1/2 and subnet-0public1/2 in us-east-1a and 1b. */
    public static List<Subnet> subnets() {
        return List.of(subnet("subnet-0private1", "us-east-1a"), subnet("subnet-0private2", "us-east-1b"),
                subnet("subnet-0public1", "us-east-1a"), subnet("subnet-0public2", "us-east-1b"));
    }

    /** {@link #VPC}'s main route table, with only its local route. */
    public static RouteTable mainTable(String id) {
        return new RouteTable(id, VPC, true, List.of(), List.of(local()));
    }

    /** A route table of {@link #VPC} explicitly associated with {@code subnetIds}. */
    public static RouteTable table(String id, List<String> subnetIds, Route... routes) {
        List<Route> all = new java.util.ArrayList<>(List.of(local()));
        all.addAll(List.of(routes));
        return new RouteTable(id, VPC, false, subnetIds, all);
    }

    public static Route route(String destination, String target) {
        return new Route(destination, target, "active");
    }

    private static Route local() {
        return new Route("10.0.0.0/16", "local", "active");
    }

    public static CacheSubnetGroup cacheSubnetGroup(String name, String... subnetIds) {
        return new CacheSubnetGroup(name, "arn:aws:elasticache:us-east-1:123456789012:subnetgroup:" + name, VPC,
                List.of(subnetIds));
    }
}
