package com.huntaze.audit.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.TestCredentials;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** The guard refuses 2xx answers that are not in the API's shape, and lets every real answer through untouched. */
class AnswerShapeGuardTest {

    static final String LOGIN_PAGE = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>"
            + "<form action=\"/login\"><input name=\"user\"></form></body></html>";
    static final String DB_INSTANCES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
            + "<DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>orders-db</DBInstanceIdentifier>"
            + "<MultiAZ>true</MultiAZ></DBInstance></DBInstances></DescribeDBInstancesResult>"
            + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></DescribeDBInstancesResponse>";

    private final AnswerShapeGuard guard = new AnswerShapeGuard();

    // ---- requests as the SDK sends them for each protocol ----

    private static SdkHttpRequest queryRequest() {
        return SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create("http://127.0.0.1:8080/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
    }

    private static SdkHttpRequest jsonRequest() {
        return SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create("https://ecs.us-east-1.amazonaws.com/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters").build();
    }

    private static SdkHttpRequest restRequest() {
        return SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://email.us-east-1.amazonaws.com/v2/email/account")).build();
    }

    private static ExecutionAttributes attributes(String service, String operation) {
        ExecutionAttributes attributes = new ExecutionAttributes();
        attributes.putAttribute(SdkExecutionAttribute.SERVICE_NAME, service);
        attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
        return attributes;
    }

    private static SdkHttpResponse response(int status, String contentType) {
        SdkHttpResponse.Builder builder = SdkHttpResponse.builder().statusCode(status);
        if (contentType != null) {
            builder.putHeader("Content-Type", contentType);
        }
        return builder.build();
    }

    /** What the interceptor sees of one answer. */
    private record Answer(SdkHttpRequest httpRequest, SdkHttpResponse httpResponse, Optional<InputStream> responseBody)
            implements Context.ModifyHttpResponse {
        @Override
        public SdkRequest request() {
            return null;
        }

        @Override
        public Optional<RequestBody> requestBody() {
            return Optional.empty();
        }

        @Override
        public Optional<AsyncRequestBody> asyncRequestBody() {
            return Optional.empty();
        }

        @Override
        public Optional<org.reactivestreams.Publisher<java.nio.ByteBuffer>> responsePublisher() {
            return Optional.empty();
        }
    }

    /** Runs the guard on the answer and returns the body the unmarshaller would get. */
    private String pass(SdkHttpRequest request, ExecutionAttributes attributes, int status, String contentType,
                        InputStream body) throws IOException {
        Optional<InputStream> out = guard.modifyHttpResponseContent(
                new Answer(request, response(status, contentType), Optional.of(body)), attributes);
        return new String(out.orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
    }

    private String pass(SdkHttpRequest request, ExecutionAttributes attributes, String contentType, String body)
            throws IOException {
        return pass(request, attributes, 200, contentType, stream(body));
    }

    private UnexpectedAnswerException refused(SdkHttpRequest request, ExecutionAttributes attributes,
                                              String contentType, String body) {
        return catchThrowableOfType(UnexpectedAnswerException.class, () -> pass(request, attributes, contentType, body));
    }

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A stream that hands out one byte per read, as a slow network would. */
    private static InputStream trickle(String body) {
        InputStream in = stream(body);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : in.read(b, off, 1);
            }
        };
    }

    // ---- refused ----

