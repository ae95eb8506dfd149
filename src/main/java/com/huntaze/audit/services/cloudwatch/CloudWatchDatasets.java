package com.huntaze.audit.services.cloudwatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;

/** The datasets of the cloudwatch service, each filled by one of its collectors. */
public final class CloudWatchDatasets {
    private CloudWatchDatasets() {
    }

    /** DescribeAlarms, metric and composite alarms. */
    public static final Dataset<CloudWatchAlarms> ALARMS =
            new Dataset<>("cloudwatch.alarms", Scope.REGIONAL, "cloudwatch", new TypeReference<>() { });
}
