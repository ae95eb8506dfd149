package com.huntaze.audit.services.manual;

/** manual.restore-test: a backup is only a backup once a restore from it has worked. */
public final class ManualRestoreTestCheck extends ManualCheck {
    public ManualRestoreTestCheck() {
        super("manual.restore-test", "restore the latest backup into staging and record the RTO and RPO");
    }
}
