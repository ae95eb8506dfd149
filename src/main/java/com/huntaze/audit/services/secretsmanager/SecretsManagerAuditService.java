package com.huntaze.audit.services.secretsmanager;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.pricing.PriceItem;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** Secrets Manager: the secrets' metadata (never their values). */
public final class SecretsManagerAuditService implements AuditService {

    /** Price item: per secret and month. */
    public static final String SECRET_MONTH = "secretsmanager.secret-month";

    @Override
    public String id() {
        return "secretsmanager";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(SecretsManagerCollectors.SECRETS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(SecretsManagerCollectors.SECRETS_MANAGER);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new SecretsManagerRotationCheck(),
                new SecretsManagerUnusedSecretCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(PriceItem.single(SECRET_MONTH, "per secret and month"));
    }
}
