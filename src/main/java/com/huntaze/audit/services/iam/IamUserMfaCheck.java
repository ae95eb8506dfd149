package com.huntaze.audit.services.iam;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/**
 * iam.user-mfa: every IAM user who can sign in to the console has an MFA device. Users without a console
 * password (automation users with access keys only) cannot sign in, so they get no finding.
 */
public final class IamUserMfaCheck implements Check {

    @Override
    public String id() {
        return "iam.user-mfa";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(IamDatasets.USERS);
    }

    @Override
    public Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(IamDatasets.USERS).stream()
                .filter(u -> u.consolePassword())
                .map(u -> {
                    var evidence = Evidence.of("ConsolePassword", true, "MFADevices", u.mfaDevices(),
                            "PasswordLastUsed", u.passwordLastUsed() == null ? "never" : u.passwordLastUsed().toString());
                    if (u.mfaDevices() > 0) {
                        return ctx.ok(u.name(), u.arn(), "Console sign-in requires MFA.", evidence);
                    }
                    return ctx.nok(u.name(), u.arn(), "Can sign in to the console with a password alone: no MFA"
                            + " device.", evidence);
                })
                .toList();
    }
}
