package com.huntaze.audit.services.cloudfront;

import static com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate.ABOVE;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code cloudwatch.alarm-coverage} judges of CloudFront: each enabled distribution, as
 * {@code cloudfrontDistribution}, needs an alarm on 5xxErrorRate (AWS/CloudFront, DistributionId and Region=Global).
 * CloudFront publishes its metrics, and so its alarms live, in us-east-1 only: the distributions are judged when the
 * coverage check evaluates us-east-1, and not at all when us-east-1 is not audited (the alarms could not be read).
 */
final class CloudFrontAlarmCoverage {
    private CloudFrontAlarmCoverage() {
    }

    /** The region CloudFront's metrics and alarms are in. */
    static final String METRICS_REGION = "us-east-1";

    /** 5% of requests answered 5xx over 5 minutes; no datapoint (no request) is the good case. */
    static final AlarmCoverageTarget DISTRIBUTIONS = new AlarmCoverageTarget("cloudfrontDistribution",
            "AWS/CloudFront", Set.of(CloudFrontDatasets.DISTRIBUTIONS), List.of(List.of("5xxErrorRate")),
            Map.of("5xxErrorRate", new AlarmTemplate("--statistic Average", 300, 1, "5", ABOVE, true)),
            CloudFrontAlarmCoverage::distributions);

    private static List<Resource> distributions(CheckContext ctx) {
        if (!METRICS_REGION.equals(ctx.region())) {
            return List.of();
        }
        return ctx.get(CloudFrontDatasets.DISTRIBUTIONS).stream()
                .filter(Distribution::enabled)
                .map(d -> {
                    Map<String, String> dimensions = new LinkedHashMap<>();
                    dimensions.put("DistributionId", d.id());
                    dimensions.put("Region", "Global");
                    return Resource.of("AWS::CloudFront::Distribution", d.id(), d.arn(), dimensions);
                })
                .toList();
    }
}
