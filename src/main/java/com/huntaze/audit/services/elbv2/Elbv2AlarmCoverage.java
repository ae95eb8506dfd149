package com.huntaze.audit.services.elbv2;

import static com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate.ABOVE;

import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.Resource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code cloudwatch.alarm-coverage} judges of ELBv2: each application load balancer. */
final class Elbv2AlarmCoverage {
    private Elbv2AlarmCoverage() {
    }

    /**
     * Ten 5XX in 5 minutes (CloudWatch publishes no 5XX datapoint when there is none: missing data is the good case),
     * a p95 response time of a second for 15 minutes.
     */
    static final AlarmCoverageTarget APPLICATION_LOAD_BALANCERS = new AlarmCoverageTarget("alb",
            "AWS/ApplicationELB", Set.of(Elbv2Datasets.LOAD_BALANCERS),
            List.of(List.of("HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count"), List.of("TargetResponseTime")),
            Map.of("HTTPCode_ELB_5XX_Count", new AlarmTemplate("--statistic Sum", 300, 1, "10", ABOVE, true),
                    "HTTPCode_Target_5XX_Count", new AlarmTemplate("--statistic Sum", 300, 1, "10", ABOVE, true),
                    "TargetResponseTime", AlarmTemplate.of("--extended-statistic p95", 300, 3, "1", ABOVE)),
            ctx -> ctx.get(Elbv2Datasets.LOAD_BALANCERS).stream()
                    .filter(lb -> "application".equals(lb.type()))
                    .map(lb -> Resource.of("AWS::ElasticLoadBalancingV2::LoadBalancer", lb.name(), lb.arn(),
                            Map.of("LoadBalancer", lb.metricDimension())))
                    .toList());
}
