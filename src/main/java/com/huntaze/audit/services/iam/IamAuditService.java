package com.huntaze.audit.services.iam;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** IAM (global): the account summary, users and their access keys. */
public final class IamAuditService implements AuditService {

    @Override
    public String id() {
        return "iam";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(IamCollectors.ACCOUNT_SUMMARY, IamCollectors.USERS, IamCollectors.ACCESS_KEYS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(IamCollectors.IAM);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new IamRootMfaCheck(),
                new IamRootAccessKeysCheck(),
                new IamUserMfaCheck(),
                new IamAccessKeyAgeCheck());
    }
}
