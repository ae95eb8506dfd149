package com.huntaze.audit.services.ses;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** SES (v2 API): the account's sending status, the email identities, and the DNS records of its domains. */
public final class SesAuditService implements AuditService {

    @Override
    public String id() {
        return "ses";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(SesCollectors.ACCOUNT, SesCollectors.EMAIL_IDENTITIES, SesCollectors.EMAIL_DNS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(SesCollectors.SES);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new SesProductionAccessCheck(),
                new SesIdentityVerifiedCheck(),
                new SesEmailDnsCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(SesAlarmCoverage.ACCOUNT);
    }
}
