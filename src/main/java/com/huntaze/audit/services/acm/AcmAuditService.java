package com.huntaze.audit.services.acm;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** AWS Certificate Manager: the certificates of each region, their use, validation and renewal. */
public final class AcmAuditService implements AuditService {

    @Override
    public String id() {
        return "acm";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(AcmCollectors.CERTIFICATES);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(AcmCollectors.ACM);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new AcmCertificateRenewalCheck());
    }
}
