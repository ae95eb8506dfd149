package com.huntaze.audit.services.ses;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the ses service, each filled by one of its collectors. */
public final class SesDatasets {
    private SesDatasets() {
    }

    public static final Dataset<SesAccount> ACCOUNT =
            new Dataset<>("ses.account", Scope.REGIONAL, "ses", new TypeReference<>() { });

    public static final Dataset<List<SesIdentity>> EMAIL_IDENTITIES =
            new Dataset<>("ses.emailIdentities", Scope.REGIONAL, "ses", new TypeReference<>() { });

    /** The SPF, DMARC and DKIM records in DNS of each verified domain of {@link #EMAIL_IDENTITIES}. */
    public static final Dataset<List<SesEmailDns>> EMAIL_DNS =
            new Dataset<>("ses.emailDns", Scope.REGIONAL, "ses", new TypeReference<>() { });
}
