package com.huntaze.audit.services.repo;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/**
 * The repository audit ({@code check --repo DIR}): checks that read the files of a repository instead of AWS. Its
 * datasets have no collector and no IAM action: {@link RepoReader} fills them before the checks run.
 */
public final class RepoAuditService implements AuditService {

    @Override
    public String id() {
        return RepoDatasets.SERVICE;
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of();
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        List<Check> checks = new java.util.ArrayList<>(List.of(new RepoStateFilesCheck(),
                new RepoSecretFilesCheck(),
                new RepoAwsKeysCheck(),
                new RepoHistorySecretsCheck()));
        checks.addAll(com.huntaze.audit.services.repo.iac.RepoIacChecks.all());
        return List.copyOf(checks);
    }
}
