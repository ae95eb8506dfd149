package com.huntaze.audit.checks.manual;

/** manual.load-test: the expected peak was served within the latency target before launch. */
public final class LoadTestCheck extends ManualCheck {
    public LoadTestCheck() {
        super("manual.load-test",
                "load-test staging at the expected peak and record the p95 and p99 latency and the error rate");
    }
}
