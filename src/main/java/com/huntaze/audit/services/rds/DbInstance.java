package com.huntaze.audit.services.rds;

import java.time.Instant;
import java.util.List;

/**
 * An RDS DB instance, from DescribeDBInstances. {@code publiclyAccessible} is false when AWS omits the field.
 *
 * @param clusterId   the Aurora (or Multi-AZ DB cluster) this instance belongs to, or null for a standalone instance
 * @param storageType gp2, gp3, io1, io2, standard (magnetic) or aurora; null when AWS does not say
 * @param instanceCreateTime its InstanceCreateTime, or null when AWS does not say (an instance still being created)
 * @param vpcSecurityGroupIds the ids of its VpcSecurityGroups
 * @param subnetGroupName     its DBSubnetGroup's name, or null when AWS does not say
 * @param vpcId               its DBSubnetGroup's VPC, or null when AWS does not say
 * @param subnetIds           the subnets of its DBSubnetGroup (empty when AWS does not say)
 * @param engineVersion the full engine version ({@code 16.4}, {@code 8.0.39}, {@code 8.0.mysql_aurora.3.05.2})
 * @param autoMinorVersionUpgrade AutoMinorVersionUpgrade; null when AWS does not say
 */
public record DbInstance(
        String id,
        String arn,
        String engine,
        String instanceClass,
        boolean multiAz,
        int backupRetentionDays,
        boolean publiclyAccessible,
        boolean storageEncrypted,
        boolean deletionProtection,
        String clusterId,
        String availabilityZone,
        int allocatedStorageGb,
        String storageType,
        Instant instanceCreateTime,
        List<String> vpcSecurityGroupIds,
        String subnetGroupName,
        String vpcId,
        List<String> subnetIds,
        String engineVersion,
        Boolean autoMinorVersionUpgrade) {

    public DbInstance {
        vpcSecurityGroupIds = vpcSecurityGroupIds == null ? List.of() : List.copyOf(vpcSecurityGroupIds);
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
    }

    public boolean isClusterMember() {
        return clusterId != null && !clusterId.isEmpty();
    }
}
