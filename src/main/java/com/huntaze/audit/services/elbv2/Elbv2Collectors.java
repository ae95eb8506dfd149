package com.huntaze.audit.services.elbv2;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2ClientBuilder;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * Elastic Load Balancing v2: DescribeLoadBalancers and DescribeTargetGroups (400 per page, their maximum), then per
 * resource, fanned out: DescribeListeners for each load balancer (400 per page; the API takes one load balancer per
 * call) and DescribeTargetHealth for each target group attached to a load balancer (unattached groups are never
 * health-checked, so there is nothing to ask).
 */
final class Elbv2Collectors {
    private Elbv2Collectors() {
    }

    static final ServiceClient<ElasticLoadBalancingV2Client, ElasticLoadBalancingV2ClientBuilder> ELBV2 =
            ServiceClient.regional("elasticloadbalancing", ElasticLoadBalancingV2Client::builder);

    static final int PAGE_SIZE = 400;

    static final DatasetCollector<List<LoadBalancer>> LOAD_BALANCERS = new DatasetCollector<>() {
        @Override
        public Dataset<List<LoadBalancer>> dataset() {
            return Elbv2Datasets.LOAD_BALANCERS;
        }

        @Override
        public List<String> actions() {
            return List.of("elasticloadbalancing:DescribeLoadBalancers");
        }

        @Override
        public List<LoadBalancer> collect(CollectionContext context) {
            return call("elasticloadbalancing:DescribeLoadBalancers", () -> elbv2(context)
                    .describeLoadBalancersPaginator(r -> r.pageSize(PAGE_SIZE)).loadBalancers().stream()
                    .map(lb -> new LoadBalancer(
                            lb.loadBalancerName(),
                            lb.loadBalancerArn(),
                            lb.typeAsString(),
                            lb.schemeAsString(),
                            lb.dnsName(),
                            lb.state() == null ? null : lb.state().codeAsString(),
                            lb.vpcId(),
                            lb.availabilityZones().stream().map(AvailabilityZone::zoneName).toList(),
                            lb.createdTime(),
                            lb.securityGroups(),
                            lb.availabilityZones().stream().map(AvailabilityZone::subnetId)
                                    .filter(Objects::nonNull).toList()))
                    .toList());
        }
    };

    static final DatasetCollector<List<LoadBalancerListener>> LISTENERS = new DatasetCollector<>() {
        @Override
        public Dataset<List<LoadBalancerListener>> dataset() {
            return Elbv2Datasets.LISTENERS;
        }

        @Override
        public List<String> actions() {
            return List.of("elasticloadbalancing:DescribeListeners");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(Elbv2Datasets.LOAD_BALANCERS);
        }

        @Override
        public List<LoadBalancerListener> collect(CollectionContext context) {
            ElasticLoadBalancingV2Client elbv2 = elbv2(context);
            List<LoadBalancer> loadBalancers = context.dependency(Elbv2Datasets.LOAD_BALANCERS);
            return context.forEach(loadBalancers, lb -> call("elasticloadbalancing:DescribeListeners", () -> elbv2
                            .describeListenersPaginator(r -> r.loadBalancerArn(lb.arn()).pageSize(PAGE_SIZE))
                            .listeners().stream()
                            .map(l -> new LoadBalancerListener(
                                    l.listenerArn(),
                                    l.loadBalancerArn(),
                                    l.port() == null ? 0 : l.port(),
                                    l.protocolAsString(),
                                    l.defaultActions().stream().map(Elbv2Collectors::action).toList()))
                            .toList()))
                    .stream().flatMap(List::stream).toList();
        }
    };

    static final DatasetCollector<List<TargetGroup>> TARGET_GROUPS = new DatasetCollector<>() {
        @Override
        public Dataset<List<TargetGroup>> dataset() {
            return Elbv2Datasets.TARGET_GROUPS;
        }

        @Override
        public List<String> actions() {
            return List.of("elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth");
        }

        @Override
        public List<TargetGroup> collect(CollectionContext context) {
            ElasticLoadBalancingV2Client elbv2 = elbv2(context);
            var groups = call("elasticloadbalancing:DescribeTargetGroups", () -> elbv2
                    .describeTargetGroupsPaginator(r -> r.pageSize(PAGE_SIZE)).targetGroups().stream().toList());
            return context.forEach(groups, g -> new TargetGroup(
                    g.targetGroupName(),
                    g.targetGroupArn(),
                    g.protocolAsString(),
                    g.port() == null ? 0 : g.port(),
                    g.targetTypeAsString(),
                    g.vpcId(),
                    g.loadBalancerArns(),
                    g.loadBalancerArns().isEmpty() ? List.of()
                            : call("elasticloadbalancing:DescribeTargetHealth", () -> elbv2
                                    .describeTargetHealth(r -> r.targetGroupArn(g.targetGroupArn()))
                                    .targetHealthDescriptions().stream().map(Elbv2Collectors::target).toList())));
        }
    };

    private static ElasticLoadBalancingV2Client elbv2(CollectionContext context) {
        return context.client(ELBV2);
    }

    private static ListenerAction action(Action action) {
        List<String> targetGroups = new ArrayList<>();
        if (action.targetGroupArn() != null) {
            targetGroups.add(action.targetGroupArn());
        }
        if (action.forwardConfig() != null) {
            action.forwardConfig().targetGroups().stream().map(TargetGroupTuple::targetGroupArn)
                    .filter(arn -> arn != null && !targetGroups.contains(arn))
                    .forEach(targetGroups::add);
        }
        return new ListenerAction(action.typeAsString(),
                action.redirectConfig() == null ? null : action.redirectConfig().protocol(), targetGroups);
    }

    private static RegisteredTarget target(TargetHealthDescription description) {
        var target = description.target();
        var health = description.targetHealth();
        return new RegisteredTarget(
                target.id(),
                target.port() == null ? 0 : target.port(),
                target.availabilityZone(),
                health == null ? null : health.stateAsString(),
                health == null ? null : health.reasonAsString(),
                health == null ? null : health.description());
    }
}
