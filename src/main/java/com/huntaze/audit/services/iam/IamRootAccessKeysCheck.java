package com.huntaze.audit.services.iam;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** iam.root-access-keys: the root user has no access keys. One finding for the account. */
public final class IamRootAccessKeysCheck implements Check {

    @Override
    public String id() {
        return "iam.root-access-keys";
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
        var evidence = Evidence.of("AccountAccessKeysPresent", summary.accountAccessKeysPresent());
        if (summary.rootAccessKeysPresent()) {
            return List.of(ctx.nok("", null, "The root user has an access key: whoever holds it controls the whole"
                    + " account, and no policy can restrict it.", evidence));
        }
        return List.of(ctx.ok("", null, "The root user has no access key.", evidence));
    }
}
