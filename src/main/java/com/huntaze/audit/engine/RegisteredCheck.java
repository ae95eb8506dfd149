package com.huntaze.audit.engine;

/** A check together with its metadata, as the registry loaded them. */
public record RegisteredCheck(Check check, CheckMetadata metadata) {
    public String id() {
        return metadata.id();
    }
}
