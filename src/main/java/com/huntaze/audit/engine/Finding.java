package com.huntaze.audit.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Map;

/**
 * One verdict on one resource (or on the account, with an empty resourceId). Field names and order are the
 * JSON report contract (schemaVersion 1).
 */
@JsonPropertyOrder({"checkId", "status", "region", "resourceType", "resourceId", "resourceArn", "message",
        "evidence", "remediation", "estimatedMonthlySavingsUsd"})
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
        double estimatedMonthlySavingsUsd) {

    public Finding {
        resourceId = resourceId == null ? "" : resourceId;
        evidence = evidence == null ? Map.of() : evidence;
    }

    public Finding withRemediation(String newRemediation) {
        return new Finding(checkId, status, region, resourceType, resourceId, resourceArn, message, evidence,
                newRemediation, estimatedMonthlySavingsUsd);
    }

    /** The same finding about another kind of resource (e.g. a standalone cache cluster instead of a group). */
    public Finding withResourceType(String newResourceType) {
        return new Finding(checkId, status, region, newResourceType, resourceId, resourceArn, message, evidence,
                remediation, estimatedMonthlySavingsUsd);
    }

    /**
     * The same finding in another region: a global check's finding about a resource that lives in one region (an S3
     * bucket, listed account-wide, in its own region).
     */
    public Finding withRegion(String newRegion) {
        return new Finding(checkId, status, newRegion, resourceType, resourceId, resourceArn, message, evidence,
                remediation, estimatedMonthlySavingsUsd);
    }

    /** This finding with an estimated monthly saving, rounded to cents as the report shows it. */
    public Finding withSavings(double monthlyUsd) {
        return new Finding(checkId, status, region, resourceType, resourceId, resourceArn, message, evidence,
                remediation, Math.round(monthlyUsd * 100) / 100.0);
    }

    /** Within one check: region, then resource, then the rest so that equal resources still sort stably. */
    public static final Comparator<Finding> WITHIN_CHECK = Comparator.comparing(Finding::region)
            .thenComparing(Finding::resourceId)
            .thenComparing(f -> f.status().ordinal())
            .thenComparing(Finding::message)
            .thenComparing(f -> String.valueOf(f.evidence()));
}