    @Test
    void anHtmlPageSentAsTextHtmlIsRefusedWithWhereItCameFrom() {
        UnexpectedAnswerException e = refused(queryRequest(), attributes("Rds", "DescribeDBInstances"),
                "text/html; charset=utf-8", LOGIN_PAGE);
        assertThat(e).isNotNull();
        assertThat(e.what()).isEqualTo("text/html");
        assertThat(e.endpoint()).isEqualTo("http://127.0.0.1:8080");
        assertThat(e.getMessage()).startsWith("unexpected answer: text/html from http://127.0.0.1:8080")
                .contains("HTTP 200").contains("<!DOCTYPE html>");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void anHtmlPageSentAsXmlIsSniffed() {
        assertThat(refused(queryRequest(), attributes("Rds", "DescribeDBInstances"), "text/xml", LOGIN_PAGE).what())
                .isEqualTo("an HTML page sent as text/xml");
        String xhtml = "<?xml version=\"1.0\"?>\n<!-- portal -->\n<HTML xmlns=\"http://www.w3.org/1999/xhtml\"><body/></HTML>";
        assertThat(refused(queryRequest(), attributes("Rds", "DescribeDBInstances"), "text/xml", xhtml).what())
                .isEqualTo("an HTML page sent as text/xml");
        assertThat(refused(jsonRequest(), attributes("Ecs", "ListClusters"), null, "  <html>hi</html>").what())
                .isEqualTo("an HTML page sent as no content type");
        assertThat(refused(restRequest(), attributes("SesV2", "GetAccount"), "application/json", LOGIN_PAGE).what())
                .isEqualTo("an HTML page sent as application/json");
    }

    @Test
    void aQueryAnswerWithoutTheOperationsRootElementIsRefused() {
        ExecutionAttributes rds = attributes("Rds", "DescribeDBInstances");
        assertThat(refused(queryRequest(), rds, "text/xml", "<?xml version=\"1.0\"?><Foo/>").what())
                .isEqualTo("no DescribeDBInstancesResponse element");
        assertThat(refused(queryRequest(), rds, "text/xml", "<DescribeDBClustersResponse/>").what())
                .isEqualTo("no DescribeDBInstancesResponse element");
        assertThat(refused(queryRequest(), rds, "text/xml", "").what()).isEqualTo("no DescribeDBInstancesResponse element");
        assertThat(refused(queryRequest(), rds, "application/json", "{\"DBInstances\":[]}").what())
                .isEqualTo("no DescribeDBInstancesResponse element");
        // sent as text/html, the label says it best
        assertThat(refused(queryRequest(), rds, "text/html", "<Foo/>").what()).isEqualTo("text/html");
    }

    @Test
    void aJsonProtocolBodyThatIsNotJsonIsRefused() {
        assertThat(refused(jsonRequest(), attributes("Ecs", "ListClusters"), "text/plain", "Service unavailable").what())
                .isEqualTo("not JSON (text/plain)");
        assertThat(refused(restRequest(), attributes("SesV2", "GetAccount"), "application/json", "OK").what())
                .isEqualTo("not JSON (application/json)");
        assertThat(refused(jsonRequest(), attributes("Ecs", "ListClusters"), "text/html", "").what())
                .as("an empty page").isEqualTo("text/html");
        assertThat(refused(restRequest(), attributes("S3", "ListBuckets"), "text/plain", "buckets: none").what())
                .isEqualTo("not XML (text/plain)");
    }

    @Test
    void aTrickledAnswerIsJudgedTheSame() {
        UnexpectedAnswerException e = catchThrowableOfType(UnexpectedAnswerException.class, () -> pass(queryRequest(),
                attributes("Sts", "GetCallerIdentity"), 200, "text/xml", trickle("<?xml version=\"1.0\"?>\n<Foo/>")));
        assertThat(e.what()).isEqualTo("no GetCallerIdentityResponse element");
        assertThat(catchThrowableOfType(UnexpectedAnswerException.class, () -> pass(queryRequest(),
                attributes("Sts", "GetCallerIdentity"), 200, "text/xml", trickle(LOGIN_PAGE))).what())
                .isEqualTo("an HTML page sent as text/xml");
    }

    // ---- passed untouched ----

    @Test
    void validAnswersPassByteForByte() throws IOException {
        assertThat(pass(queryRequest(), attributes("Rds", "DescribeDBInstances"), "text/xml", DB_INSTANCES))
                .isEqualTo(DB_INSTANCES);
        assertThat(pass(queryRequest(), attributes("Rds", "DescribeDBInstances"), 200, "text/xml", trickle(DB_INSTANCES)))
                .isEqualTo(DB_INSTANCES);
        String json = "{\"clusterArns\": []}";
        assertThat(pass(jsonRequest(), attributes("Ecs", "ListClusters"), "application/x-amz-json-1.1", json))
                .isEqualTo(json);
        assertThat(pass(jsonRequest(), attributes("Ecs", "ListClusters"), "application/x-amz-json-1.1", ""))
                .isEmpty();
        assertThat(pass(restRequest(), attributes("SesV2", "ListEmailIdentities"), "application/json", "[]"))
                .isEqualTo("[]");
        String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        assertThat(pass(restRequest(), attributes("S3", "GetBucketPolicy"), "application/json", bucketPolicy))
                .isEqualTo(bucketPolicy);
        assertThat(pass(restRequest(), attributes("S3", "ListBuckets"), "application/xml",
                "<ListAllMyBucketsResult/>")).isEqualTo("<ListAllMyBucketsResult/>");
    }

    @Test
    void jsonLabelledTextHtmlPassesForItsShapeIsRight() throws IOException {
        // moto labels the JSON of Logs, Secrets Manager and SESv2 text/html: the body decides, not the label
        String json = "{\"logGroups\": [], \"nextToken\": null}";
        assertThat(pass(jsonRequest(), attributes("CloudWatchLogs", "DescribeLogGroups"), "text/html; charset=utf-8",
                json)).isEqualTo(json);
    }

    @Test
    void aLargeAnswerIsReadAheadOnlyAsFarAsNeeded() throws IOException {
        StringBuilder big = new StringBuilder(DB_INSTANCES.substring(0, DB_INSTANCES.indexOf("<DBInstances>") + 13));
        while (big.length() < 200_000) {
            big.append("<DBInstance><DBInstanceIdentifier>db-").append(big.length()).append("</DBInstanceIdentifier></DBInstance>");
        }
        String body = big.append("</DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>").toString();
        AtomicInteger served = new AtomicInteger();
        InputStream counting = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                served.addAndGet(Math.max(0, n));
                return n;
            }
        };
        Optional<InputStream> out = guard.modifyHttpResponseContent(new Answer(queryRequest(),
                response(200, "text/xml"), Optional.of(counting)), attributes("Rds", "DescribeDBInstances"));
        assertThat(served.get()).as("bytes read ahead").isLessThanOrEqualTo(AnswerShapeGuard.PEEK_LIMIT);
        assertThat(new String(out.orElseThrow().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void errorsAndCompressedBodiesAreNotInspected() {
        InputStream body = stream(LOGIN_PAGE);
        Optional<InputStream> out = guard.modifyHttpResponseContent(new Answer(queryRequest(),
                response(403, "text/html"), Optional.of(body)), attributes("Rds", "DescribeDBInstances"));
        assertThat(out).containsSame(body);
        SdkHttpResponse gzip = response(200, "application/x-amz-json-1.1").toBuilder()
                .putHeader("Content-Encoding", "gzip").build();
        out = guard.modifyHttpResponseContent(new Answer(jsonRequest(), gzip, Optional.of(body)),
                attributes("Ecs", "ListClusters"));
        assertThat(out).containsSame(body);
    }

    // ---- the failure it becomes ----

    @Test
    void itKeepsItsTypeWhenTheSdkRecordsTheAttemptsAndIsClassifiedAsAnUnexpectedAnswer() {
        UnexpectedAnswerException thrown = new UnexpectedAnswerException("text/html", "http://127.0.0.1:8080", null);
        SdkException rebuilt = thrown.toBuilder().numAttempts(1).build();
        assertThat(rebuilt).isInstanceOf(UnexpectedAnswerException.class);
        assertThat(((UnexpectedAnswerException) rebuilt).what()).isEqualTo("text/html");
        assertThat(((UnexpectedAnswerException) rebuilt).endpoint()).isEqualTo("http://127.0.0.1:8080");

        CollectionFailure failure = AwsCalls.classify("rds:DescribeDBInstances", rebuilt);
        assertThat(failure.kind()).isEqualTo(CollectionFailure.Kind.UNEXPECTED_ANSWER);
        assertThat(failure.error()).isEqualTo("text/html");
        assertThat(failure.reason()).isEqualTo("failed (unexpected answer: text/html)");
        assertThat(failure.advice()).contains("rds endpoint").contains("not AWS").contains("proxy")
                .contains("captive portal").contains("--endpoint-url");
        assertThat(AwsCalls.classify("rds:DescribeDBInstances",
                new UnexpectedAnswerException("no DescribeDBInstancesResponse element", "x", null)).reason())
                .isEqualTo("failed (unexpected answer: no DescribeDBInstancesResponse element)");
    }

    // ---- through a real SDK client ----

    @Test
    void throughTheSessionAnHtmlAnswerIsOneAttemptAndARealAnswerUnmarshals() throws IOException {
        TestCredentials.install();
        AtomicInteger requests = new AtomicInteger();
        AtomicReference<String> answer = new AtomicReference<>(LOGIN_PAGE);
        AtomicReference<String> contentType = new AtomicReference<>("text/html");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType.get());
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (AwsSession aws = new AwsSession(new AwsSession.Settings(null, endpoint, false, 5, Duration.ofSeconds(10)), 2,
                java.util.Set.of("rds:DescribeDBInstances"))) {
            assertThatThrownBy(() -> AwsCalls.call("rds:DescribeDBInstances",
                    () -> aws.client("rds", "us-east-1", software.amazon.awssdk.services.rds.RdsClient::builder).describeDBInstances()))
                    .isInstanceOfSatisfying(AwsCallException.class, e -> {
                        assertThat(e.failure().kind()).isEqualTo(CollectionFailure.Kind.UNEXPECTED_ANSWER);
                        assertThat(e.failure().reason()).isEqualTo("failed (unexpected answer: text/html)");
                        assertThat(UnexpectedAnswerException.in(e).orElseThrow().endpoint())
                                .isEqualTo(endpoint.toString());
                    });
            assertThat(requests.get()).as("attempts, with up to 5 allowed").isEqualTo(1);

            answer.set(DB_INSTANCES);
            contentType.set("text/xml");
            assertThat(aws.client("rds", "us-east-1", software.amazon.awssdk.services.rds.RdsClient::builder).describeDBInstances().dbInstances()).extracting(DBInstance::dbInstanceIdentifier)
                    .containsExactly("orders-db");
        } finally {
            server.stop(0);
        }
    }
}
