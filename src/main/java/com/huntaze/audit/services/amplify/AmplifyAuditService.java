package com.huntaze.audit.services.amplify;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** AWS Amplify Hosting: apps and their branches (environment variable names only, never values). */
public final class AmplifyAuditService implements AuditService {

    @Override
    public String id() {
        return "amplify";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(AmplifyCollectors.APPS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(AmplifyCollectors.AMPLIFY);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new AmplifyNoAwsKeysInEnvCheck(), new AmplifyServiceRoleCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(AmplifyOriginOwners.APPS);
    }
}
