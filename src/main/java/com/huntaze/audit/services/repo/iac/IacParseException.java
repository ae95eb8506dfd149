package com.huntaze.audit.services.repo.iac;

/**
 * A file that is not valid in its language: the parser's reason, without any of the file's text, and the line.
 */
public final class IacParseException extends Exception {
    private final int line;

    public IacParseException(String reason, int line) {
        super(withoutQuotedText(reason));
        this.line = line;
    }

    /** 1-based; 0 when the parser could not say. */
    public int line() {
        return line;
    }

    /**
     * Parsers quote the offending token ({@code Unrecognized token 'AKIA...'}); a file's text never reaches a report,
     * so anything quoted longer than a character (which names the syntax, like {@code ':'}) is replaced by its length.
     */
    static String withoutQuotedText(String reason) {
        if (reason == null) {
            return "unreadable";
        }
        String oneLine = reason.replaceAll("\\s+", " ").trim();
        var matcher = java.util.regex.Pattern.compile("(['\"])([^'\"]{2,})\\1").matcher(oneLine);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String quoted = matcher.group(2);
            String kept = quoted.length() <= 2 || quoted.startsWith("\\") ? matcher.group()
                    : "(" + quoted.length() + " characters)";
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(kept));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
