package com.huntaze.audit.cli;

/** The process exit codes: documented in the README, relied upon by CI jobs. */
public final class ExitCode {
    private ExitCode() {
    }

    /** The audit ran and no finding fails the gate (by default: no NOK that is not an accepted risk). */
    public static final int OK = 0;
    /** The audit ran and a finding fails the gate ({@code --fail-on}, {@code --min-severity}, {@code --fail-on-new}). */
    public static final int NOK = 1;
    /** Bad option, unknown region or profile, unreadable or unwritable file, broken config or catalog. */
    public static final int USAGE = 2;
    /** The audit could not run at all: no credentials, nothing reachable, an endpoint that is not AWS. */
    public static final int CANNOT_RUN = 3;
    /** A bug in huntaze-audit: an exception nothing expected (see {@code HuntazeAudit#exitCodeOf}). */
    public static final int INTERNAL_ERROR = 4;
}
