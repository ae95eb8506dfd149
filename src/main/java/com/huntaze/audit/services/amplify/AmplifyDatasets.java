package com.huntaze.audit.services.amplify;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the amplify service, each filled by one of its collectors. */
public final class AmplifyDatasets {
    private AmplifyDatasets() {
    }

    /** Every Amplify app of the region, each with its branches. */
    public static final Dataset<List<AmplifyApp>> APPS =
            new Dataset<>("amplify.apps", Scope.REGIONAL, "amplify", new TypeReference<>() { });
}
