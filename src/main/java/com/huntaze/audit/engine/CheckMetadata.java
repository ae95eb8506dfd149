package com.huntaze.audit.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What a person reads about a check, from {@code checks/<id>.yaml}.
 *
 * @param resourceType  the type of resource its findings are about, e.g. {@code AWS::RDS::DBInstance}
 * @param remediation   how to fix a finding, in prose: the command itself is {@code fixCommand}
 * @param verifyCommand a read-only {@code aws ...} command that confirms a finding by hand
 * @param fixCommand    the command that fixes one NOK finding, a {@link FixCommandTemplate} (one line per command
 *                      when it takes several); null exactly when {@code noFixCommand} says why there is none
 * @param fixCommandFor for a check that reports on other resource types too, the template for each of them (by
 *                      resource type); {@code fixCommand} serves the findings of every type not listed
 * @param noFixCommand  why no command fixes this check's findings (a manual attestation, a DNS record, a decision
 *                      to take first): null when {@code fixCommand} is given
 */
public record CheckMetadata(
        String id,
        String title,
        Domain domain,
        Severity severity,
        String resourceType,
        String rationale,
        String remediation,
        String verifyCommand,
        String fixCommand,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> fixCommandFor,
        String noFixCommand) {

    public CheckMetadata {
        fixCommandFor = fixCommandFor == null ? Map.of() : Map.copyOf(fixCommandFor);
    }

    /** Metadata without a fix command (hand-built checks of the tests). */
    public CheckMetadata(String id, String title, Domain domain, Severity severity, String resourceType,
                         String rationale, String remediation, String verifyCommand) {
        this(id, title, domain, severity, resourceType, rationale, remediation, verifyCommand, null, Map.of(),
                "a test check");
    }
}
