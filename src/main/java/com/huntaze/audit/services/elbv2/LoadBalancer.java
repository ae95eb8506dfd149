package com.huntaze.audit.services.elbv2;

import java.time.Instant;
import java.util.List;

/**
 * An Elastic Load Balancing v2 load balancer, from DescribeLoadBalancers.
 *
 * @param type              {@code application}, {@code network} or {@code gateway}
 * @param scheme            {@code internet-facing} or {@code internal}
 * @param state             its State.Code: {@code active}, {@code provisioning}, {@code active_impaired}, {@code failed}
 * @param availabilityZones the zones it has a node in
 * @param createdTime       its CreatedTime, or null when AWS does not say
 * @param securityGroups    its security groups (an NLB may have none; a gateway load balancer has none)
 * @param subnetIds         the subnets of its zones (one per zone), in the order AWS lists them
 */
public record LoadBalancer(
        String name,
        String arn,
        String type,
        String scheme,
        String dnsName,
        String state,
        String vpcId,
        List<String> availabilityZones,
        Instant createdTime,
        List<String> securityGroups,
        List<String> subnetIds) {

    public LoadBalancer {
        availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
    }

    /**
     * Its CloudWatch {@code LoadBalancer} dimension: the part of its ARN after {@code :loadbalancer/}, e.g.
     * {@code app/web/50dc6c495c0c9188}.
     */
    public String metricDimension() {
        int at = arn == null ? -1 : arn.indexOf(":loadbalancer/");
        return at < 0 ? name : arn.substring(at + ":loadbalancer/".length());
    }
}
