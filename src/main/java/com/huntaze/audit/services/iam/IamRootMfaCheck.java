package com.huntaze.audit.services.iam;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** iam.root-mfa: the account's root user signs in with MFA. One finding for the account. */
public final class IamRootMfaCheck implements Check {

    @Override
    public String id() {
        return "iam.root-mfa";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(IamDatasets.ACCOUNT_SUMMARY);
    }

    @Override
    public Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        IamAccountSummary summary = ctx.get(IamDatasets.ACCOUNT_SUMMARY);
        var evidence = Evidence.of("AccountMFAEnabled", summary.accountMfaEnabled());
        if (summary.rootMfaEnabled()) {
            return List.of(ctx.ok("", null, "The root user has an MFA device.", evidence));
        }
        return List.of(ctx.nok("", null, "The root user has no MFA device: its password alone gives full,"
                + " unrestricted control of the account.", evidence));
    }
}
