package com.huntaze.audit.services.ecs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ECS service, from DescribeServices.
 *
 * @param clusterName       the name of the cluster it runs in (the part of its cluster ARN after {@code cluster/})
 * @param launchType        FARGATE, EC2 or EXTERNAL; null when the service uses a capacity provider strategy
 * @param capacityProviders the providers of its capacity provider strategy (e.g. FARGATE_SPOT), empty if none
 * @param awsvpc            whether the service has an awsvpc network configuration (tasks get their own ENI)
 * @param assignPublicIp    ENABLED or DISABLED for an awsvpc service (absent reads as DISABLED, the AWS default);
 *                          null for a service without awsvpc network configuration
 * @param subnets           the subnets of its awsvpc network configuration (empty without one)
 * @param securityGroups    the security groups of its awsvpc network configuration (empty without one)
 */
public record EcsService(
        String name,
        String arn,
        String clusterName,
        String clusterArn,
        String status,
        String launchType,
        List<String> capacityProviders,
        int desiredCount,
        int runningCount,
        int pendingCount,
        String taskDefinitionArn,
        boolean awsvpc,
        String assignPublicIp,
        List<String> subnets,
        Instant createdAt,
        List<String> securityGroups) {

    public EcsService {
        capacityProviders = capacityProviders == null ? List.of() : List.copyOf(capacityProviders);
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
    }

    /** {@code cluster/service}: service names are unique only within a cluster. */
    public String qualifiedName() {
        return clusterName + "/" + name;
    }

    /** Its CloudWatch dimensions in AWS/ECS, in the order AWS lists them: ClusterName, ServiceName. */
    public Map<String, String> metricDimensions() {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("ClusterName", clusterName);
        dimensions.put("ServiceName", name);
        return dimensions;
    }

    public boolean assignsPublicIp() {
        return awsvpc && "ENABLED".equals(assignPublicIp);
    }
}
