package com.huntaze.audit.services.manual;

/** manual.failover-test: Multi-AZ is only proven by a failover the application survived. */
public final class ManualFailoverTestCheck extends ManualCheck {
    public ManualFailoverTestCheck() {
        super("manual.failover-test",
                "force a failover of the database (RDS reboot with failover) and of the cache (ElastiCache "
                        + "test-failover) on staging and time the recovery");
    }
}
