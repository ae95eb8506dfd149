package com.huntaze.audit.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a NOK finding of a check matters; declared from least to most severe. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
