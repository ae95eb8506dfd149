package com.huntaze.audit.cli;

import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.collection.AwsCallException;
import com.huntaze.audit.collection.AwsCalls;
import com.huntaze.audit.collection.AwsSession;
import com.huntaze.audit.collection.InventoryCollector;
import com.huntaze.audit.collection.RepositoryCollector;
import com.huntaze.audit.inventory.MetricRequest;
import com.huntaze.audit.collection.UnexpectedAnswerException;
import com.huntaze.audit.config.AuditConfig;
import com.huntaze.audit.config.ConfigException;
import com.huntaze.audit.config.ConfigLoader;
import com.huntaze.audit.config.DemoConfig;
import com.huntaze.audit.engine.AuditInputs;
import com.huntaze.audit.engine.AuditRunner;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.CheckSelection;
import com.huntaze.audit.engine.RegisteredCheck;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.engine.Thresholds;
import com.huntaze.audit.gate.Baseline;
import com.huntaze.audit.gate.GatePolicy;
import com.huntaze.audit.gate.NamePattern;
import com.huntaze.audit.gate.Suppression;
import com.huntaze.audit.gate.Suppressions;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.inventory.InventorySnapshot;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.inventory.RegionInventory;
import com.huntaze.audit.pricing.PriceTable;
import com.huntaze.audit.pricing.PriceTableException;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.ReportBuilder;
import com.huntaze.audit.report.ReportFormat;
import com.huntaze.audit.report.Shard;
import com.huntaze.audit.shard.ShardChoice;
import com.huntaze.audit.util.Background;
import com.huntaze.audit.util.Masking;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * {@code huntaze-audit check}: collect, evaluate, report, and exit with a code a CI job can gate on. Its threshold
 * options are not declared here: {@code --threshold KEY=VALUE} sets any threshold the checks declare, and each
 * threshold that declares a flag of its own gets it as an alias, added when the command is built
 * ({@link ThresholdOptions}).
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        modelTransformer = ThresholdOptions.class,
        description = "Audit an AWS account (read-only) and print an OK/NOK/TODO launch-readiness report.",
        footer = {"", "Exit codes:", "  0  no finding fails the gate",
                "  1  a finding fails the gate (default: a NOK that is not an accepted risk; see --fail-on)",
                "  2  usage or configuration error",
                "  3  the audit could not run (no credentials, nothing reachable, not AWS)",
                "  4  internal error: a bug in huntaze-audit (run with --debug, report it)"})
public final class CheckCommand implements Callable<Integer> {

    /** Calls in flight at once by default: chosen with bench/run (see the README's Performance section). */
    static final int DEFAULT_CONCURRENCY = 32;
    static final int MAX_CONCURRENCY = 256;

    @Spec
    CommandSpec spec;

    @Option(names = "--region", split = ",", paramLabel = "REGION", completionCandidates = Regions.Candidates.class,
            description = "Region to audit; repeatable or comma-separated. Default: AWS_REGION, "
                    + "AWS_DEFAULT_REGION, or the profile's region.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Named AWS profile (as in the AWS CLI). Default: the default credential chain.")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send every AWS call to this endpoint (an emulator such as moto).")
    String endpointUrl;

