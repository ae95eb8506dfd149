package com.huntaze.audit.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One entry of the report's {@code checks} list: a check that ran, its worst status and how many findings.
 *
 * @param verifyCommand the read-only command that confirms a finding by hand: in the report so that the Markdown
 *                      (its by-hand list) can be rendered from the JSON alone
 * @param rationale     why the check matters, from its metadata: in the report for the same reason (additive;
 *                      absent from reports written before it)
 * @param fixCommand    the check's {@link FixCommandTemplate} (absent when it has none): the Markdown fills it with
 *                      each NOK finding's fields
 * @param fixCommandFor the templates for the other resource types it reports on (absent when none)
 */
@JsonPropertyOrder({"id", "title", "domain", "severity", "status", "resources", "verifyCommand", "rationale",
        "fixCommand", "fixCommandFor"})
public record CheckResult(String id, String title, Domain domain, Severity severity, Status status, int resources,
                          String verifyCommand,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String rationale,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String fixCommand,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> fixCommandFor) {

    /** The entry of a check that ran, with what its metadata tells the reader. */
    public static CheckResult of(CheckMetadata m, Status status, int resources) {
        return new CheckResult(m.id(), m.title(), m.domain(), m.severity(), status, resources, m.verifyCommand(),
                m.rationale() == null ? null : m.rationale().strip(), m.fixCommand() == null ? null
                : m.fixCommand().strip(), new java.util.TreeMap<>(m.fixCommandFor()));
    }

    /** An entry without rationale or fix command (hand-built reports of the tests). */
    public CheckResult(String id, String title, Domain domain, Severity severity, Status status, int resources,
                       String verifyCommand) {
        this(id, title, domain, severity, status, resources, verifyCommand, null, null, Map.of());
    }
}
