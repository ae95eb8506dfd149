package com.huntaze.audit.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of the report's {@code checks} list: a check that ran, its worst status and how many findings. */
@JsonPropertyOrder({"id", "title", "domain", "severity", "status", "resources"})
public record CheckResult(String id, String title, Domain domain, Severity severity, Status status, int resources) {
}
