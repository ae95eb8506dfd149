package com.huntaze.audit.services.acm;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.AcmClientBuilder;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;

/**
 * ACM: ListCertificates (1000 per page, its maximum) of every status and every key type (by default the API lists
 * RSA 2048-bit keys only, and would hide an ECDSA certificate), then DescribeCertificate for each ISSUED or EXPIRED
 * certificate the summary says is in use: what uses it (InUseBy), how its domains are validated and its renewal
 * status. A certificate not in use needs no more than its summary: it is judged "not in use". When CloudFront's
 * datasets are collected, the certificates are read in us-east-1 too, audited region or not.
 */
final class AcmCollectors {
    private AcmCollectors() {
    }

    static final ServiceClient<AcmClient, AcmClientBuilder> ACM = ServiceClient.regional("acm", AcmClient::builder);

    static final int PAGE_SIZE = 1000;

    /** The IAM prefix (and {@code Dataset.service()}) of CloudFront's datasets. */
    static final String CLOUDFRONT = "cloudfront";
    static final String CLOUDFRONT_CERTIFICATES_REGION = "us-east-1";

    /** The statuses judged: a pending, failed, revoked or timed-out request serves no traffic. */
    private static final Set<String> JUDGED = Set.of(CertificateStatus.ISSUED.toString(),
            CertificateStatus.EXPIRED.toString());

    static final DatasetCollector<List<AcmCertificate>> CERTIFICATES = new DatasetCollector<>() {
        @Override
        public Dataset<List<AcmCertificate>> dataset() {
            return AcmDatasets.CERTIFICATES;
        }

        @Override
        public List<String> actions() {
            return List.of("acm:DescribeCertificate", "acm:ListCertificates");
        }

        /** CloudFront takes its certificates from us-east-1 only: read them there whenever CloudFront is audited. */
        @Override
        public Set<String> extraRegions(Set<Dataset<?>> audit) {
            return audit.stream().anyMatch(d -> CLOUDFRONT.equals(d.service())) ? Set.of(CLOUDFRONT_CERTIFICATES_REGION)
                    : Set.of();
        }

        @Override
        public List<AcmCertificate> collect(CollectionContext context) {
            AcmClient acm = context.client(ACM);
            List<CertificateSummary> listed = call("acm:ListCertificates", () -> acm
                    .listCertificatesPaginator(r -> r.maxItems(PAGE_SIZE)
                            .certificateStatuses(CertificateStatus.knownValues())
                            .includes(f -> f.keyTypes(KeyAlgorithm.knownValues())))
                    .certificateSummaryList().stream()
                    .filter(s -> JUDGED.contains(s.statusAsString()))
                    .toList());
            return context.forEach(listed, summary -> Boolean.FALSE.equals(summary.inUse())
                    ? fromSummary(summary)
                    : call("acm:DescribeCertificate", () -> {
                        try {
                            return described(acm.describeCertificate(r -> r.certificateArn(summary.certificateArn()))
                                    .certificate());
                        } catch (ResourceNotFoundException deletedSinceListed) {
                            return null;
                        }
                    })).stream().filter(Objects::nonNull).toList();
        }
    };

    private static AcmCertificate fromSummary(CertificateSummary s) {
        return new AcmCertificate(s.certificateArn(), s.domainName(), s.typeAsString(), s.statusAsString(), false,
                List.of(), s.notAfter(), List.of(), s.renewalEligibilityAsString(), null, null);
    }

    private static AcmCertificate described(CertificateDetail c) {
        List<String> methods = c.domainValidationOptions().stream().map(DomainValidation::validationMethodAsString)
                .filter(Objects::nonNull).distinct().sorted().toList();
        var renewal = c.renewalSummary();
        return new AcmCertificate(c.certificateArn(), c.domainName(), c.typeAsString(), c.statusAsString(),
                !c.inUseBy().isEmpty(), c.inUseBy(), c.notAfter(), methods, c.renewalEligibilityAsString(),
                renewal == null ? null : renewal.renewalStatusAsString(),
                renewal == null ? null : renewal.renewalStatusReasonAsString());
    }
}
