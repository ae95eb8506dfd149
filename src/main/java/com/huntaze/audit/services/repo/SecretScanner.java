package com.huntaze.audit.services.repo;

import com.huntaze.audit.util.Masking;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@link SecretMark}s of one text file. The text is the file's bytes read as ISO-8859-1 (one char per
 * byte: every pattern is ASCII, and no decoding can fail). A file whose text holds none of the patterns' fixed parts
 * is not scanned line by line: the common case costs a few {@code contains}.
 */
final class SecretScanner {
    private SecretScanner() {
    }

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])");
    /** {@code aws_secret_access_key = X}, {@code AWS_SECRET_ACCESS_KEY: "X"}, {@code "aws_secret_access_key": "X"}. */
    private static final Pattern SECRET_ACCESS_KEY = Pattern.compile(
            "(?i)aws_secret_access_key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");
    /**
     * The variable set, not read: {@code AWS_ACCESS_KEY_ID=...}, {@code AWS_ACCESS_KEY_ID: ...}, {@code export
     * AWS_ACCESS_KEY_ID=...}, {@code name: AWS_ACCESS_KEY_ID} (Kubernetes, ECS, CI lists); not {@code $AWS_ACCESS_KEY_ID}.
     */
    private static final Pattern KEY_VARIABLE = Pattern.compile(
            "(?<![$\\w{])(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY)(?:[\"']?\\s*[:=]|[\"']?\\s*$)");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----");

    /** The access key id and secret key AWS's documentation uses in its examples. */
    static final Set<String> DOCUMENTATION_EXAMPLES = Set.of("AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    static List<SecretMark> scan(String repository, String path, String text) {
        if (!(text.contains("AKIA") || text.contains("ASIA") || text.contains("PRIVATE KEY")
                || text.contains("_ACCESS_KEY") || text.contains("_access_key"))) {
            return List.of();
        }
        List<SecretMark> marks = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            String line = text.substring(start, end);
            scanLine(repository, path, lineNumber, line, marks);
            start = end + 1;
        }
        return marks;
    }

    private static void scanLine(String repository, String path, int lineNumber, String line, List<SecretMark> marks) {
        Matcher id = ACCESS_KEY_ID.matcher(line);
        while (id.find()) {
            String keyId = id.group();
            marks.add(new SecretMark(repository, path, lineNumber, SecretMark.Kind.ACCESS_KEY_ID,
                    Masking.maskAccessKeyId(keyId), DOCUMENTATION_EXAMPLES.contains(keyId)));
        }
        Matcher secret = SECRET_ACCESS_KEY.matcher(line);
        while (secret.find()) {
            String value = secret.group(1);
            marks.add(new SecretMark(repository, path, lineNumber, SecretMark.Kind.SECRET_ACCESS_KEY,
                    value.length() + " characters", DOCUMENTATION_EXAMPLES.contains(value)));
        }
        Matcher variable = KEY_VARIABLE.matcher(line);
        while (variable.find()) {
            marks.add(new SecretMark(repository, path, lineNumber, SecretMark.Kind.KEY_VARIABLE, variable.group(1),
                    false));
        }
        Matcher key = PRIVATE_KEY.matcher(line);
        if (key.find()) {
            marks.add(new SecretMark(repository, path, lineNumber, SecretMark.Kind.PRIVATE_KEY, key.group(), false));
        }
    }
}
