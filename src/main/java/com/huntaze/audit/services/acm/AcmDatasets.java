package com.huntaze.audit.services.acm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the acm service, each filled by one of its collectors. */
public final class AcmDatasets {
    private AcmDatasets() {
    }

    /** The ISSUED and EXPIRED certificates of a region (other statuses serve nothing and are not kept). */
    public static final Dataset<List<AcmCertificate>> CERTIFICATES =
            new Dataset<>("acm.certificates", Scope.REGIONAL, "acm", new TypeReference<>() { });
}
