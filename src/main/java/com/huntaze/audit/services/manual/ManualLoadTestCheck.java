package com.huntaze.audit.services.manual;

/** manual.load-test: the expected peak was served within the latency target before launch. */
public final class ManualLoadTestCheck extends ManualCheck {
    public ManualLoadTestCheck() {
        super("manual.load-test",
                "load-test staging at the expected peak and record the p95 and p99 latency and the error rate");
    }
}
