package com.huntaze.audit.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP proxy in front of moto: answers the requests a rule matches with a canned AWS-shaped response
 * (for what moto cannot represent, or to inject a failure), and forwards everything else to moto unchanged.
 */
public final class StubProxy implements AutoCloseable {

    /** What a rule sees of a request. {@code region} and {@code service} come from the SigV4 credential scope. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body,
                          String region, String service) {

        /** The SDK's attempt number of this request (1 for the first try), from the amz-sdk-request header. */
        public int attempt() {
            List<String> values = headers.get("Amz-sdk-request");
            if (values == null || values.isEmpty()) {
                return 1;
            }
            Matcher m = Pattern.compile("attempt=(\\d+)").matcher(values.get(0));
            return m.find() ? Integer.parseInt(m.group(1)) : 1;
        }

        /** The operation: the query-protocol Action, the JSON-protocol X-Amz-Target suffix, or "" for REST. */
        public String operation() {
            List<String> target = headers.get("X-amz-target");
            if (target != null && !target.isEmpty()) {
                String value = target.get(0);
                return value.substring(value.indexOf('.') + 1);
            }
            for (String pair : body.split("&")) {
                if (pair.startsWith("Action=")) {
                    return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
                }
            }
            return "";
        }
    }

    /** A canned response. */
    public record Response(int status, String contentType, String body) {
        /** A query-protocol (XML) error, as RDS, ELBv2, ElastiCache, CloudWatch and IAM return them. */
        public static Response queryError(int status, String code, String message) {
            return new Response(status, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + code
                    + "</Code><Message>" + message + "</Message></Error><RequestId>stub</RequestId></ErrorResponse>");
        }

        /** A JSON-protocol error, as ECS, CloudWatch Logs and Secrets Manager return them. */
        public static Response jsonError(int status, String type, String message) {
            return new Response(status, "application/x-amz-json-1.1",
                    "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
        }

        /** An EC2-protocol error, as EC2 returns them: {@code <Response><Errors><Error>...}. */
        public static Response ec2Error(int status, String code, String message) {
            return new Response(status, "text/xml", "<Response><Errors><Error><Code>" + code + "</Code><Message>"
                    + message + "</Message></Error></Errors><RequestID>stub</RequestID></Response>");
        }

        public static Response json(String body) {
            return new Response(200, "application/json", body);
        }
    }

    /**
     * What to do instead of forwarding: a canned response, a throttling answer, a delay, a dropped connection, or
     * moto's own answer rewritten.
     */
    public sealed interface Action permits Respond, Throttle, Delay, Drop, Rewrite {
    }

    public record Respond(Response response) implements Action {
    }

    /**
     * The throttling answer of the request's protocol: query 400 Throttling, EC2 503 RequestLimitExceeded, JSON 400
     * ThrottlingException, REST 429.
     */
    public record Throttle() implements Action {
    }

    /** Waits, then forwards. */
    public record Delay(long millis) implements Action {
    }

    /** Closes the connection without answering, as a dead endpoint or a reset would. */
    public record Drop() implements Action {
    }

    /**
     * Forwards, then answers with {@code body} applied to moto's answer body (status and headers kept): for a field
     * moto answers but cannot be told, such as a creation time in the past.
     */
    public record Rewrite(UnaryOperator<String> body) implements Action {
    }

    private record Rule(Predicate<Request> when, Action action) {
    }

    static {
        // Forward the client's Host header unchanged: moto checks SigV4 signatures when it enforces IAM, and the
        // signature covers Host.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final URI upstream;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Request> seen = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger applied = new java.util.concurrent.atomic.AtomicInteger();

    public StubProxy(URI upstream) {
        this.upstream = upstream;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "stub-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answer matching requests with {@code response}; the first matching rule wins. */
    public StubProxy when(Predicate<Request> when, Response response) {
        return when(when, new Respond(response));
    }

    /** Apply {@code action} to matching requests; the first matching rule wins. */
    public StubProxy when(Predicate<Request> when, Action action) {
        rules.add(new Rule(when, action));
        return this;
    }

    /** Like {@link #when(Predicate, Action)}, but ahead of every rule added so far. */
    public StubProxy before(Predicate<Request> when, Action action) {
        rules.add(0, new Rule(when, action));
        return this;
    }

    /**
     * A predicate true for every {@code n}-th call (counted over first attempts only), so that "20% of calls" is
     * exact and a retried call is never failed again: the point is that retries absorb the fault.
     */
    public static Predicate<Request> everyNthCall(int n, Predicate<Request> among) {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        return r -> r.attempt() == 1 && among.test(r) && calls.incrementAndGet() % n == 0;
    }

    /** How many requests each rule's action was applied to, in rule order. */
    public int applied() {
        return applied.get();
    }

    /** Every request that reached the proxy, stubbed or forwarded. */
    public List<Request> requests() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Matcher scope = SCOPE.matcher(authorization == null ? "" : authorization);
            boolean signed = scope.find();
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8),
                    signed ? scope.group(1) : "", signed ? scope.group(2) : "");
            seen.add(request);
            for (Rule rule : rules) {
                if (rule.when().test(request)) {
                    applied.incrementAndGet();
                    Action action = rule.action();
                    if (action instanceof Respond respond) {
                        respond(exchange, respond.response());
                    } else if (action instanceof Throttle) {
                        respond(exchange, throttling(request));
                    } else if (action instanceof Delay delay) {
                        sleep(delay.millis());
                        forward(exchange, body);
                    } else if (action instanceof Rewrite rewrite) {
                        forward(exchange, body, rewrite.body());
                    } else {
                        drop(exchange);
                    }
                    return;
                }
            }
            forward(exchange, body);
        }
    }

    private static void respond(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", "stub");
        if (response.status() == 429) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "TooManyRequestsException");
        }
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Response throttling(Request request) {
        if (request.headers().containsKey("X-amz-target")) {
            return Response.jsonError(400, "ThrottlingException", "Rate exceeded");
        }
        if (request.body().contains("Action=") && "ec2".equals(request.service())) {
            return Response.ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.");
        }
        if (request.body().contains("Action=")) {
            return Response.queryError(400, "Throttling", "Rate exceeded");
        }
        return new Response(429, "application/json", "{\"message\":\"Too Many Requests\"}");
    }

    /**
     * Cuts the connection before any response byte: a handler that throws makes the HTTP server close the
     * connection, so the client sees it end under it, as with a crashed endpoint.
     */
    private static void drop(HttpExchange exchange) throws IOException {
        throw new IOException("connection dropped on purpose");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        forward(exchange, body, null);
    }

    /** Forwards to moto; {@code rewrite}, when not null, rewrites its answer body. */
    private void forward(HttpExchange exchange, byte[] body, UnaryOperator<String> rewrite) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readAllBytes();
        }
        if (rewrite != null) {
            bytes = rewrite.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        response.headers().map().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
