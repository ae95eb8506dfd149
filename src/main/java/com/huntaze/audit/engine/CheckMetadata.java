package com.huntaze.audit.engine;

/**
 * What a person reads about a check, from {@code checks/<id>.yaml}.
 *
 * @param resourceType  the type of resource its findings are about, e.g. {@code AWS::RDS::DBInstance}
 * @param verifyCommand a read-only {@code aws ...} command that confirms a finding by hand
 */
public record CheckMetadata(
        String id,
        String title,
        Domain domain,
        Severity severity,
        String resourceType,
        String rationale,
        String remediation,
        String verifyCommand) {
}
