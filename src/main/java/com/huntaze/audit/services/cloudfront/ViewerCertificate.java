package com.huntaze.audit.services.cloudfront;

/**
 * The certificate a distribution shows viewers.
 *
 * @param acmCertificateArn      the ACM certificate, or null
 * @param iamCertificateId       the IAM server certificate, or null
 * @param minimumProtocolVersion the security policy, e.g. {@code TLSv1.2_2021}
 * @param sslSupportMethod       {@code sni-only}, {@code vip} or {@code static-ip}
 */
public record ViewerCertificate(String acmCertificateArn, String iamCertificateId, String minimumProtocolVersion,
                                String sslSupportMethod) {

    /**
     * Whether the distribution uses its own certificate (ACM or IAM) rather than CloudFront's {@code *.cloudfront.net}
     * one. Told from the certificate's ARN or id, not from CloudFrontDefaultCertificate: moto says true there even
     * with an ACM certificate.
     */
    public boolean custom() {
        return (acmCertificateArn != null && !acmCertificateArn.isBlank())
                || (iamCertificateId != null && !iamCertificateId.isBlank());
    }

    /** {@code ACM}, {@code IAM} or {@code CloudFront default}. */
    public String source() {
        if (acmCertificateArn != null && !acmCertificateArn.isBlank()) {
            return "ACM";
        }
        return iamCertificateId != null && !iamCertificateId.isBlank() ? "IAM" : "CloudFront default";
    }
}
