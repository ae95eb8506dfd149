package com.huntaze.audit.services.iam;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the iam service, each filled by one of its collectors. */
public final class IamDatasets {
    private IamDatasets() {
    }

    public static final Dataset<IamAccountSummary> ACCOUNT_SUMMARY =
            new Dataset<>("iam.accountSummary", Scope.GLOBAL, "iam", new TypeReference<>() { });

    public static final Dataset<List<IamUser>> USERS =
            new Dataset<>("iam.users", Scope.GLOBAL, "iam", new TypeReference<>() { });

    /** The access keys of every user in {@link #USERS}, with their last use. */
    public static final Dataset<List<IamAccessKey>> ACCESS_KEYS =
            new Dataset<>("iam.accessKeys", Scope.GLOBAL, "iam", new TypeReference<>() { });
}
