package com.huntaze.audit.services.ec2;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;

/**
 * EC2: DescribeSecurityGroups and DescribeNetworkInterfaces, one walk each per region, all pages at the maximum page
 * size (1000). The client is the region's one EC2 client, shared with the vpc service's collectors.
 */
final class Ec2Collectors {
    private Ec2Collectors() {
    }

    /** MaxResults of DescribeSecurityGroups and DescribeNetworkInterfaces (both 5–1000). */
    static final int MAX_RESULTS = 1000;

    static final DatasetCollector<List<SecurityGroup>> SECURITY_GROUPS = new DatasetCollector<>() {
        @Override
        public Dataset<List<SecurityGroup>> dataset() {
            return Ec2Datasets.SECURITY_GROUPS;
        }

        @Override
        public List<String> actions() {
            return List.of("ec2:DescribeSecurityGroups");
        }

        @Override
        public List<SecurityGroup> collect(CollectionContext context) {
            return call("ec2:DescribeSecurityGroups", () -> ec2(context)
                    .describeSecurityGroupsPaginator(r -> r.maxResults(MAX_RESULTS)).securityGroups().stream()
                    .map(g -> new SecurityGroup(
                            g.groupId(),
                            g.securityGroupArn() != null ? g.securityGroupArn()
                                    : arn(context.region(), g.ownerId(), g.groupId()),
                            g.groupName(),
                            g.vpcId(),
                            g.ipPermissions().stream().map(Ec2Collectors::rule).toList()))
                    .toList());
        }
    };

    static final DatasetCollector<List<NetworkInterface>> NETWORK_INTERFACES = new DatasetCollector<>() {
        @Override
        public Dataset<List<NetworkInterface>> dataset() {
            return Ec2Datasets.NETWORK_INTERFACES;
        }

        @Override
        public List<String> actions() {
            return List.of("ec2:DescribeNetworkInterfaces");
        }

        @Override
        public List<NetworkInterface> collect(CollectionContext context) {
            return call("ec2:DescribeNetworkInterfaces", () -> ec2(context)
                    .describeNetworkInterfacesPaginator(r -> r.maxResults(MAX_RESULTS)).networkInterfaces().stream()
                    .map(n -> new NetworkInterface(
                            n.networkInterfaceId(),
                            n.interfaceTypeAsString(),
                            n.description(),
                            n.statusAsString(),
                            n.subnetId(),
                            n.vpcId(),
                            n.availabilityZone(),
                            n.groups().stream().map(GroupIdentifier::groupId).toList(),
                            n.attachment() == null ? null : n.attachment().instanceId(),
                            Boolean.TRUE.equals(n.requesterManaged())))
                    .toList());
        }
    };

    private static Ec2Client ec2(CollectionContext context) {
        return context.client(Ec2Clients.EC2);
    }

    private static IngressRule rule(IpPermission p) {
        return new IngressRule(p.ipProtocol(), p.fromPort(), p.toPort(),
                p.ipRanges().stream().map(IpRange::cidrIp).filter(Objects::nonNull).toList(),
                p.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).filter(Objects::nonNull).toList());
    }

    /** A security group's ARN, for answers that leave SecurityGroupArn out (older APIs and emulators). */
    static String arn(String region, String ownerId, String groupId) {
        String partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        return "arn:" + partition + ":ec2:" + region + ":" + (ownerId == null ? "" : ownerId) + ":security-group/"
                + groupId;
    }
}
