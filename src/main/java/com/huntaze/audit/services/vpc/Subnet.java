package com.huntaze.audit.services.vpc;

/**
 * A VPC subnet, from DescribeSubnets.
 *
 * @param availabilityZone   its zone's name, e.g. {@code us-east-1a}
 * @param availabilityZoneId its zone's id, e.g. {@code use1-az4} (the same physical zone in every account)
 * @param mapPublicIpOnLaunch whether instances launched in it get a public IPv4 address by default
 */
public record Subnet(String id, String arn, String vpcId, String availabilityZone, String availabilityZoneId,
                     String cidrBlock, boolean mapPublicIpOnLaunch) {
}
