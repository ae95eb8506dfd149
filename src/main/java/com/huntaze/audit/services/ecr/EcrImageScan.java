package com.huntaze.audit.services.ecr;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The latest scan of one image an ECS service runs from this account's ECR, from DescribeImageScanFindings (one
 * call per distinct image). Only the counts and a few vulnerability ids are kept, not the findings.
 *
 * @param image                the image as written in the task definition (the key the check looks it up by)
 * @param status               the scan's status as ECR reports it ({@code COMPLETE}, {@code ACTIVE} for ENHANCED
 *                             scanning, {@code IN_PROGRESS}, {@code PENDING}, {@code FAILED}, {@code UNSUPPORTED_IMAGE},
 *                             ...), or {@link #NOT_SCANNED} (ScanNotFoundException), {@link #IMAGE_NOT_FOUND},
 *                             {@link #REPOSITORY_NOT_FOUND}
 * @param completedAt          when the scan completed; null when it did not
 * @param severityCounts       findings by severity ({@code CRITICAL}, {@code HIGH}, {@code MEDIUM}, ...), for the
 *                             whole scan
 * @param topVulnerabilityIds  up to 5 ids (CVE-...) of CRITICAL findings, then of HIGH ones
 */
public record EcrImageScan(
        String image,
        String registryId,
        String region,
        String repositoryName,
        String status,
        String statusDescription,
        Instant completedAt,
        Map<String, Integer> severityCounts,
        List<String> topVulnerabilityIds) {

    /** ECR has no scan of the image. */
    public static final String NOT_SCANNED = "NOT_SCANNED";
    /** The repository holds no image of that tag or digest. */
    public static final String IMAGE_NOT_FOUND = "IMAGE_NOT_FOUND";
    /** The repository does not exist. */
    public static final String REPOSITORY_NOT_FOUND = "REPOSITORY_NOT_FOUND";

    /** How many vulnerability ids a scan keeps (and a finding shows). */
    public static final int TOP_IDS = 5;

    public EcrImageScan {
        severityCounts = severityCounts == null ? Map.of() : Map.copyOf(severityCounts);
        topVulnerabilityIds = topVulnerabilityIds == null ? List.of() : List.copyOf(topVulnerabilityIds);
    }

    public int count(String severity) {
        return severityCounts.getOrDefault(severity, 0);
    }
}
