package com.huntaze.audit.services.manual;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** The by-hand items of the launch checklist: no AWS call, TODO until attested in the config file. */
public final class ManualAuditService implements AuditService {

    @Override
    public String id() {
        return "manual";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of();
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new ManualRestoreTestCheck(),
                new ManualFailoverTestCheck(),
                new ManualLoadTestCheck(),
                new ManualDnsTlsCheck(),
                new ManualPatchingCheck());
    }
}
