package com.huntaze.audit.services.elasticache;

import java.util.List;

/**
 * An ElastiCache cache subnet group, from DescribeCacheSubnetGroups: the subnets a cache cluster's nodes are placed in.
 *
 * @param vpcId     the VPC of its subnets
 * @param subnetIds its subnets, in the order AWS lists them
 */
public record CacheSubnetGroup(String name, String arn, String vpcId, List<String> subnetIds) {

    public CacheSubnetGroup {
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
    }
}
