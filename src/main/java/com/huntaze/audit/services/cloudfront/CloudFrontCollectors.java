package com.huntaze.audit.services.cloudfront;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.paginators.ListDistributionsIterable;

/**
 * CloudFront (global: collected once per audit, with a us-east-1 client, CloudFront's signing region):
 * ListDistributions (100 per page, its maximum), then GetDistribution for each distribution, fanned out. The
 * summaries of real AWS carry most of the configuration, but moto's carry only ids, and one shape of data for both
 * keeps the checks simple: one GetDistribution per distribution, which the minimal-calls model counts.
 */
final class CloudFrontCollectors {
    private CloudFrontCollectors() {
    }

    /** ListDistributions' documented maximum MaxItems. */
    static final int PAGE_SIZE = 100;

    /** CloudFront's API is global; its requests are signed for us-east-1. */
    static final String CLIENT_REGION = "us-east-1";

    static final ServiceClient<CloudFrontClient, CloudFrontClientBuilder> CLOUDFRONT =
            ServiceClient.inRegion("cloudfront", CLIENT_REGION, CloudFrontClient::builder);

    static final DatasetCollector<List<Distribution>> DISTRIBUTIONS = new DatasetCollector<>() {
        @Override
        public Dataset<List<Distribution>> dataset() {
            return CloudFrontDatasets.DISTRIBUTIONS;
        }

        @Override
        public List<String> actions() {
            return List.of("cloudfront:ListDistributions", "cloudfront:GetDistribution");
        }

        @Override
        public List<Distribution> collect(CollectionContext context) {
            CloudFrontClient cloudFront = context.client(CLOUDFRONT);
            // The 2.40 client has no listDistributionsPaginator method, but the SDK ships the paginator itself.
            List<String> ids = call("cloudfront:ListDistributions", () -> new ListDistributionsIterable(cloudFront,
                    ListDistributionsRequest.builder().maxItems(Integer.toString(PAGE_SIZE)).build()).items().stream()
                    .map(DistributionSummary::id).toList());
            return context.forEach(ids, id -> call("cloudfront:GetDistribution",
                    () -> distribution(cloudFront.getDistribution(r -> r.id(id)).distribution())));
        }
    };

    private static Distribution distribution(software.amazon.awssdk.services.cloudfront.model.Distribution d) {
        DistributionConfig config = d.distributionConfig();
        List<String> aliases = config.aliases() == null ? List.of() : config.aliases().items();
        List<DistributionOrigin> origins = config.origins() == null ? List.of()
                : config.origins().items().stream().map(CloudFrontCollectors::origin).toList();
        List<CacheBehavior> behaviors = new ArrayList<>();
        if (config.defaultCacheBehavior() != null) {
            behaviors.add(new CacheBehavior(CacheBehavior.DEFAULT_PATH,
                    config.defaultCacheBehavior().viewerProtocolPolicyAsString(),
                    config.defaultCacheBehavior().targetOriginId()));
        }
        if (config.cacheBehaviors() != null) {
            config.cacheBehaviors().items().forEach(b -> behaviors.add(new CacheBehavior(b.pathPattern(),
                    b.viewerProtocolPolicyAsString(), b.targetOriginId())));
        }
        var certificate = config.viewerCertificate();
        return new Distribution(d.id(), d.arn(), d.domainName(), aliases, Boolean.TRUE.equals(config.enabled()),
                d.status(), origins, behaviors, certificate == null ? null : new ViewerCertificate(
                        certificate.acmCertificateArn(), certificate.iamCertificateId(),
                        certificate.minimumProtocolVersionAsString(), certificate.sslSupportMethodAsString()));
    }

    /** Its id, domain and kind only: custom headers (often a shared secret the origin checks) are not kept. */
    private static DistributionOrigin origin(Origin origin) {
        String type = origin.s3OriginConfig() != null ? "s3" : origin.vpcOriginConfig() != null ? "vpc" : "custom";
        return new DistributionOrigin(origin.id(), origin.domainName(), type);
    }
}
