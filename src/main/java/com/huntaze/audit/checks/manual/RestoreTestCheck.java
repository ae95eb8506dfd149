package com.huntaze.audit.checks.manual;

/** manual.restore-test: a backup is only a backup once a restore from it has worked. */
public final class RestoreTestCheck extends ManualCheck {
    public RestoreTestCheck() {
        super("manual.restore-test", "restore the latest backup into staging and record the RTO and RPO");
    }
}
