package com.huntaze.audit.services.repo;

/**
 * A line of a repository's text file that holds, or sets, a credential: found while the file is read, so that the
 * checks never read a file twice and nothing keeps the value itself.
 *
 * @param repository the repository's name ({@link Repository#name()})
 * @param path       the file, relative to the repository root
 * @param line       1-based
 * @param kind       what the line holds
 * @param shown      what a report may show of it: the masked key id ({@code AKIA…WXYZ}), the length of a secret
 *                   value ({@code 40 characters}), the variable's name, or a private key's header line; never the
 *                   value
 * @param example    whether it is a documented example (AWS's {@code AKIAIOSFODNN7EXAMPLE} and its secret key)
 */
public record SecretMark(String repository, String path, int line, Kind kind, String shown, boolean example) {

    /** What a marked line holds. */
    public enum Kind {
        /** An access key id: AKIA (long-term) or ASIA (temporary) and 16 upper-case letters or digits. */
        ACCESS_KEY_ID,
        /** A 40-character secret-key-shaped value assigned to aws_secret_access_key / AWS_SECRET_ACCESS_KEY. */
        SECRET_ACCESS_KEY,
        /** AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY set as a variable, whatever its value (a placeholder too). */
        KEY_VARIABLE,
        /** A {@code -----BEGIN ... PRIVATE KEY-----} line. */
        PRIVATE_KEY
    }
}
