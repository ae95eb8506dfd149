package com.huntaze.audit.services.ses;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** ses.production-access: SES can send to anyone in this region (out of the sandbox, sending enabled). */
public final class SesProductionAccessCheck implements Check {

    @Override
    public String id() {
        return "ses.production-access";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(SesDatasets.ACCOUNT);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        SesAccount account = ctx.get(SesDatasets.ACCOUNT);
        var evidence = Evidence.of(
                "ProductionAccessEnabled", account.productionAccessEnabled(),
                "SendingEnabled", account.sendingEnabled(),
                "EnforcementStatus", account.enforcementStatus(),
                "Max24HourSend", account.max24HourSend(),
                "MaxSendRate", account.maxSendRate());
        if (!account.productionAccessEnabled()) {
            return List.of(ctx.nok("", null, "SES is in the sandbox in " + ctx.region()
                    + ": it sends only to verified addresses, at most " + (long) account.max24HourSend()
                    + " messages a day.", evidence));
        }
        if (!account.sendingEnabled()) {
            return List.of(ctx.nok("", null, "SES sending is disabled for the account in " + ctx.region()
                    + " (enforcement status " + account.enforcementStatus() + ").", evidence));
        }
        return List.of(ctx.ok("", null, "SES has production access in " + ctx.region() + ", up to "
                + (long) account.max24HourSend() + " messages a day.", evidence));
    }
}
