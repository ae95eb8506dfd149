package com.huntaze.audit.services.cloudfront;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A kind of resource a CloudFront origin can be, contributed by the service that lists those resources (an
 * {@link com.huntaze.audit.services.AuditService#contributions()} entry): {@code cloudfront.origin-in-account} reads
 * every contribution, so a service that lists S3 buckets, Lambda function URLs or API Gateway domains makes those
 * origins verifiable without touching the check.
 *
 * @param kind           how findings name the kind, e.g. {@code load balancer}, {@code Amplify app}
 * @param requires       the datasets {@link #owned} reads
 * @param shapes         globs ({@code *} any characters) of the domain names resources of this kind have, lower
 *                       case, e.g. {@code *.elb.amazonaws.com}: the contributor sees the whole list of them, so an
 *                       origin of this shape that {@link #owned} does not name is outside the account
 * @param regionInDomain whether a resource's domain names its region (an ELB DNS name does, an
 *                       {@code amplifyapp.com} domain does not) and the resources are listed per region: an origin
 *                       whose domain names a region the audit did not read is then TODO, that region's list unread
 * @param owned          the domain names of the account's resources of this kind (lower case), each with the
 *                       resource in words (e.g. {@code load balancer prod-web (application, us-east-1)}), given the
 *                       context of the global check: read regional datasets with {@link CheckContext#inEveryRegion}
 */
public record OriginOwners(String kind, Set<Dataset<?>> requires, List<String> shapes, boolean regionInDomain,
                           Function<CheckContext, Map<String, String>> owned) {

    public OriginOwners {
        requires = Set.copyOf(requires);
        shapes = List.copyOf(shapes);
    }
}
