package com.huntaze.audit.testing;

import com.huntaze.audit.cli.HuntazeAudit;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run of the class-data-sharing archive (the pom's package step runs it with
 * -XX:DumpLoadedClassList): the CLI's usual runs in one JVM, so that the archive holds the classes they load. An
 * audit of both regions goes to {@link #endpoint a loopback endpoint} that answers every call as AWS does for an
 * empty account, which loads every service client and its request and response classes without any AWS (or
 * moto) at build time; then the demo, a repository audit of the fixture repository, list-checks, iam-policy, version
 * and help; last, the SDK model classes of every declared operation ({@link SdkModelTraining}), which answers of an
 * empty account do not reach.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    static final String ACCOUNT = "123456789012";
    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z0-9]+)");

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        HttpServer endpoint = endpoint();
        int failures = 0;
        try {
            String url = "http://127.0.0.1:" + endpoint.getAddress().getPort();
            // Dummy credentials (the default chain reads these first) and no profile file of the user's.
            TestCredentials.install();
            System.setProperty("aws.configFile", "/nonexistent/huntaze-cds-training/config");
            System.setProperty("aws.sharedCredentialsFile", "/nonexistent/huntaze-cds-training/credentials");
            for (String format : List.of("md", "json")) {
                // exit 1: an empty account has NOK findings (SES sandbox, root MFA)
                failures += run(1, "check", "--endpoint-url", url, "--region", "us-east-1,eu-west-1", "--format", format);
            }
            // the same audit as a populated account: every answer with every member set (PopulatedAnswers), so
            // the collectors' calls for each resource and their records run too
            PopulatedAnswers.enabled = true;
            try {
                failures += run(1, "check", "--endpoint-url", url, "--region", "us-east-1,eu-west-1", "--format",
                        "md,json,junit,sarif,csv,html", "--output-dir", "populated-reports"); // in the working directory: target/cds
            } finally {
                PopulatedAnswers.enabled = false;
            }
            // and as an auditor whose policy allows nothing but STS: every other call refused, in its protocol, so
            // that each service's error answers (exceptions, error unmarshalling, TODO findings) are trained too
            denyAll = true;
            try {
                // exit 0: a call the policy refuses is a TODO finding, which the default gate lets pass
                failures += run(0, "check", "--endpoint-url", url, "--region", "us-east-1,eu-west-1", "--format", "md");
            } finally {
                denyAll = false;
            }
            failures += run(1, "check", "--demo");
            // the repository audit: JGit's index, work-tree and history classes
            java.nio.file.Path repositories = java.nio.file.Files.createTempDirectory("huntaze-cds-repo");
            String repository = FixtureRepository.create(repositories).root().toString();
            failures += run(1, "check", "--repo", repository, "--no-aws");
            failures += run(1, "check", "--repo", repository, "--no-aws", "--format", "json");
            org.eclipse.jgit.util.FileUtils.delete(repositories.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
            failures += run(1, "check", "--demo", "--format", "json");
            failures += run(0, "list-checks");
            failures += run(0, "iam-policy");
            failures += run(0, "--version");
            failures += run(0, "check", "--help");
            Class.forName("com.huntaze.audit.Main"); // the jar's entry point (the runs above start at HuntazeAudit)
            // what an empty account's answers never reach: the SDK classes of the resources
            System.err.println("cds training: " + SdkModelTraining.initialiseDeclaredModels()
                    + " SDK model classes of the declared operations initialised");
        } finally {
            endpoint.stop(0);
        }
        // A run that did not end as expected still trained what it loaded: say so, and let the build decide.
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Runs the CLI in this JVM; returns 1 (and says why on stderr) when it exits otherwise than {@code expected}. */
    static int run(int expected, String... args) {
        StringWriter err = new StringWriter();
        int code = HuntazeAudit.execute(args, new PrintWriter(Writer.nullWriter()), new PrintWriter(err));
        if (code != expected) {
            System.err.println("cds training: " + String.join(" ", args) + " exited " + code + ": " + err);
            return 1;
        }
        return 0;
    }

    /**
     * A loopback endpoint answering every call with an empty success, in the call's protocol: the query protocol
     * (STS, RDS, ElastiCache, ELBv2, IAM, CloudWatch) gets an XML result, the JSON protocols (ECS, Logs, Secrets
     * Manager, ACM, DynamoDB; X-Amz-Target) and REST-JSON (SESv2, Amplify, AWS Backup) an empty object, REST-XML
     * (CloudFront's ListDistributions, Route 53, S3, S3 Control) an empty listing or element. STS GetCallerIdentity
     * names an account.
     */
    public static HttpServer endpoint() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "cds-training-endpoint");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", CdsTraining::answer);
        server.start();
        return server;
    }

    /** Whether the request is signed for {@code service} (its SigV4 credential scope). */
    private static boolean signedFor(HttpExchange exchange, String service) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.contains("/" + service + "/aws4_request");
    }

    /** While set, the endpoint refuses every call but STS's with AccessDenied. */
    private static volatile boolean denyAll;

    /** CloudFront, Route 53, S3 and S3 Control: the REST-XML services. */
    private static boolean isRestXml(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return signedFor(exchange, "s3") || signedFor(exchange, "cloudfront") || path.startsWith("/2013-04-01/")
                || path.startsWith("/2020-05-31/");
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType;
        String answer;
        int status = 200;
        Matcher action = ACTION.matcher(URLDecoder.decode(body, StandardCharsets.UTF_8));
        if (denyAll && !signedFor(exchange, "sts")) {
            status = 403;
            if (exchange.getRequestHeaders().getFirst("X-Amz-Target") != null || !action.find() && !isRestXml(exchange)) {
                // the JSON protocols, with the error type in a header and the body
                contentType = "application/x-amz-json-1.1";
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "AccessDeniedException");
                answer = "{\"__type\":\"AccessDeniedException\",\"message\":\"cds training: denied\"}";
            } else {
                contentType = "text/xml";
                answer = "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>cds training:"
                        + " denied</Message></Error><RequestId>cds-training</RequestId></ErrorResponse>";
            }
        } else if (exchange.getRequestHeaders().getFirst("X-Amz-Target") != null) {
            contentType = "application/x-amz-json-1.1";
            answer = "{}";
        } else if (exchange.getRequestURI().getPath().equals("/2020-05-31/distribution")) {
            // CloudFront ListDistributions: REST-XML
            contentType = "text/xml";
            answer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DistributionList"
                    + " xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Marker></Marker><MaxItems>100"
                    + "</MaxItems><IsTruncated>false</IsTruncated><Quantity>0</Quantity></DistributionList>";
        } else if (signedFor(exchange, "s3")) {
            // REST-XML (S3, S3 Control): an empty element reads as an empty answer (no buckets, no settings).
            contentType = "application/xml";
            answer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Result/>";
        } else if (action.find()) {
            contentType = "text/xml";
            String name = action.group(1);
            String result = name.equals("GetCallerIdentity")
                    ? "<Arn>arn:aws:iam::" + ACCOUNT + ":user/cds-training</Arn><UserId>AIDACDSTRAINING</UserId>"
                    + "<Account>" + ACCOUNT + "</Account>"
                    : "";
            answer = "<" + name + "Response><" + name + "Result>" + result + "</" + name + "Result>"
                    + "<ResponseMetadata><RequestId>cds-training</RequestId></ResponseMetadata></" + name + "Response>";
        } else if (exchange.getRequestURI().getPath().startsWith("/2013-04-01/")) {
            // Route 53 (REST-XML): an empty listing, rooted at the operation's response element
            contentType = "text/xml";
            String path = exchange.getRequestURI().getPath();
            String name = path.endsWith("/rrset") ? "ListResourceRecordSets"
                    : path.endsWith("/healthcheck") ? "ListHealthChecks" : "ListHostedZones";
            String list = switch (name) {
                case "ListResourceRecordSets" -> "<ResourceRecordSets/>";
                case "ListHealthChecks" -> "<HealthChecks/><Marker></Marker>";
                default -> "<HostedZones/><Marker></Marker>";
            };
            answer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + name + "Response"
                    + " xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">" + list
                    + "<IsTruncated>false</IsTruncated><MaxItems>100</MaxItems></" + name + "Response>";
        } else {
            contentType = "application/json";
            answer = "{}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "cds-training");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
