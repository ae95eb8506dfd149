package com.huntaze.audit.services.ses;

import java.util.List;

/**
 * One SES identity (a domain or an email address) of a region, from SESv2 GetEmailIdentity.
 *
 * @param type               DOMAIN, EMAIL_ADDRESS or MANAGED_DOMAIN
 * @param verifiedForSending VerifiedForSendingStatus: SES lets it send (false when absent)
 * @param verificationStatus PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE or NOT_STARTED (null when absent)
 * @param dkimStatus         the DKIM status, same values (null when absent)
 * @param dkimSigningEnabled whether SES signs its mail with DKIM (false when absent)
 * @param dkimTokens         DkimAttributes.Tokens: with Easy DKIM, the three TOKEN._domainkey.DOMAIN CNAME records to
 *                           publish (empty when absent, e.g. for a key of one's own, BYODKIM)
 * @param mailFromDomain     MailFromAttributes.MailFromDomain: the custom MAIL FROM domain, whose SPF record counts;
 *                           null without one (SES then sends from a subdomain of amazonses.com)
 */
public record SesIdentity(
        String name,
        String type,
        boolean verifiedForSending,
        String verificationStatus,
        String dkimStatus,
        boolean dkimSigningEnabled,
        List<String> dkimTokens,
        String mailFromDomain) {

    public SesIdentity {
        dkimTokens = dkimTokens == null ? List.of() : List.copyOf(dkimTokens);
        mailFromDomain = mailFromDomain == null || mailFromDomain.isBlank() ? null : mailFromDomain;
    }

    /** An identity without DKIM tokens and without a custom MAIL FROM domain. */
    public SesIdentity(String name, String type, boolean verifiedForSending, String verificationStatus,
                       String dkimStatus, boolean dkimSigningEnabled) {
        this(name, type, verifiedForSending, verificationStatus, dkimStatus, dkimSigningEnabled, List.of(), null);
    }

    /** A domain SES verified (ses.email-dns judges its DNS records; an unverified one is ses.identity-verified's). */
    public boolean isVerifiedDomain() {
        return "DOMAIN".equals(type) && (verifiedForSending || "SUCCESS".equals(verificationStatus));
    }
}
