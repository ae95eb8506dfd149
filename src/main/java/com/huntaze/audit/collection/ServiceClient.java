package com.huntaze.audit.collection;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;

/**
 * One SDK client a service reads AWS with, declared once in its service's folder (a constant of its
 * {@code *Collectors} or {@code *Clients} class) and returned by its {@code AuditService.clients()}: every collector
 * gets it with {@code context.client(RdsCollectors.RDS)}, and an audit builds the clients of its services ahead of
 * the collectors, while the STS call is in flight ({@link AwsSession#prepare}).
 *
 * @param iamPrefix    the service's IAM action prefix: the read-only guard lets through {@code iamPrefix:Operation}
 *                     only when a collector declared it
 * @param iamActions   SDK operation name → IAM action, for the operations whose names differ (S3's ListBuckets is
 *                     {@code s3:ListAllMyBuckets}): the guard allows, counts and names those calls by their IAM action
 * @param builder      a fresh builder of the client, configured with what is particular to the service (the
 *                     session adds region, credentials, HTTP client, interceptors, retries and timeouts)
 * @param fixedRegion  the one region the client lives in (IAM's {@link AwsSession#GLOBAL_CLIENT_REGION}, Route 53's
 *                     and CloudFront's us-east-1), whichever regions are audited; null for a client of each audited
 *                     region
 */
public record ServiceClient<C extends SdkClient, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>>(
        String iamPrefix, Map<String, String> iamActions, Supplier<B> builder, String fixedRegion) {

    public ServiceClient {
        iamActions = Map.copyOf(iamActions);
    }

    /** A client of each audited region: {@code ServiceClient.regional("rds", RdsClient::builder)}. */
    public static <C extends SdkClient, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>>
            ServiceClient<C, B> regional(String iamPrefix, Supplier<B> builder) {
        return new ServiceClient<>(iamPrefix, Map.of(), builder, null);
    }

    /** A client of one region, whichever regions are audited: a global service's. */
    public static <C extends SdkClient, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>>
            ServiceClient<C, B> inRegion(String iamPrefix, String region, Supplier<B> builder) {
        return new ServiceClient<>(iamPrefix, Map.of(), builder, region);
    }

    /** The same client, some of whose operations are authorised by an IAM action of another name. */
    public ServiceClient<C, B> withIamActions(Map<String, String> operationToAction) {
        return new ServiceClient<>(iamPrefix, operationToAction, builder, fixedRegion);
    }

    /** The regions the client is built in for an audit of {@code audited}: its fixed region, or each audited one. */
    public List<String> regions(List<String> audited) {
        return fixedRegion != null ? List.of(fixedRegion) : audited;
    }

    /** The region of a collector's client: the fixed region, or the collector's own. */
    public String regionFor(String collectorRegion) {
        return fixedRegion != null ? fixedRegion : collectorRegion;
    }

    /** This client in one region: what an audit builds ahead of its collectors. */
    public InRegion in(String region) {
        return new InRegion(this, region);
    }

    /** One client of one region. */
    public record InRegion(ServiceClient<?, ?> client, String region) {
    }
}
