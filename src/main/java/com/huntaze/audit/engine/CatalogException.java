package com.huntaze.audit.engine;

/** The check catalog is inconsistent (a check without metadata, a duplicated id, unreadable metadata). */
public final class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
