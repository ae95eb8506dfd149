package com.huntaze.audit.services.ecr;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** ECR: the registry's scanning configuration, its repositories, and the scans of the images ECS services run. */
public final class EcrAuditService implements AuditService {

    @Override
    public String id() {
        return "ecr";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(EcrCollectors.REGISTRY_SCANNING, EcrCollectors.REPOSITORIES, EcrCollectors.IMAGE_SCANS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(EcrCollectors.ECR);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new EcrScanOnPushCheck(), new EcrImageFindingsCheck());
    }
}
