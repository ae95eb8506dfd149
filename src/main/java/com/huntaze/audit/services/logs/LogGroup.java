package com.huntaze.audit.services.logs;

/**
 * A CloudWatch Logs log group, from DescribeLogGroups.
 *
 * @param retentionInDays null when the group never expires its events (AWS's default)
 * @param storedBytes     the group's stored (compressed, billed) size as AWS reports it
 * @param logGroupClass   STANDARD or INFREQUENT_ACCESS (null when AWS does not say: STANDARD)
 */
public record LogGroup(String name, String arn, Integer retentionInDays, long storedBytes, String logGroupClass) {
}
