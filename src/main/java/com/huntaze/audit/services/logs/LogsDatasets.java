package com.huntaze.audit.services.logs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the logs service, each filled by one of its collectors. */
public final class LogsDatasets {
    private LogsDatasets() {
    }

    public static final Dataset<List<LogGroup>> LOG_GROUPS =
            new Dataset<>("logs.logGroups", Scope.REGIONAL, "logs", new TypeReference<>() { });
}
