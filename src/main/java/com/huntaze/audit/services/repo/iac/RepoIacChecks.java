package com.huntaze.audit.services.repo.iac;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.repo.RepoCloudfrontOriginCheck;
import com.huntaze.audit.services.repo.RepoIacHttpListenerCheck;
import com.huntaze.audit.services.repo.RepoIacPublicIpCheck;
import com.huntaze.audit.services.repo.RepoTaskRolePoliciesCheck;
import com.huntaze.audit.services.repo.RepoTerraformRemoteStateCheck;
import java.util.List;

/** The checks of the repository audit that read infrastructure code: the repository service lists them. */
public final class RepoIacChecks {
    private RepoIacChecks() {
    }

    public static List<Check> all() {
        return CHECKS;
    }

    private static final List<Check> CHECKS = List.of(new RepoIacPublicIpCheck(), new RepoIacHttpListenerCheck(),
            new RepoTerraformRemoteStateCheck(), new RepoCloudfrontOriginCheck(), new RepoTaskRolePoliciesCheck());
}
