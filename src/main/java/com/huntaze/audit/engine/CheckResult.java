package com.huntaze.audit.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of the report's {@code checks} list: a check that ran, its worst status and how many findings.
 *
 * @param verifyCommand the read-only command that confirms a finding by hand: in the report so that the Markdown
 *                      (its by-hand list) can be rendered from the JSON alone
 */
@JsonPropertyOrder({"id", "title", "domain", "severity", "status", "resources", "verifyCommand"})
public record CheckResult(String id, String title, Domain domain, Severity severity, Status status, int resources,
                          String verifyCommand) {
}
