package com.huntaze.audit.engine;

import java.time.LocalDate;

/**
 * A person's statement that they did a by-hand check (a restore test, a failover test...), from the config file's
 * {@code attestations:} list. Only {@code manual.*} checks read them.
 *
 * @param check the id of the attested check, e.g. {@code manual.restore-test}
 * @param by    who did it
 * @param date  the day it was done (never in the future)
 * @param note  what was found, e.g. the measured RTO and RPO; may be empty
 * @param account the account id or glob it was done for; null for every audited account
 */
public record Attestation(String check, String by, LocalDate date, String note, String account) {
    public Attestation {
        note = note == null ? "" : note;
    }

    /** For every audited account. */
    public Attestation(String check, String by, LocalDate date, String note) {
        this(check, by, date, note, null);
    }

    /** Whether it speaks for {@code audited} (null when the audit's account is not known: every attestation does). */
    public boolean appliesTo(String audited) {
        return account == null || audited == null || CheckSelection.glob(account).matcher(audited).matches();
    }
}
