package com.huntaze.audit.services.ec2;

import java.util.List;

/**
 * An elastic network interface, from DescribeNetworkInterfaces: what actually carries a security group (an EC2
 * instance's, a Lambda function's, a load balancer node's, an RDS instance's, ...).
 *
 * @param interfaceType    its InterfaceType: {@code interface}, {@code lambda}, {@code network_load_balancer}, ...
 * @param description      its Description (services name themselves there, e.g. {@code ELB app/web/...})
 * @param securityGroupIds the ids of its Groups
 * @param instanceId       the EC2 instance it is attached to, or null
 * @param requesterManaged whether an AWS service created it and manages it
 */
public record NetworkInterface(String id, String interfaceType, String description, String status, String subnetId,
                               String vpcId, String availabilityZone, List<String> securityGroupIds,
                               String instanceId, boolean requesterManaged) {

    public NetworkInterface {
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
    }
}
