package com.huntaze.audit.cli;

import com.huntaze.audit.collection.AwsCallException;
import com.huntaze.audit.collection.AwsSession;
import com.huntaze.audit.collection.InventoryCollector;
import com.huntaze.audit.engine.AuditRunner;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.RegisteredCheck;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.inventory.MetricRequest;
import com.huntaze.audit.report.ReportBuilder.AccountAudit;
import com.huntaze.audit.services.ServiceCatalog;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Audits several accounts, {@code accountConcurrency} at once, each through its own assumed-role session (its own
 * clients, call counter and {@code --concurrency} call slots; the base session's HTTP client). An account whose role
 * cannot be assumed is not audited: each check gives one TODO there naming {@code sts:AssumeRole} and the role, and
 * the other accounts go on.
 */
final class AccountsAudit {

    /** What the audit of one account needs besides its session. */
    record Plan(ServiceCatalog catalog, List<RegisteredCheck> checks, Set<Dataset<?>> needed, List<String> regions,
                MetricRequest metrics, AuditRunner runner, int concurrency, String externalId) {
    }

    private final AwsSession base;
    private final Plan plan;
    private final Clock clock;

    AccountsAudit(AwsSession base, Plan plan, Clock clock) {
        this.base = base;
        this.plan = plan;
        this.clock = clock;
    }

    /**
     * @param roleArns account id → the role to assume there, in audit order
     * @param names    account id → its name in Organizations (absent when not known)
     * @param apiCalls filled with the calls of every account's session, summed
     */
    List<AccountAudit> run(Map<String, String> roleArns, Map<String, String> names, int accountConcurrency,
                           AccountProgress progress, Map<String, Long> apiCalls) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(accountConcurrency, Math.max(1, roleArns.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "account");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<AccountAudit>> futures = new ArrayList<>();
            roleArns.forEach((account, roleArn) -> futures.add(pool.submit(() ->
                    audit(account, names.get(account), roleArn, progress, apiCalls))));
            List<AccountAudit> audits = new ArrayList<>();
            for (Future<AccountAudit> future : futures) {
                audits.add(get(future));
            }
            return audits;
        } finally {
            pool.shutdownNow();
        }
    }

    private static AccountAudit get(Future<AccountAudit> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private AccountAudit audit(String account, String name, String roleArn, AccountProgress progress,
                               Map<String, Long> apiCalls) {
        Instant started = clock.instant();
        AccountAudit audit;
        try (AwsSession session = base.assumingRole(roleArn, plan.externalId(), plan.regions().get(0),
                plan.concurrency(), plan.catalog().actions())) {
            progress.started(session);
            try {
                try {
                    session.resolveCredentials();
                } catch (AwsCallException e) {
                    audit = failed(account, name, roleArn, e.failure());
                    progress.finished(account, audit, Duration.between(started, clock.instant()), session);
                    return audit;
                }
                Inventory inventory = new InventoryCollector(plan.catalog().collectors(), session, plan.concurrency(),
                        progress).collect(account, plan.regions(), plan.needed(), plan.metrics());
                audit = new AccountAudit(account, name, inventory, plan.runner().run(plan.checks(), inventory), null);
                synchronized (apiCalls) {
                    session.counter().snapshot().forEach((call, n) -> apiCalls.merge(call, n, Long::sum));
                }
                progress.finished(account, audit, Duration.between(started, clock.instant()), session);
                return audit;
            } finally {
                progress.stopped(session);
            }
        }
    }

    /** The account whose role could not be assumed: one TODO per check, the role and the error in each. */
    private AccountAudit failed(String account, String name, String roleArn, CollectionFailure failure) {
        String message = "Could not audit account " + account + ": sts:AssumeRole on " + roleArn + " "
                + failure.reason() + ".";
        Map<String, Object> evidence = Evidence.of("action", "sts:AssumeRole", "role", roleArn, "error",
                failure.error());
        String remediation = "Deploy the audit's read-only role in account " + account + " with a trust on the"
                + " auditing account (ci-examples/stackset-readonly-role.yaml), grant sts:AssumeRole on it to the base"
                + " identity, and check that STS is enabled in " + plan.regions().get(0) + "; then run the audit"
                + " again.";
        return new AccountAudit(account, name, null, plan.runner().unreadable(plan.checks(), message, evidence,
                remediation), new CollectionFailure("sts:AssumeRole", failure.kind(), failure.error(),
                failure.detail()));
    }

    /**
     * Progress of a run of several accounts on stderr. On a terminal, one line redrawn: accounts done of total and
     * the calls in flight; otherwise (a CI log) one line per account finished, so that a long run shows where it is.
     */
    static final class AccountProgress implements InventoryCollector.ProgressListener {
        private final PrintWriter err;
        private final boolean terminal;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();
        private final Set<AwsSession> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

        AccountProgress(PrintWriter err, boolean terminal, int total) {
            this.err = err;
            this.terminal = terminal;
            this.total = total;
        }

        void started(AwsSession session) {
            running.add(session);
        }

        void stopped(AwsSession session) {
            running.remove(session);
        }

        @Override
        public void onProgress(int datasetsDone, int datasets) {
            redraw();
        }

        synchronized void finished(String account, AccountAudit audit, Duration took, AwsSession session) {
            done.incrementAndGet();
            running.remove(session);
            if (terminal) {
                redraw();
                return;
            }
            err.println(line(account, audit, took));
            err.flush();
        }

        /** {@code account 222233334444: 3 NOK, 1 TODO, 2.4 s}, and why when its role could not be assumed. */
        static String line(String account, AccountAudit audit, Duration took) {
            List<Finding> findings = audit.outcome().findings();
            long nok = findings.stream().filter(f -> f.status() == Status.NOK).count();
            long todo = findings.stream().filter(f -> f.status() == Status.TODO).count();
            return "account " + account + ": " + nok + " NOK, " + todo + " TODO, "
                    + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0)
                    + (audit.failure() == null ? "" : " (not audited: sts:AssumeRole " + audit.failure().reason()
                    + ")");
        }

        private synchronized void redraw() {
            if (terminal) {
                int calls = running.stream().mapToInt(AwsSession::callsInFlight).sum();
                err.print("\r\033[KAuditing accounts: " + done.get() + "/" + total + " done, " + calls
                        + " calls in flight");
                err.flush();
            }
        }

        synchronized void clear() {
            if (terminal) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }
}
