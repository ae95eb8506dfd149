package com.huntaze.audit.services.lambda;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the lambda service, each filled by one of its collectors. */
public final class LambdaDatasets {
    private LambdaDatasets() {
    }

    /** ListFunctions: every function of the region (environment variable names only). */
    public static final Dataset<List<LambdaFunction>> FUNCTIONS =
            new Dataset<>("lambda.functions", Scope.REGIONAL, "lambda", new TypeReference<>() { });

    /**
     * ListFunctionEventInvokeConfigs of each function that an {@link AsynchronousCallers} names (only those: the
     * others are not read).
     */
    public static final Dataset<List<EventInvokeConfig>> EVENT_INVOKE_CONFIGS =
            new Dataset<>("lambda.eventInvokeConfigs", Scope.REGIONAL, "lambda", new TypeReference<>() { });
}
