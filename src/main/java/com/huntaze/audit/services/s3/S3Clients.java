package com.huntaze.audit.services.s3;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.ServiceClient;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointProvider;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.S3ControlClientBuilder;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/**
 * The S3 and S3 Control clients of the session, and what is particular about them:
 * <ul>
 * <li>Some of their operations are authorised by IAM actions of another name (ListBuckets is
 *     {@code s3:ListAllMyBuckets}): the read-only guard, the call counts and the policy use the IAM names.</li>
 * <li>With {@code --endpoint-url} (an emulator) the SDK would put the bucket name, and S3 Control the account id,
 *     in front of the endpoint's host ({@code 123456789012.127.0.0.1}: no such host). Then S3 is addressed
 *     path-style and S3 Control without the account prefix (the account still goes in its {@code x-amz-account-id}
 *     header); against AWS itself nothing changes. The SDK's {@code DISABLE_HOST_PREFIX_INJECTION} does not help:
 *     S3 Control's prefix comes from its endpoint rules, not from a host-prefix trait.</li>
 * </ul>
 */
final class S3Clients {
    private S3Clients() {
    }

    /** S3 operation → IAM action, where the names differ. */
    static final Map<String, String> S3_IAM_ACTIONS = Map.of(
            "ListBuckets", "s3:ListAllMyBuckets",
            "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock",
            "GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration");

    /** S3 Control operation → IAM action, where the names differ. */
    static final Map<String, String> S3_CONTROL_IAM_ACTIONS = Map.of(
            "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock");

    /** The region of the calls about the account as a whole (ListBuckets, account-level Block Public Access). */
    static final String ACCOUNT_REGION = "us-east-1";

    private static final S3EndpointProvider S3_ENDPOINTS = S3EndpointProvider.defaultProvider();
    private static final S3ControlEndpointProvider S3_CONTROL_ENDPOINTS = S3ControlEndpointProvider.defaultProvider();

    /** Path-style addressing when an endpoint is given (the SDK passes {@code --endpoint-url} as its Endpoint). */
    static final S3EndpointProvider PATH_STYLE_ON_OVERRIDE = params -> S3_ENDPOINTS.resolveEndpoint(
            params.endpoint() == null ? params : params.toBuilder().forcePathStyle(true).build());

    /** No account id in front of a given endpoint's host. */
    static final S3ControlEndpointProvider NO_ACCOUNT_PREFIX_ON_OVERRIDE = params -> S3_CONTROL_ENDPOINTS
            .resolveEndpoint(params.endpoint() == null ? params : params.toBuilder().requiresAccountId(false).build());

    /**
     * The S3 client: in {@link #ACCOUNT_REGION} for ListBuckets (the one an audit builds ahead of its collectors), and
     * in each bucket's region for its own Get calls ({@link #s3}), which no audit can know before ListBuckets.
     */
    static final ServiceClient<S3Client, S3ClientBuilder> S3 = ServiceClient.inRegion("s3", ACCOUNT_REGION,
            () -> S3Client.builder().endpointProvider(PATH_STYLE_ON_OVERRIDE)).withIamActions(S3_IAM_ACTIONS);

    static final ServiceClient<S3ControlClient, S3ControlClientBuilder> S3_CONTROL = ServiceClient.inRegion("s3",
            ACCOUNT_REGION, () -> S3ControlClient.builder().endpointProvider(NO_ACCOUNT_PREFIX_ON_OVERRIDE))
            .withIamActions(S3_CONTROL_IAM_ACTIONS);

    /** The S3 client of {@code region}: a bucket's own Get calls go to its region. */
    static S3Client s3(CollectionContext context, String region) {
        return context.aws().client(S3, region);
    }

    static S3ControlClient s3Control(CollectionContext context) {
        return context.client(S3_CONTROL);
    }
}
