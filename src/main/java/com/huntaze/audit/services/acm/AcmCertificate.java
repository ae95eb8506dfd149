package com.huntaze.audit.services.acm;

import java.time.Instant;
import java.util.List;

/**
 * One ACM certificate of a region that is ISSUED or EXPIRED, from ListCertificates and, when it is in use,
 * DescribeCertificate (only a certificate in use is described: the summary already says whether it is).
 *
 * @param type              AMAZON_ISSUED, IMPORTED or PRIVATE
 * @param status            ISSUED or EXPIRED
 * @param inUse             whether an AWS resource uses it (a load balancer listener, a CloudFront distribution, ...)
 * @param inUseBy           the ARNs (or, for a classic load balancer, the DNS names) of what uses it; empty when it is
 *                          not in use
 * @param notAfter          its expiry (null when ACM does not say)
 * @param validationMethods the distinct ValidationMethod of its domains (DNS, EMAIL); empty for imported and private
 *                          certificates, and for one not in use (not described)
 * @param renewalStatus     RenewalSummary.RenewalStatus: PENDING_AUTO_RENEWAL, PENDING_VALIDATION, SUCCESS or FAILED;
 *                          null when ACM has not started a renewal
 */
public record AcmCertificate(
        String arn,
        String domainName,
        String type,
        String status,
        boolean inUse,
        List<String> inUseBy,
        Instant notAfter,
        List<String> validationMethods,
        String renewalEligibility,
        String renewalStatus,
        String renewalStatusReason) {

    public AcmCertificate {
        inUseBy = inUseBy == null ? List.of() : List.copyOf(inUseBy);
        validationMethods = validationMethods == null ? List.of() : List.copyOf(validationMethods);
    }
}
