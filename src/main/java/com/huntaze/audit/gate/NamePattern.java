package com.huntaze.audit.gate;

import com.huntaze.audit.engine.CheckSelection;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a suppression names resources: {@code re:REGEX} is a regular expression (Java syntax) that must match the
 * whole id; anything else is a glob where {@code *} is any run of characters and {@code ?} one character, which
 * without either is the exact id. {@code (account)} names an account-level finding (the Markdown's name for its
 * empty resource id).
 *
 * @param text as written
 */
public record NamePattern(String text, Pattern pattern) {

    public static final String REGEX_PREFIX = "re:";
    public static final String ACCOUNT = "(account)";

    /** @throws IllegalArgumentException for an invalid regular expression, with the reason */
    public static NamePattern of(String text) {
        if (text.startsWith(REGEX_PREFIX)) {
            try {
                return new NamePattern(text, Pattern.compile(text.substring(REGEX_PREFIX.length())));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression after 're:': "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
        if (text.equals(ACCOUNT)) {
            return new NamePattern(text, Pattern.compile(""));
        }
        return new NamePattern(text, CheckSelection.glob(text));
    }

    public boolean matches(String name) {
        return name != null && pattern.matcher(name).matches();
    }
}
