package com.huntaze.audit.services.secretsmanager;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the secretsmanager service, each filled by one of its collectors. */
public final class SecretsManagerDatasets {
    private SecretsManagerDatasets() {
    }

    public static final Dataset<List<Secret>> SECRETS =
            new Dataset<>("secretsmanager.secrets", Scope.REGIONAL, "secretsmanager", new TypeReference<>() { });
}
