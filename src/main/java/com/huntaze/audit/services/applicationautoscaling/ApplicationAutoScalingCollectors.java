package com.huntaze.audit.services.applicationautoscaling;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClientBuilder;
import software.amazon.awssdk.services.applicationautoscaling.model.Alarm;
import software.amazon.awssdk.services.applicationautoscaling.model.CustomizedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.PredictiveScalingMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.PredictiveScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.SuspendedState;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

/**
 * Application Auto Scaling, namespace {@code ecs}: DescribeScalableTargets (50 per page, its maximum) and
 * DescribeScalingPolicies (10 per page, its maximum), each one walk per region, independent of the ECS datasets (the
 * check joins them on the resource id), so that neither waits for the ECS chain.
 */
final class ApplicationAutoScalingCollectors {
    private ApplicationAutoScalingCollectors() {
    }

    static final ServiceClient<ApplicationAutoScalingClient, ApplicationAutoScalingClientBuilder>
            APPLICATION_AUTO_SCALING = ServiceClient.regional("application-autoscaling",
                    ApplicationAutoScalingClient::builder);

    static final int TARGETS_PAGE_SIZE = 50;
    static final int POLICIES_PAGE_SIZE = 10;

    static final DatasetCollector<List<ScalableTarget>> ECS_SCALABLE_TARGETS = new DatasetCollector<>() {
        @Override
        public Dataset<List<ScalableTarget>> dataset() {
            return ApplicationAutoScalingDatasets.ECS_SCALABLE_TARGETS;
        }

        @Override
        public List<String> actions() {
            return List.of("application-autoscaling:DescribeScalableTargets");
        }

        @Override
        public List<ScalableTarget> collect(CollectionContext context) {
            ApplicationAutoScalingClient client = client(context);
            return call("application-autoscaling:DescribeScalableTargets", () -> client
                    .describeScalableTargetsPaginator(r -> r.serviceNamespace(ServiceNamespace.ECS)
                            .maxResults(TARGETS_PAGE_SIZE))
                    .scalableTargets().stream().map(ApplicationAutoScalingCollectors::target).toList());
        }
    };

    static final DatasetCollector<List<ScalingPolicy>> ECS_SCALING_POLICIES = new DatasetCollector<>() {
        @Override
        public Dataset<List<ScalingPolicy>> dataset() {
            return ApplicationAutoScalingDatasets.ECS_SCALING_POLICIES;
        }

        @Override
        public List<String> actions() {
            return List.of("application-autoscaling:DescribeScalingPolicies");
        }

        @Override
        public List<ScalingPolicy> collect(CollectionContext context) {
            ApplicationAutoScalingClient client = client(context);
            return call("application-autoscaling:DescribeScalingPolicies", () -> client
                    .describeScalingPoliciesPaginator(r -> r.serviceNamespace(ServiceNamespace.ECS)
                            .maxResults(POLICIES_PAGE_SIZE))
                    .scalingPolicies().stream().map(ApplicationAutoScalingCollectors::policy).toList());
        }
    };

    private static ApplicationAutoScalingClient client(CollectionContext context) {
        return context.client(APPLICATION_AUTO_SCALING);
    }

    private static ScalableTarget target(
            software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget t) {
        SuspendedState suspended = t.suspendedState();
        return new ScalableTarget(t.resourceId(), t.scalableDimensionAsString(), nonNull(t.minCapacity()),
                nonNull(t.maxCapacity()),
                suspended != null && Boolean.TRUE.equals(suspended.dynamicScalingOutSuspended()),
                suspended != null && Boolean.TRUE.equals(suspended.dynamicScalingInSuspended()));
    }

    private static ScalingPolicy policy(
            software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy p) {
        String metric = null;
        Double targetValue = null;
        TargetTrackingScalingPolicyConfiguration tracking = p.targetTrackingScalingPolicyConfiguration();
        PredictiveScalingPolicyConfiguration predictive = p.predictiveScalingPolicyConfiguration();
        if (tracking != null) {
            targetValue = tracking.targetValue();
            CustomizedMetricSpecification custom = tracking.customizedMetricSpecification();
            metric = tracking.predefinedMetricSpecification() != null
                    ? tracking.predefinedMetricSpecification().predefinedMetricTypeAsString()
                    : custom == null ? null : custom.metricName() != null ? custom.metricName() : "metric math";
        } else if (predictive != null && !predictive.metricSpecifications().isEmpty()) {
            PredictiveScalingMetricSpecification spec = predictive.metricSpecifications().get(0);
            targetValue = spec.targetValue();
            metric = spec.predefinedMetricPairSpecification() != null
                    ? spec.predefinedMetricPairSpecification().predefinedMetricType()
                    : spec.predefinedScalingMetricSpecification() != null
                            ? spec.predefinedScalingMetricSpecification().predefinedMetricType()
                            : "customized metric";
        }
        return new ScalingPolicy(p.policyName(), p.resourceId(), p.scalableDimensionAsString(),
                p.policyTypeAsString(), metric, targetValue, p.alarms().stream().map(Alarm::alarmName).toList());
    }

    private static int nonNull(Integer value) {
        return value == null ? 0 : value;
    }
}
