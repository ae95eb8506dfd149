package com.huntaze.audit.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Map;

/**
 * One verdict on one resource (or on the account, with an empty resourceId). Field names and order are the
 * JSON report contract (schemaVersion 1).
 *
 * @param account  additive: the AWS account the resource is in (absent on repository findings, which are in no
 *                 account)
 * @param location additive: where in a repository a repository finding is (absent on account findings)
 */
@JsonPropertyOrder({"checkId", "status", "account", "region", "resourceType", "resourceId", "resourceArn", "message",
        "evidence", "remediation", "estimatedMonthlySavingsUsd", "location"})
public record Finding(
        String checkId,
        Status status,
        String region,
        String resourceType,
        String resourceId,
        String resourceArn,
        String message,
        Map<String, Object> evidence,
        String remediation,
        double estimatedMonthlySavingsUsd,
        @JsonInclude(JsonInclude.Include.NON_NULL) String account,
        @JsonInclude(JsonInclude.Include.NON_NULL) Location location) {

    public Finding {
        resourceId = resourceId == null ? "" : resourceId;
        evidence = evidence == null ? Map.of() : evidence;
    }

    /** A finding in no particular account (yet) and outside any repository. */
    public Finding(String checkId, Status status, String region, String resourceType, String resourceId,
                   String resourceArn, String message, Map<String, Object> evidence, String remediation,
                   double estimatedMonthlySavingsUsd) {
        this(checkId, status, region, resourceType, resourceId, resourceArn, message, evidence, remediation,
                estimatedMonthlySavingsUsd, null, null);
    }

    /**
     * Where a repository finding is.
     *
     * @param repository the repository's folder name (the last element of the {@code --repo} path)
     * @param path       the file, relative to the repository, with {@code /} separators
     * @param line       1-based, absent when the finding is about the whole file
     */
    @JsonPropertyOrder({"repository", "path", "line"})
    public record Location(String repository, String path, @JsonInclude(JsonInclude.Include.NON_NULL) Integer line) {
    }

    /** The same finding, in this account. */
    public Finding withAccount(String newAccount) {
        return new Finding(checkId, status, region, resourceType, resourceId, resourceArn, message, evidence,
                remediation, estimatedMonthlySavingsUsd, newAccount, location);
    }

    /** The same finding, at this place of a repository. */
    public Finding withLocation(Location newLocation) {
        return new Finding(checkId, status, region, resourceType, resourceId, resourceArn, message, evidence,
                remediation, estimatedMonthlySavingsUsd, account, newLocation);
    }

    public Finding withRemediation(String newRemediation) {
        return new Finding(checkId, status, region, resourceType, resourceId, resourceArn, message, evidence,
                newRemediation, estimatedMonthlySavingsUsd, account, location);
    }

    /** The same finding about another kind of resource (e.g. a standalone cache cluster instead of a group). */
    public Finding withResourceType(String newResourceType) {
        return new Finding(checkId, status, region, newResourceType, resourceId, resourceArn, message, evidence,
                remediation, estimatedMonthlySavingsUsd, account, location);
    }

    /**
     * The same finding in another region: a global check's finding about a resource that lives in one region (an S3
     * bucket, listed account-wide, in its own region).
     */
    public Finding withRegion(String newRegion) {
        return new Finding(checkId, status, newRegion, resourceType, resourceId, resourceArn, message, evidence,
                remediation, estimatedMonthlySavingsUsd, account, location);
    }

    /** This finding with an estimated monthly saving, rounded to cents as the report shows it. */
    public Finding withSavings(double monthlyUsd) {
        return new Finding(checkId, status, region, resourceType, resourceId, resourceArn, message, evidence,
                remediation, Math.round(monthlyUsd * 100) / 100.0, account, location);
    }

    /** Within one check: region, then resource, then the rest so that equal resources still sort stably. */
    public static final Comparator<Finding> WITHIN_CHECK = Comparator.comparing(Finding::region)
            .thenComparing(Finding::resourceId)
            .thenComparing(f -> f.status().ordinal())
            .thenComparing(Finding::message)
            .thenComparing(f -> String.valueOf(f.evidence()));
}
