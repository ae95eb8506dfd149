package com.huntaze.audit.services.cloudfront;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the cloudfront service, each filled by one of its collectors. */
public final class CloudFrontDatasets {
    private CloudFrontDatasets() {
    }

    /** Every distribution of the account (CloudFront is global: collected once, through us-east-1). */
    public static final Dataset<List<Distribution>> DISTRIBUTIONS =
            new Dataset<>("cloudfront.distributions", Scope.GLOBAL, "cloudfront", new TypeReference<>() { });
}
