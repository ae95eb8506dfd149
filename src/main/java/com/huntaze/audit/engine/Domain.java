package com.huntaze.audit.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Groups checks in the report; the declaration order is the report order. */
public enum Domain {
    RELIABILITY,
    SECURITY,
    COST,
    OBSERVABILITY,
    EMAIL,
    PROCESS;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Domain fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
