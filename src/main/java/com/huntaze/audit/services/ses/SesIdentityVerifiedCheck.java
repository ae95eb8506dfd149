package com.huntaze.audit.services.ses;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** ses.identity-verified: each SES identity is verified for sending and its DKIM status is SUCCESS. */
public final class SesIdentityVerifiedCheck implements Check {

    private static final String DKIM_SUCCESS = "SUCCESS";

    @Override
    public String id() {
        return "ses.identity-verified";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(SesDatasets.EMAIL_IDENTITIES);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(SesDatasets.EMAIL_IDENTITIES).stream().map(identity -> {
            var evidence = Evidence.of(
                    "IdentityType", identity.type(),
                    "VerifiedForSendingStatus", identity.verifiedForSending(),
                    "VerificationStatus", identity.verificationStatus(),
                    "DkimStatus", identity.dkimStatus(),
                    "DkimSigningEnabled", identity.dkimSigningEnabled());
            List<String> problems = problems(identity);
            if (problems.isEmpty()) {
                return ctx.ok(identity.name(), null, "Verified for sending; DKIM status SUCCESS.", evidence);
            }
            return ctx.nok(identity.name(), null, String.join("; ", problems) + ".", evidence);
        }).toList();
    }

    private static List<String> problems(SesIdentity identity) {
        List<String> problems = new ArrayList<>();
        if (!identity.verifiedForSending()) {
            problems.add("Not verified for sending (verification status " + status(identity.verificationStatus())
                    + "): SES rejects mail from it");
        }
        if (!DKIM_SUCCESS.equals(identity.dkimStatus())) {
            problems.add("DKIM status is " + status(identity.dkimStatus()) + ", not SUCCESS: its mail is not"
                    + " DKIM-signed with a published key and is likely to land in spam");
        }
        return problems;
    }

    private static String status(String value) {
        return value == null ? "absent" : value;
    }
}