    @Option(names = "--dns-server", paramLabel = "HOST[:PORT]",
            description = "The DNS resolver of the look-ups of ses.email-dns (SPF, DMARC and DKIM records), port 53 by"
                    + " default. Default: the system's resolver.")
    String dnsServer;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", split = ",",
            description = "Report format(s): ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); several, "
                    + "comma-separated, with --output-dir.")
    List<ReportFormat> formats;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--demo", description = "Audit an embedded sample account, without any AWS access.")
    boolean demo;

    @Option(names = "--threshold", paramLabel = "KEY=VALUE",
            description = "Set a threshold the checks compare against, e.g. idleDays=30; repeatable. Wins over the"
                    + " config file. The keys, defaults and ranges: huntaze-audit list-checks --thresholds.")
    List<String> thresholdSettings = new ArrayList<>();

    @Option(names = "--checks", split = ",", paramLabel = "ID", completionCandidates = CheckIds.class,
            description = "Run only these checks (ids or globs such as rds.*; comma-separated).")
    List<String> onlyChecks = new ArrayList<>();

    @Option(names = "--skip-checks", split = ",", paramLabel = "ID", completionCandidates = CheckIds.class,
            description = "Do not run these checks (ids or globs; comma-separated).")
    List<String> skippedChecks = new ArrayList<>();

    /** Retry modes of {@code --retry-mode}. */
    public enum RetryModeOption { standard, adaptive }

    @Option(names = "--retry-mode", paramLabel = "MODE", defaultValue = "standard",
            description = "SDK retry mode: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RetryModeOption retryMode;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "5",
            description = "Attempts per AWS call, the first included (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Limit for one AWS call, retries included (default: ${DEFAULT-VALUE}); each attempt "
                    + "gets a third of it.")
    int timeoutSeconds;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + DEFAULT_CONCURRENCY,
            description = "AWS calls in flight at once, at most (default: ${DEFAULT-VALUE}). Lower it if AWS "
                    + "throttles the account's other users.")
    int concurrency;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file: thresholds, attestations of by-hand checks and the alarm coverage to require"
                    + " (see huntaze-audit.example.yml)."
                    + " Default: huntaze-audit.yml in the current directory when present (--demo: the demo's own)."
                    + " Command-line flags win over it.")
    Path configFile;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "A price table (JSON, same format as the embedded one) that extends or replaces the "
                    + "embedded on-demand prices.")
    Path prices;

    @Option(names = "--runtimes", paramLabel = "FILE",
            description = "A Lambda runtime table (JSON, same format as the embedded lambda-runtimes.json) that "
                    + "replaces the embedded one for lambda.supported-runtime.")
    Path runtimes;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @picocli.CommandLine.Mixin
    RepositoryOptions repositories = new RepositoryOptions();

    @picocli.CommandLine.Mixin
    AccountOptions accountOptions = new AccountOptions();

    @Option(names = "--no-color", description = "No colour in the terminal summary (also: the NO_COLOR variable).")
    boolean noColor;

    /** Standard output as the launcher found it (a pipe for in-process runs): see {@link TerminalView}. */
    Terminal terminal = Terminal.NONE;

    // ---- CI gate, accepted risks, baseline and report files (see README "In CI") ----

    @picocli.CommandLine.Mixin
    MarkdownOptions markdown = new MarkdownOptions();

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Write each --format to DIR/huntaze-audit-<account>-<timestamp>.<the format's extension> (atomically;"
                    + " DIR is created when missing).")
    Path outputDir;

    @picocli.CommandLine.Mixin
    GateOptions gateOptions = new GateOptions();

    @Option(names = "--suppress", paramLabel = "CHECK[:RESOURCE]",
            description = "Accept the NOK/TODO findings of CHECK (id or glob), optionally only about RESOURCE (exact,"
                    + " glob or re:REGEX), for this run only; repeatable. Needs --reason.")
    List<String> suppress = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the --suppress risks are accepted.")
    String suppressReason;

    @Option(names = "--shard", paramLabel = "K/N|auto",
            description = "Audit only part K of N (0-based) of the account list of --accounts or --organization: the"
                    + " ids sorted, every N-th from the K-th. auto: K and N from the job engine (JOB_COMPLETION_INDEX"
                    + " with HUNTAZE_AUDIT_SHARDS, AWS_BATCH_JOB_ARRAY_INDEX with AWS_BATCH_JOB_ARRAY_SIZE, or"
                    + " HUNTAZE_AUDIT_SHARD=K/N). Join the shards' JSON reports with huntaze-audit merge.")
    String shard;

    /** The shard the report declares, once {@link #accountsToAudit} cut the account list; null without --shard. */
    private Shard auditedShard;

    /** {@code --min-severity}: the severity names as the catalog writes them. */
    static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return Severity.fromId(value.strip());
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected low, medium, high or critical, not '"
                        + value + "'");
            }
        }
    }

    private final Clock clock;
    /** Where {@code --shard auto} reads the job engine's variables. */
    private final Map<String, String> environment;

    public CheckCommand() {
        this(Clock.systemUTC());
    }

    CheckCommand(Clock clock) {
        this(clock, System.getenv());
    }

    CheckCommand(Clock clock, Map<String, String> environment) {
        this.clock = clock;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Instant started = clock.instant();
        repositories.validate(demo, awsOptionsGiven());
        var repositoriesRead = repositories.startReading();
        // The session of an audit of the base credentials, opened on the second core meanwhile (PreparedSession)
        try (PreparedSession session = opensBaseSession() ? PreparedSession.open(this::baseSession) : null) {
            // Independent of the catalog and config loaded below: started first, done meanwhile on the second core.
            CompletableFuture<Inventory> demoAccount = demo
                    ? Background.start("demo-account",
                            () -> demoInventory(LocalDate.ofInstant(started, ZoneOffset.UTC)))
                    : null;
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ReportOutput destination = TerminalView.choose(ReportOutput.plan(formats, output, outputDir)
                    .withMarkdown(markdown), spec, terminal, noColor);
            requireAnAccountListToShard();
            GatePolicy gate = gatePolicy();
            Baseline baseline = baseline();
            PriceTable priceTable = priceTable();
            CheckRegistry registry = CheckRegistry.load();
            AuditConfig config = config(registry, started);
            List<Suppression> suppressions = suppressions(registry, config, started);
            Thresholds thresholds = thresholds(config.thresholds(), registry.thresholds());
            com.huntaze.audit.engine.Settings settings = settings(config);
            List<RegisteredCheck> checks = repositories.select(selectedChecks(registry), onlyChecks);

            Set<Dataset<?>> needed = checks.stream().flatMap(c -> c.check().requires().stream())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            AccountOptions.Mode accountMode = accountOptions.mode(demo);
            if (accountMode != AccountOptions.Mode.BASE_CREDENTIALS && (!repositories.repos.isEmpty()
                    || repositories.noAws())) {
                throw new UsageException("--repo and --no-aws audit no account: run them apart from --role-arn,"
                        + " --accounts and --organization (a repository is not in an account)");
            }
            if (accountMode != AccountOptions.Mode.BASE_CREDENTIALS) {
                AuditReport report = auditThroughRoles(accountMode, checks, needed, new AuditInputs(thresholds,
                        config.attestations(), priceTable, started, settings), baseline, priceTable, started, err);
                return finish(report, suppressions, baseline, gate, destination, started, out, err);
            }
            Inventory inventory;
            Map<String, Long> apiCalls;
            if (demo) {
                if (!regions.isEmpty() || profile != null || endpointUrl != null || dnsServer != null) {
                    throw new UsageException("--demo reads no AWS account: it cannot be combined with --region, "
                            + "--profile, --endpoint-url or --dns-server");
                }
                inventory = Background.join(demoAccount);
                apiCalls = Map.of();
            } else if (repositories.noAws()) {
                inventory = new Inventory(null, List.of());
                apiCalls = Map.of();
            } else {
                PreparedSession.Opened opened = session != null ? session.take() : baseSession();
                URI endpoint = opened.endpoint();
                List<String> auditRegions = opened.regions();
                ServiceCatalog catalog = ServiceCatalog.current();
                try (AwsSession aws = opened.aws()) {
                    aws.prepare(catalog.clientsFor(needed, auditRegions)); // built on both cores while STS answers
                    String account = account(aws, auditRegions.get(0), endpoint);
                    requireBaselineAccount(baseline, account); // before collecting: a wrong baseline wastes no calls
                    ProgressLine progress = new ProgressLine(err, ProgressLine.stderrIsTerminal());
                    List<MetricSpec<?>> metrics = checks.stream().flatMap(c -> c.check().metrics().stream()).toList();
                    inventory = new InventoryCollector(catalog.collectors(), aws, concurrency, progress)
                            .collect(account, auditRegions, RepositoryCollector.fromAws(needed),
                                    new MetricRequest(metrics, thresholds, started));
                    progress.clear();
                    apiCalls = aws.counter().snapshot();
                }
                failIfNothingReachable(inventory);
            }
            RepositoryOptions.withRepositories(inventory, repositoriesRead);

            AuditRunner.Outcome outcome = new AuditRunner(new AuditInputs(thresholds, config.attestations(), priceTable,
                    started, settings)).run(checks, inventory);
            long durationMs = Duration.between(started, clock.instant()).toMillis();
            AuditReport report = RepositoryOptions.describe(ReportBuilder.build(VersionProvider.version(),
                    clock.instant(), inventory, needed, outcome, apiCalls, durationMs, priceTable.origin()),
                    repositoriesRead).withShard(auditedShard);
            return finish(report, suppressions, baseline, gate, destination, started, out, err);
        }
    }

    /** Whether this run audits the base credentials' account (no demo, no --no-aws, no role to assume). */
    private boolean opensBaseSession() {
        try {
            return !demo && !repositories.noAws() && accountOptions.mode(false) == AccountOptions.Mode.BASE_CREDENTIALS;
        } catch (UsageException e) {
            return false; // the command reports it where it always did
        }
    }

    /**
     * The session of an audit of the base credentials, its STS client built: the AWS options validated (endpoint,
     * regions, profile, then the session's settings), then the SDK's start-up (see {@link PreparedSession}).
     */
    private PreparedSession.Opened baseSession() {
        URI endpoint = endpoint();
        List<String> auditRegions = auditRegions();
        checkProfile();
        AwsSession aws = new AwsSession(awsSettings(endpoint), concurrency, ServiceCatalog.current().actions());
        aws.sts(auditRegions.get(0));
        return new PreparedSession.Opened(aws, endpoint, auditRegions);
    }

    // ---- many accounts: assumed roles (see README "Many accounts") ----

    /** Calls the base identity may make besides GetCallerIdentity (AssumeRole has a guard of its own). */
    private static final Set<String> BASE_IDENTITY_ACTIONS =
            Set.of(com.huntaze.audit.collection.OrganizationAccounts.LIST_ACCOUNTS);

    /**
     * The audit of the accounts of {@code --role-arn}, {@code --accounts} or {@code --organization}, each through
     * its assumed role. A {@code --role-arn} run is a single-account report; the others report several accounts.
     * Exit 3 when no account could be audited.
     */
    private AuditReport auditThroughRoles(AccountOptions.Mode mode, List<RegisteredCheck> checks,
                                          Set<Dataset<?>> needed, AuditInputs inputs, Baseline baseline,
                                          PriceTable priceTable, Instant started, PrintWriter err) {
        URI endpoint = endpoint();
        List<String> auditRegions = auditRegions();
        checkProfile();
        AwsSession.Settings awsSettings = awsSettings(endpoint);
        ServiceCatalog catalog = ServiceCatalog.current();
        AwsSession.reserveConnections(concurrency * accountOptions.accountConcurrency);
        try (AwsSession base = new AwsSession(awsSettings, concurrency, BASE_IDENTITY_ACTIONS)) {
            Identity identity = identity(base, auditRegions.get(0), endpoint);
            Map<String, String> names = new LinkedHashMap<>();
            List<String> all = accountIds(mode, base, names);
            List<String> audited = accountsToAudit(all);
            if (mode == AccountOptions.Mode.ROLE_ARN) {
                requireBaselineAccount(baseline, all.get(0));
            }
            Map<String, String> roleArns = new LinkedHashMap<>();
            audited.forEach(id -> roleArns.put(id, accountOptions.roleArnIn(id,
                    AccountOptions.partitionOf(identity.arn()))));
            List<com.huntaze.audit.inventory.MetricSpec<?>> metrics = checks.stream()
                    .flatMap(c -> c.check().metrics().stream()).toList();
            AccountsAudit.Plan plan = new AccountsAudit.Plan(catalog, checks, needed, auditRegions,
                    new MetricRequest(metrics, inputs.thresholds(), started), new AuditRunner(inputs), concurrency,
                    accountOptions.externalId);
            AccountsAudit.AccountProgress progress = new AccountsAudit.AccountProgress(err,
                    ProgressLine.stderrIsTerminal(), audited.size());
            Map<String, Long> apiCalls = new java.util.TreeMap<>();
            List<ReportBuilder.AccountAudit> audits = new AccountsAudit(base, plan, clock).run(roleArns, names,
                    accountOptions.accountConcurrency, progress, apiCalls);
            progress.clear();
            base.counter().snapshot().forEach((call, n) -> apiCalls.merge(call, n, Long::sum));
            List<ReportBuilder.AccountAudit> failed = audits.stream().filter(a -> a.inventory() == null).toList();
            if (!audits.isEmpty() && failed.size() == audits.size()) {
                ReportBuilder.AccountAudit first = failed.get(0);
                throw new CannotRunException("no account could be audited: sts:AssumeRole on "
                        + roleArns.get(first.id()) + " " + first.failure().reason()
                        + (failed.size() > 1 ? " (and on the roles of the " + (failed.size() - 1) + " other accounts)"
                        : ""), null);
            }
            long durationMs = Duration.between(started, clock.instant()).toMillis();
            if (mode == AccountOptions.Mode.ROLE_ARN) {
                ReportBuilder.AccountAudit one = audits.get(0);
                return ReportBuilder.build(VersionProvider.version(), clock.instant(), one.inventory(), needed,
                        one.outcome(), apiCalls, durationMs, priceTable.origin());
            }
            return ReportBuilder.buildAccounts(VersionProvider.version(), clock.instant(), auditRegions, audits,
                    needed, apiCalls, durationMs, priceTable.origin()).withShard(auditedShard);
        }
    }

    /**
     * The accounts of the audit, in id order, before any is audited: the {@code --role-arn}'s, the
     * {@code --accounts}, or the organization's ACTIVE accounts minus {@code --exclude-accounts} ({@code names}
     * filled with their names). The whole list, whatever part of it this run audits ({@link #accountsToAudit}).
     */
    List<String> accountIds(AccountOptions.Mode mode, AwsSession base, Map<String, String> names) {
        return switch (mode) {
            case BASE_CREDENTIALS -> throw new IllegalStateException("no role to assume");
            case ROLE_ARN -> List.of(accountOptions.roleArnAccount());
            case ACCOUNTS -> accountOptions.accounts.stream().map(String::strip).sorted().toList();
            case ORGANIZATION -> {
                Map<String, String> active;
                try {
                    active = com.huntaze.audit.collection.OrganizationAccounts.active(base);
                } catch (AwsCallException e) {
                    throw new CannotRunException("cannot list the organization's accounts: "
                            + e.failure().action() + " " + e.failure().reason()
                            + " (run from the management account or a delegated administrator)", e);
                }
                List<String> excluded = accountOptions.excludedAccounts.stream().map(String::strip).toList();
                active.forEach((id, name) -> {
                    if (!excluded.contains(id)) {
                        names.put(id, name);
                    }
                });
                yield List.copyOf(names.keySet());
            }
        };
    }

    // ---- CI gate, accepted risks, baseline and report files ----

    /**
     * Suppressions and baseline applied, then the gate decides once per finding ({@code failsGate}), every format
     * is written from the JSON tree, and the exit code is what the findings' {@code failsGate} say.
     */
    private static int finish(AuditReport audited, List<Suppression> suppressions, Baseline baseline, GatePolicy gate,
                              ReportOutput destination, Instant started, PrintWriter out, PrintWriter err) {
        Suppressions.Outcome suppressed = Suppressions.apply(suppressions, audited,
                LocalDate.ofInstant(started, ZoneOffset.UTC));
        AuditReport report = suppressed.report();
        if (baseline != null) {
            requireBaselineAccount(baseline, report.account());
            report = baseline.compare(report);
        }
        report = gate.decide(report);
        List<Path> written = destination.write(report, out);
        if (!suppressed.stale().isEmpty()) {
            err.println("huntaze-audit: " + Suppressions.staleWarning(suppressed.stale()));
            err.flush();
        }
        int exitCode = report.failsGate() ? ExitCode.NOK : ExitCode.OK;
        AuditReport.Summary summary = report.summary();
        ReportOutput.tellWritten(written, summary.nok(), summary.todo(), summary.ok(), exitCode, err);
        return exitCode;
    }

    /** The AWS options given on the command line, by name: {@code --no-aws} refuses them. */
    private List<String> awsOptionsGiven() {
        List<String> given = new ArrayList<>();
        if (!regions.isEmpty()) {
            given.add("--region");
        }
        if (profile != null) {
            given.add("--profile");
        }
        if (endpointUrl != null) {
            given.add("--endpoint-url");
        }
        if (dnsServer != null) {
            given.add("--dns-server");
        }
        return given;
    }

    // ---- sharding (see README "Sharding and merging") ----

    /**
     * The accounts this run audits out of the whole list of {@code --accounts} or {@code --organization}: with
     * {@code --shard}, its part only (and the report then declares the shard and the whole list's digest).
     */
    List<String> accountsToAudit(List<String> all) {
        ShardChoice choice = shardChoice();
        if (choice == null) {
            return all;
        }
        auditedShard = Shard.of(all, choice.index(), choice.count());
        return choice.select(all);
    }

    /** {@code --shard} as given, or read from the job engine's environment; null without it. */
    private ShardChoice shardChoice() {
        if (shard == null) {
            return null;
        }
        try {
            return ShardChoice.parse(shard, environment);
        } catch (ShardChoice.ShardException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Checked before any call: a shard is a part of an account list, and one account has no parts. */
    private void requireAnAccountListToShard() {
        if (shardChoice() != null && !auditsAnAccountList()) {
            throw new UsageException("--shard needs --accounts or --organization: it audits a part of their account"
                    + " list");
        }
    }

    /**
     * Whether the run audits a list of accounts (--accounts, --organization) rather than the credentials' own: the
     * list {@link #accountsToAudit} cuts.
     */
    private boolean auditsAnAccountList() {
        AccountOptions.Mode mode = accountOptions.mode(demo);
        return mode == AccountOptions.Mode.ACCOUNTS || mode == AccountOptions.Mode.ORGANIZATION;
    }

    private GatePolicy gatePolicy() {
        return gateOptions.policy();
    }

    private Baseline baseline() {
        return gateOptions.baseline();
    }

    private static void requireBaselineAccount(Baseline baseline, String account) {
        if (baseline == null) {
            return;
        }
        try {
            baseline.requireAccount(account);
        } catch (Baseline.BaselineException e) {
            throw new UsageException("--baseline " + e.getMessage());
        }
    }

    /** The config file's suppressions, then those of {@code --suppress} (for this run: they expire today). */
    private List<Suppression> suppressions(CheckRegistry registry, AuditConfig config, Instant started) {
        if (suppress.isEmpty() && suppressReason != null) {
            throw new UsageException("--reason goes with --suppress CHECK[:RESOURCE]");
        }
        if (suppress.isEmpty()) {
            return config.suppressions();
        }
        if (suppressReason == null || suppressReason.isBlank()) {
            throw new UsageException("--suppress needs --reason TEXT: an accepted risk says why");
        }
        List<Suppression> all = new ArrayList<>(config.suppressions());
        LocalDate today = LocalDate.ofInstant(started, ZoneOffset.UTC);
        for (String given : suppress) {
            int colon = given.indexOf(':');
            String check = (colon < 0 ? given : given.substring(0, colon)).strip();
            String resource = colon < 0 ? "*" : given.substring(colon + 1).strip();
            if (check.isEmpty() || resource.isEmpty()) {
                throw new UsageException("--suppress '" + given + "': expected CHECK or CHECK:RESOURCE");
            }
            if (registry.checks().stream().noneMatch(c -> CheckSelection.glob(check).matcher(c.id()).matches())) {
                throw new UsageException("--suppress: no check matches '" + check + "' (see huntaze-audit list-checks)");
            }
            try {
                all.add(new Suppression(check, NamePattern.of(resource), null, suppressReason.strip(), null, today,
                        "--suppress"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--suppress '" + given + "': " + e.getMessage());
            }
        }
        return all;
    }

    private List<RegisteredCheck> selectedChecks(CheckRegistry registry) {
        try {
            return CheckSelection.select(registry.checks(), onlyChecks, skippedChecks);
        } catch (CheckSelection.UnknownCheckException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private AwsSession.Settings awsSettings(URI endpoint) {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new UsageException("--max-attempts must be between 1 and 20, not " + maxAttempts);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new UsageException("--timeout must be between 1 and 3600 seconds, not " + timeoutSeconds);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new UsageException("--concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency);
        }
        return new AwsSession.Settings(profile, endpoint, retryMode == RetryModeOption.adaptive, maxAttempts,
                Duration.ofSeconds(timeoutSeconds), dnsServer());
    }

    /**
     * The config file's thresholds, overridden by the command line: the alias flags and {@code --threshold
     * KEY=VALUE}, each value validated by its declaration (the same words as for the file). One key given twice on
     * the command line is an error, whichever way.
     */
    private Thresholds thresholds(Thresholds fromConfig, Map<String, Threshold> declared) {
        Thresholds thresholds = fromConfig;
        Map<String, String> givenAs = new LinkedHashMap<>();
        for (Threshold threshold : declared.values()) {
            Integer value = threshold.flag() == null ? null : ThresholdOptions.value(spec, threshold);
            if (value != null) {
                thresholds = given(thresholds, threshold, value, threshold.flag(), givenAs);
            }
        }
        for (String setting : thresholdSettings) {
            int equals = setting.indexOf('=');
            String key = (equals < 0 ? setting : setting.substring(0, equals)).strip();
            if (equals < 0 || key.isEmpty()) {
                throw new UsageException("--threshold '" + setting + "': expected KEY=VALUE, e.g. idleDays=30");
            }
            Threshold threshold = declared.get(key);
            if (threshold == null) {
                throw new UsageException("--threshold " + key + ": unknown threshold; known: "
                        + String.join(", ", declared.keySet()));
            }
            String text = setting.substring(equals + 1).strip();
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new UsageException("--threshold " + key + ": " + ThresholdOptions.notAWholeNumber(text));
            }
            thresholds = given(thresholds, threshold, value, "--threshold " + key, givenAs);
        }
        return thresholds;
    }

    /** {@code value} for {@code threshold}, given on the command line as {@code option}. */
    private static Thresholds given(Thresholds thresholds, Threshold threshold, int value, String option,
                                    Map<String, String> givenAs) {
        String before = givenAs.putIfAbsent(threshold.key(), option);
        if (before != null) {
            throw new UsageException("threshold " + threshold.key() + " is given twice on the command line ("
                    + before + " and " + option + ")");
        }
        String problem = threshold.problem(value);
        if (problem != null) {
            throw new UsageException(option + " " + problem);
        }
        return thresholds.with(threshold, value);
    }

    /** The --config file, else ./huntaze-audit.yml when present; the demo reads its own embedded config. */
    private AuditConfig config(CheckRegistry registry, Instant started) {
        LocalDate today = LocalDate.ofInstant(started, ZoneOffset.UTC);
        ConfigLoader loader = new ConfigLoader(registry, today);
        try {
            if (demo && configFile == null) {
                return DemoConfig.load(loader, today);
            }
            Path file = ConfigLoader.locate(configFile, Path.of(""));
            return file == null ? AuditConfig.none() : loader.load(file);
        } catch (ConfigException e) {
            throw new UsageException("config " + e.getMessage());
        }
    }

    /** The embedded price table, extended (or replaced) by {@code --prices}. */
    private PriceTable priceTable() {
        if (prices == null) {
            return ServiceCatalog.current().prices();
        }
        try {
            return ServiceCatalog.current().prices().extendedBy(PriceTable.read(prices,
                    ServiceCatalog.current().priceItems()));
        } catch (PriceTableException e) {
            throw new UsageException("--prices " + prices + ": " + e.getMessage());
        }
    }

    private static Inventory demoInventory(LocalDate today) {
        return ServiceCatalog.current().demoInventory(today);
    }

    /** The config file's settings, with {@code --runtimes FILE} replacing the Lambda runtime table. */
    private com.huntaze.audit.engine.Settings settings(AuditConfig config) {
        if (runtimes == null) {
            return config.settings();
        }
        try {
            return config.settings().with(com.huntaze.audit.services.lambda.LambdaSupportedRuntimeCheck.RUNTIMES,
                    com.huntaze.audit.services.lambda.RuntimeTable.read(runtimes));
        } catch (com.huntaze.audit.services.lambda.RuntimeTable.RuntimeTableException e) {
            throw new UsageException("--runtimes " + runtimes + ": " + e.getMessage());
        }
    }

    /** {@code --dns-server HOST[:PORT]}; null for the system's resolver. */
    private java.net.InetSocketAddress dnsServer() {
        if (dnsServer == null) {
            return null;
        }
        try {
            return com.huntaze.audit.collection.DnsClient.parseServer(dnsServer);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dns-server: " + e.getMessage());
        }
    }

    private URI endpoint() {
        if (endpointUrl == null) {
            return null;
        }
        try {
            URI uri = new URI(endpointUrl);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new UsageException("--endpoint-url must be an http:// or https:// URL with a host, not '"
                        + endpointUrl + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--endpoint-url is not a valid URL: '" + endpointUrl + "'");
        }
    }

    private List<String> auditRegions() {
        List<String> chosen = new ArrayList<>();
        for (String region : regions) {
            String name = region.strip();
            if (!name.isEmpty() && !chosen.contains(name)) {
                chosen.add(name);
            }
        }
        if (chosen.isEmpty()) {
            String fromChain = Regions.defaultRegion(profile);
            if (fromChain == null) {
                throw new UsageException("no region: pass --region, or set AWS_REGION or a region in the profile");
            }
            chosen.add(fromChain);
        }
        for (String name : chosen) {
            if (!Regions.isKnown(name)) {
                throw new UsageException("unknown region '" + name + "' (e.g. us-east-1, eu-west-3)");
            }
        }
        return chosen;
    }

    private void checkProfile() {
        if (profile != null && ProfileFile.defaultProfileFile().profile(profile).isEmpty()) {
            throw new UsageException("unknown profile '" + profile + "': it is in neither ~/.aws/config nor "
                    + "~/.aws/credentials");
        }
    }

    /**
     * The account id from STS GetCallerIdentity: the first call, and the one that proves we can run at all. An answer
     * that is not STS's (an HTML page, no GetCallerIdentityResponse, an account id that is not 12 digits) stops the
     * run: nothing read after it could be trusted to come from that account.
     */
    private static String account(AwsSession aws, String region, URI endpoint) {
        return identity(aws, region, endpoint).account();
    }

    /** Who the credentials are: the account id and the ARN (whose partition the roles to assume are in). */
    private record Identity(String account, String arn) {
    }

    private static Identity identity(AwsSession aws, String region, URI endpoint) {
        String where = endpoint != null ? endpoint.toString() : "STS in " + region;
        String account;
        String arn;
        try {
            var identity = AwsCalls.call("sts:GetCallerIdentity", () -> aws.sts(region).getCallerIdentity());
            account = identity.account();
            arn = identity.arn();
        } catch (AwsCallException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SdkClientException && String.valueOf(cause.getMessage()).contains("credentials")) {
                throw new CannotRunException("no AWS credentials found: set AWS_PROFILE or pass --profile, or set "
                        + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", cause);
            }
            CollectionFailure failure = e.failure();
            String detail = failure.detail() != null ? ": " + failure.detail() : "";
            throw new CannotRunException(switch (failure.kind()) {
                case UNREACHABLE, TIMEOUT -> "cannot reach AWS (" + where + "): " + failure.error() + detail;
                case ACCESS_DENIED -> "AWS rejected the credentials (" + failure.error() + ")" + detail;
                case UNEXPECTED_ANSWER -> notAws(failure.error(), UnexpectedAnswerException.in(cause)
                        .map(UnexpectedAnswerException::endpoint).orElse(where));
                case THROTTLED, ERROR -> "sts:GetCallerIdentity " + failure.reason() + detail;
            }, cause);
        }
        if (account == null || !account.matches("[0-9]{12}")) {
            String shown = account == null ? null : Masking.maskText(account.length() > 40
                    ? account.substring(0, 40) + "…" : account);
            throw new CannotRunException(notAws(shown == null ? "no account id"
                    : "account id '" + shown + "' is not 12 digits", where), null);
        }
        return new Identity(account, arn);
    }

    private static String notAws(String what, String from) {
        return "cannot run: STS answered something that is not AWS (unexpected answer: " + what + ") from " + from;
    }

    /** When every dataset failed because AWS could not be reached, there is no audit to report. */
    private static void failIfNothingReachable(Inventory inventory) {
        List<RegionInventory> all = inventory.all();
        boolean anyData = all.stream().anyMatch(r -> !r.data().isEmpty());
        List<CollectionFailure> failures = all.stream().flatMap(r -> r.failures().values().stream()).toList();
        boolean allUnreachable = !failures.isEmpty() && failures.stream().allMatch(f ->
                f.kind() == CollectionFailure.Kind.UNREACHABLE || f.kind() == CollectionFailure.Kind.TIMEOUT);
        if (!anyData && allUnreachable) {
            throw new CannotRunException("nothing reachable: every AWS call failed (" + failures.get(0).error()
                    + ")", null);
        }
    }
}
