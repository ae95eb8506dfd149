package com.huntaze.audit.pricing;

/** A price table that cannot be read or is not valid; the message names the problem (not the file). */
public final class PriceTableException extends RuntimeException {
    public PriceTableException(String message) {
        super(message);
    }

    public PriceTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
