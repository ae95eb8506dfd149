package com.huntaze.audit.collection;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The AWS side of one audit: one HTTP client shared by every service client, one credentials provider, the
 * read-only guard and call counter, and the guard against answers that are not AWS's, on every client. Service clients
 * are built ahead of the collectors for the services an audit reads ({@link #prepare}, while the STS call is in
 * flight), or else on first use; each is built once, cached per service and region, and all closed with the session.
 */
public final class AwsSession implements AutoCloseable {

    /**
     * How the session reaches AWS. {@code endpoint} is null for the real AWS endpoints.
     *
     * @param adaptiveRetries the SDK's adaptive retry mode (client-side rate limiting after throttling) instead of
     *                        the standard mode
     * @param maxAttempts     attempts per call, the first one included
     * @param callTimeout     the limit for one call, retries included; each attempt gets a third of it (at least
     *                        5 s), so a hung endpoint is abandoned and retried rather than waited on
     * @param dnsServer       the resolver of the audit's DNS look-ups ({@code --dns-server}); null for the system's
     */
    public record Settings(String profile, URI endpoint, boolean adaptiveRetries, int maxAttempts, Duration callTimeout,
                           InetSocketAddress dnsServer) {
        public static final int DEFAULT_MAX_ATTEMPTS = 5;
        public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

        /** With the system's DNS resolver. */
        public Settings(String profile, URI endpoint, boolean adaptiveRetries, int maxAttempts, Duration callTimeout) {
            this(profile, endpoint, adaptiveRetries, maxAttempts, callTimeout, null);
        }

        public static Settings defaults() {
            return new Settings(null, null, false, DEFAULT_MAX_ATTEMPTS, DEFAULT_CALL_TIMEOUT);
        }

        Duration attemptTimeout() {
            Duration third = callTimeout.dividedBy(3);
            return third.compareTo(Duration.ofSeconds(5)) < 0 ? callTimeout : third;
        }
    }

    private final Settings settings;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient httpClient;
    /** False for an account's session ({@link #assumingRole}): the HTTP client is its base session's. */
    private final boolean ownsHttpClient;
    private final CallCounter counter = new CallCounter();
    private final Map<String, CachedClient> clients = new ConcurrentHashMap<>();
    private final InFlightLimit inFlight;
    private final Set<String> allowedActions;

    /**
     * @param concurrency    calls in flight at once, at most, across all clients of the session
     * @param allowedActions the actions the collectors declare: every other call is refused before it is sent
     *                       ({@link #IDENTITY_ACTION} is always allowed)
     */
    public AwsSession(Settings settings, int concurrency, Set<String> allowedActions) {
        this(settings, concurrency, allowedActions, settings.profile() == null
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.builder().profileName(settings.profile()).build(), null);
    }

    private AwsSession(Settings settings, int concurrency, Set<String> allowedActions,
                       AwsCredentialsProvider credentials, SdkHttpClient sharedHttpClient) {
        this.settings = settings;
        java.util.Set<String> allowed = new java.util.TreeSet<>(allowedActions);
        allowed.add(IDENTITY_ACTION);
        this.allowedActions = java.util.Collections.unmodifiableSet(allowed);
        this.inFlight = new InFlightLimit(concurrency);
        this.credentials = credentials;
        this.ownsHttpClient = sharedHttpClient == null;
        if (sharedHttpClient != null) {
            this.httpClient = sharedHttpClient;
            return;
        }
        // The JDK's keep-alive cache holds 5 idle connections per host by default; keep one per call in flight.
        reserveConnections(concurrency);
        // url-connection rather than Apache: it is built on the JDK's HttpURLConnection, so it loads far fewer
        // classes and starts faster (no Apache HttpClient, no connection-manager threads), which matters for a CLI
        // whose run is a few hundred small calls. Connection reuse comes from the JDK's keep-alive cache.
        this.httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(settings.attemptTimeout())
                .build();
    }

    public CallCounter counter() {
        return counter;
    }

    /** The session's calls executing now (for a progress line). */
    public int callsInFlight() {
        return inFlight.inFlight();
    }

    private DnsClient dns;

    /**
     * The DNS client of the audit's look-ups (not AWS: no guard, no call counter), built on first use: the resolver of
     * {@link Settings#dnsServer()}, or the system's.
     */
    public synchronized DnsClient dns() {
        if (dns == null) {
            dns = settings.dnsServer() == null ? DnsClient.system(DnsClient.TIMEOUT)
                    : DnsClient.of(settings.dnsServer(), DnsClient.TIMEOUT);
        }
        return dns;
    }

    /** The region name of global services' clients (IAM): the aws partition's global endpoint. */
    public static final String GLOBAL_CLIENT_REGION = Region.AWS_GLOBAL.id();

    /** The call that proves the audit can run and names the account: the session's own, declared by no service. */
    public static final String IDENTITY_ACTION = "sts:GetCallerIdentity";

    /**
     * The session's client of one service in one region, built on first use and shared by every collector: e.g.
     * {@code aws.client("rds", region, RdsClient::builder)}.
     *
     * @param iamPrefix the service's IAM action prefix: the guard lets through {@code iamPrefix:Operation} only when
     *                  a collector declared it
     */
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C client(
            String iamPrefix, String region, Supplier<B> builder) {
        return clientOf(iamPrefix, Map.of(), region, builder);
    }

    /**
     * The session's client of a declared service client in {@code region} (for a collector: its own region, or the
     * client's fixed one, see {@link CollectionContext#client(ServiceClient)}): the one {@link #prepare} built, or
     * built now.
     */
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C client(
            ServiceClient<C, B> client, String region) {
        return clientOf(client.iamPrefix(), client.iamActions(), region, client.builder());
    }

    /**
     * Builds {@code clients} on background threads (a daemon thread driving a parallel stream: every core builds
     * while the caller waits on its first call), into the cache the collectors' clients come from: a collector
     * asking for a client still being built waits for that build rather than making a second one. A client that
     * fails to build is left out: the collector that needs it builds it again and reports the failure as usual.
     *
     * @return done when every client is built or has failed
     */
    public java.util.concurrent.CompletableFuture<Void> prepare(java.util.List<ServiceClient.InRegion> clients) {
        return com.huntaze.audit.util.Background.start("aws-clients", () -> {
            clients.parallelStream().forEach(this::prepareOne);
            return null;
        });
    }

    private void prepareOne(ServiceClient.InRegion prepared) {
        if (closed) {
            return;
        }
        try {
            client(prepared.client(), prepared.region());
        } catch (RuntimeException e) {
            // left to the collector, which builds it again and reports what fails
        }
    }

    public StsClient sts(String region) {
        return clientOf("sts", Map.of(), region, StsClient::builder);
    }

    /**
     * Readies, on the calling thread, the JDK's parts that the session's first call needs, which a fresh JVM sets up
     * the first time they are used and keeps for the rest of the run: TLS (its security providers and the default
     * trust store, cacerts: the HTTP client's set-up, ~150 ms), the HMAC-SHA256 of request signatures, the StAX XML
     * reader of the query and XML protocols' answers, and the HTTP connection classes. Called on a second core at
     * start-up by the commands that will call AWS; it connects nowhere and leaves nothing the session depends on.
     */
    public static void readyJdk() {
        try {
            javax.net.ssl.SSLContext.getInstance("TLS").init(null, null, null);
            javax.crypto.Mac.getInstance("HmacSHA256");
            javax.xml.stream.XMLInputFactory.newInstance();
            new java.net.URL("http://127.0.0.1/").openConnection(); // the object only: no connection is opened
        } catch (java.security.GeneralSecurityException | java.io.IOException
                 | javax.xml.stream.FactoryConfigurationError e) {
            // nothing more readied: the session's own set-up meets the same problem and reports it
        }
    }

    /**
     * Keeps a connection per call in flight across all the accounts audited at once: the JDK's keep-alive cache
     * holds {@code http.maxConnections} idle connections per host, and every account calls the same hosts. Called
     * before the first session is built; a value set by the user wins.
     */
    public static void reserveConnections(int callsInFlight) {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(5, callsInFlight)));
        }
    }

    /** The one write-like call of a base session: AssumeRole, whose answer (credentials) only the SDK sees. */
    public static final String ASSUME_ROLE_ACTION = "sts:AssumeRole";
    /** The session name of every assumed role: what CloudTrail shows of the audit in each account. */
    public static final String ROLE_SESSION_NAME = "huntaze-audit";

    /**
     * A session in the account of {@code roleArn}: its calls are signed with the role's temporary credentials,
     * obtained by STS AssumeRole with this session's credentials, and renewed by the SDK before they expire (a long
     * run never fails on an expired session). It shares this session's HTTP client and settings; it has its own
     * clients, call counter and in-flight limit (AWS limits rates per account). Closing it closes its clients and
     * credentials provider, not the shared HTTP client. No call is made until its credentials are first needed
     * ({@link #resolveCredentials()}).
     *
     * @param stsRegion the region of the STS endpoint that answers AssumeRole
     */
    public AwsSession assumingRole(String roleArn, String externalId, String stsRegion, int concurrency,
                                   Set<String> allowed) {
        StsClient sts = clientOf("sts-assume-role", Map.of(), stsRegion, StsClient::builder);
        StsAssumeRoleCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(ROLE_SESSION_NAME)
                        .externalId(externalId).build())
                .build();
        return new AwsSession(settings, concurrency, allowed, role, httpClient);
    }

    /** Fetches the session's credentials now (for an assumed role: the AssumeRole call), failing as the SDK does. */
    public void resolveCredentials() {
        AwsCalls.call(credentials instanceof StsAssumeRoleCredentialsProvider ? ASSUME_ROLE_ACTION : IDENTITY_ACTION,
                credentials::resolveCredentials);
    }

    /**
     * Cached per IAM prefix, region and client type: two SDK clients can share an IAM prefix (S3 and S3 Control both
     * call {@code s3:} actions).
     */
    @SuppressWarnings("unchecked")
    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C clientOf(
            String iamPrefix, Map<String, String> iamActions, String region, Supplier<B> builder) {
        B fresh = builder.get();
        return (C) clients.computeIfAbsent(iamPrefix + "@" + region + "@" + fresh.getClass().getName(),
                key -> new CachedClient()).get(() -> build(iamPrefix, iamActions, region, fresh));
    }

    /**
     * One cache entry, built by the first caller while the others wait on it — on this entry only, not on the map
     * (whose computeIfAbsent would hold a lock shared with other keys for the whole build). A failed build is not
     * kept: the next caller tries again.
     */
    private static final class CachedClient {
        private SdkClient client;

        synchronized SdkClient get(Supplier<SdkClient> build) {
            if (client == null) {
                client = build.get();
            }
            return client;
        }

        synchronized void close() {
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }

    private volatile boolean closed;

    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C build(
            String iamPrefix, Map<String, String> iamActions, String region, B builder) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o
                        .addExecutionInterceptor(iamPrefix.equals("sts-assume-role")
                                ? ReadOnlyGuard.roleAssumption(counter)
                                : new ReadOnlyGuard(iamPrefix, iamActions, allowedActions, counter))
                        .addExecutionInterceptor(new AnswerShapeGuard())
                        .addExecutionInterceptor(inFlight)
                        .retryStrategy(AwsRetryStrategy.forRetryMode(settings.adaptiveRetries()
                                        ? RetryMode.ADAPTIVE_V2 : RetryMode.STANDARD).toBuilder()
                                .maxAttempts(settings.maxAttempts()).build())
                        .apiCallAttemptTimeout(settings.attemptTimeout())
                        .apiCallTimeout(settings.callTimeout()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        builder.httpClient(httpClient);
        return builder.build();
    }

    @Override
    public void close() {
        closed = true;
        clients.values().forEach(CachedClient::close);
        clients.clear();
        if (credentials instanceof StsAssumeRoleCredentialsProvider role) {
            role.close();
        }
        // The SDK never closes an HTTP client it was given: we do, last (the base session, for all of them).
        if (ownsHttpClient) {
            httpClient.close();
        }
    }
}
