package com.huntaze.audit.services.manual;

/** manual.email-dns: the DNS records that keep the product's mail out of spam folders are published. */
public final class ManualEmailDnsCheck extends ManualCheck {
    public ManualEmailDnsCheck() {
        super("manual.email-dns", "check that the SPF, DKIM and DMARC records of every sending domain are published");
    }
}
