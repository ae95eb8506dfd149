package com.huntaze.audit.services.ses;

/**
 * One SES identity (a domain or an email address) of a region, from SESv2 GetEmailIdentity.
 *
 * @param type               DOMAIN, EMAIL_ADDRESS or MANAGED_DOMAIN
 * @param verifiedForSending VerifiedForSendingStatus: SES lets it send (false when absent)
 * @param verificationStatus PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE or NOT_STARTED (null when absent)
 * @param dkimStatus         the DKIM status, same values (null when absent)
 * @param dkimSigningEnabled whether SES signs its mail with DKIM (false when absent)
 */
public record SesIdentity(
        String name,
        String type,
        boolean verifiedForSending,
        String verificationStatus,
        String dkimStatus,
        boolean dkimSigningEnabled) {
}
