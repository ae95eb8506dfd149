package com.huntaze.audit.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a finding's evidence: the fields a decision used, in the order given. */
public final class Evidence {
    private Evidence() {
    }

    /** {@code of("MultiAZ", false, "Engine", "postgres")}; null values are left out. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("evidence needs key/value pairs");
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                evidence.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(evidence);
    }
}
