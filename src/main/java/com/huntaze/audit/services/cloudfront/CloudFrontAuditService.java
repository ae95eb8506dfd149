package com.huntaze.audit.services.cloudfront;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/**
 * CloudFront (global): distributions, their origins, viewer protocol policies and certificates. Its origin check
 * reads what other services contribute as {@link OriginOwners}.
 */
public final class CloudFrontAuditService implements AuditService {

    @Override
    public String id() {
        return "cloudfront";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(CloudFrontCollectors.DISTRIBUTIONS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(CloudFrontCollectors.CLOUDFRONT);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new CloudFrontOriginInAccountCheck(contributions.all(OriginOwners.class)),
                new CloudFrontViewerHttpsCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(CloudFrontAlarmCoverage.DISTRIBUTIONS);
    }
}
