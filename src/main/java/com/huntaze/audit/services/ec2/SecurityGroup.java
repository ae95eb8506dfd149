package com.huntaze.audit.services.ec2;

import java.util.List;

/**
 * A VPC security group, from DescribeSecurityGroups, with its inbound rules (egress is not judged).
 *
 * @param arn     its SecurityGroupArn (built from region, owner and id when AWS leaves it out)
 * @param ingress its inbound rules, one per IpPermission, as AWS lists them
 */
public record SecurityGroup(String id, String arn, String name, String vpcId, List<IngressRule> ingress) {

    public SecurityGroup {
        ingress = ingress == null ? List.of() : List.copyOf(ingress);
    }
}
