package com.huntaze.audit.util;

import java.util.regex.Pattern;

/** Keeps credentials out of reports and logs. */
public final class Masking {
    private Masking() {
    }

    /** AWS access key ids: AKIA (long-term), ASIA (temporary), and the other documented 4-letter prefixes. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)([A-Z0-9]{8,})([A-Z0-9]{4})\\b");

    /** {@code AKIAIOSFODNN7EXAMPLE} becomes {@code AKIA…MPLE}. */
    public static String maskAccessKeyId(String keyId) {
        if (keyId == null || keyId.length() < 12) {
            return "…";
        }
        return keyId.substring(0, 4) + "…" + keyId.substring(keyId.length() - 4);
    }

    /** Masks every access key id found in free text, such as an AWS error message. */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        return ACCESS_KEY_ID.matcher(text).replaceAll("$1…$3");
    }
}
