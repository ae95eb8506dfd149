package com.huntaze.audit.collection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Installed on every service client: looks at each successful (2xx) HTTP response before it is unmarshalled and
 * refuses, with an {@link UnexpectedAnswerException}, one that is not in the API's shape, so that a captive portal's
 * login page is never read as an account with no resources:
 * <ul>
 * <li>an HTML page (sent as {@code text/html} or sniffed: {@code <!DOCTYPE html}, {@code <html});</li>
 * <li>query and EC2 protocols (IAM, STS, RDS, ElastiCache, ELBv2, CloudWatch, ...): a body whose root element is not
 *     {@code <OperationNameResponse};</li>
 * <li>JSON protocols (X-Amz-Target JSON 1.0/1.1, REST-JSON): a non-empty body that is not a JSON object or array;</li>
 * <li>REST-XML (S3, Route 53, CloudFront): a non-empty body that is not XML (or JSON sent as JSON: S3 returns
 *     bucket policies so).</li>
 * </ul>
 * A body sent as {@code text/html} that has the protocol's shape passes: moto (the emulator the tests use) labels the
 * JSON answers of several services {@code text/html}; only the body decides. The protocol is told from the request:
 * an {@code X-Amz-Target} header is a JSON protocol, a form-encoded body (Action=...) the query or EC2 protocol,
 * anything else REST (XML for the services above, JSON otherwise).
 *
 * <p>Only the first bytes needed for the decision are read (at most {@value #PEEK_LIMIT}); they are put back in front
 * of the rest of the stream, so a valid answer unmarshals as if nothing had looked at it. A compressed body
 * ({@code Content-Encoding}) is not inspected.
 */
public final class AnswerShapeGuard implements ExecutionInterceptor {

    /** Most bytes read ahead: far more than the XML declaration and root element tag AWS puts first. */
    static final int PEEK_LIMIT = 8192;

    /** Services whose REST protocol speaks XML ({@link SdkExecutionAttribute#SERVICE_NAME} values). */
    static final Set<String> REST_XML_SERVICES = Set.of("S3", "S3Control", "Route53", "CloudFront");

    private static final String DOCTYPE_HTML = "<!doctype html";

    /** How a call's answer is shaped. */
    enum Protocol {
        /** X-Amz-Target, JSON 1.0 / 1.1 (ECS, CloudWatch Logs, Secrets Manager). */
        AWS_JSON,
        /** Query or EC2: form-encoded request, XML answer rooted at {@code <OperationResponse>}. */
        QUERY,
        /** REST with JSON answers (SESv2, Lambda). */
        REST_JSON,
        /** REST with XML answers (S3, Route 53, CloudFront). */
        REST_XML
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        Optional<InputStream> body = context.responseBody();
        if (!response.isSuccessful() || response.firstMatchingHeader("Content-Encoding")
                .filter(e -> !e.isBlank() && !e.equalsIgnoreCase("identity")).isPresent()) {
            return body;
        }
        SdkHttpRequest request = context.httpRequest();
        Protocol protocol = protocolOf(request, attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String contentType = response.firstMatchingHeader("Content-Type").orElse(null);

        InputStream in = body.orElse(InputStream.nullInputStream());
        byte[] prefix = new byte[0];
        int length = 0;
        boolean complete = false;
        Optional<String> problem;
        try {
            while (true) {
                if (length == prefix.length) {
                    prefix = Arrays.copyOf(prefix, Math.min(PEEK_LIMIT, Math.max(512, prefix.length * 2)));
                }
                int read = in.read(prefix, length, prefix.length - length);
                if (read < 0) {
                    complete = true;
                } else {
                    length += read;
                }
                Verdict verdict = judge(protocol, operation, contentType, prefix, length, complete
                        || length >= PEEK_LIMIT);
                if (verdict.decided()) {
                    problem = verdict.problem();
                    break;
                }
            }
        } catch (IOException e) {
            // Not ours to judge: let the SDK read the stream and report the I/O failure as usual.
            return Optional.of(replay(prefix, length, in));
        }
        if (problem.isPresent()) {
            closeQuietly(in);
            throw new UnexpectedAnswerException(problem.get(), endpointOf(request),
                    "HTTP " + response.statusCode() + ", Content-Type " + (contentType == null ? "none" : contentType)
                            + ", body starts " + snippet(prefix, length));
        }
        return body.isEmpty() ? body : Optional.of(replay(prefix, length, in));
    }

    /** The decision so far: undecided (read more), or decided with the problem found, if any. */
    record Verdict(boolean decided, Optional<String> problem) {
        static final Verdict MORE = new Verdict(false, Optional.empty());
        static final Verdict FINE = new Verdict(true, Optional.empty());

        static Verdict unexpected(String what) {
            return new Verdict(true, Optional.of(what));
        }
    }

    static Protocol protocolOf(SdkHttpRequest request, String serviceName) {
        if (request.firstMatchingHeader("X-Amz-Target").isPresent()) {
            return Protocol.AWS_JSON;
        }
        if (request.firstMatchingHeader("Content-Type").map(t -> t.toLowerCase(Locale.ROOT))
                .filter(t -> t.startsWith("application/x-www-form-urlencoded")).isPresent()) {
            return Protocol.QUERY;
        }
        return REST_XML_SERVICES.contains(serviceName) ? Protocol.REST_XML : Protocol.REST_JSON;
    }

    /**
     * Judges the first {@code length} bytes of a 2xx answer.
     *
     * @param last true when no more bytes will be read: the body ended, or the read-ahead limit was reached
     * @return {@link Verdict#MORE} when the bytes so far cannot tell, else the problem found, if any
     */
    static Verdict judge(Protocol protocol, String operation, String contentType, byte[] bytes, int length,
                         boolean last) {
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean labelledHtml = mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");

        int start = skipProlog(text);
        boolean empty = start < 0 || start >= text.length();
        if (empty && !last) {
            return Verdict.MORE; // nothing yet, or inside the BOM, whitespace, an XML declaration or a comment
        }
        if (!empty && text.charAt(start) == '<') {
            String tag = text.substring(start, Math.min(text.length(), start + 15)).toLowerCase(Locale.ROOT);
            if (!last && (DOCTYPE_HTML.startsWith(tag) || "<html".startsWith(tag))) {
                return Verdict.MORE; // "<", "<!doc", "<html": the next bytes tell
            }
            if (tag.startsWith(DOCTYPE_HTML) || isHtmlTag(tag)) {
                return Verdict.unexpected(labelledHtml ? "text/html"
                        : "an HTML page sent as " + orNone(mediaType));
            }
        }
        if (empty && labelledHtml) {
            return Verdict.unexpected("text/html"); // an empty page is no answer either
        }
        Verdict shape = shape(protocol, operation, mediaType, text, empty ? text.length() : start, last);
        if (!shape.decided() || shape.problem().isEmpty()) {
            return shape; // undecided, or right-shaped whatever its label says
        }
        return labelledHtml ? Verdict.unexpected("text/html") : shape;
    }

    private static boolean isHtmlTag(String tag) {
        return tag.startsWith("<html") && (tag.length() == 5 || " \t\r\n>/".indexOf(tag.charAt(5)) >= 0);
    }

    /** Whether the body, from {@code start} (past its prolog), has the protocol's shape. */
    private static Verdict shape(Protocol protocol, String operation, String mediaType, String text, int start,
                                 boolean last) {
        boolean empty = start >= text.length();
        char first = empty ? 0 : text.charAt(start);
        switch (protocol) {
            case AWS_JSON, REST_JSON -> {
                return empty || first == '{' || first == '['
                        ? Verdict.FINE : Verdict.unexpected("not JSON (" + orNone(mediaType) + ")");
            }
            case REST_XML -> {
                boolean json = mediaType.contains("json") && (first == '{' || first == '[');
                return empty || first == '<' || json
                        ? Verdict.FINE : Verdict.unexpected("not XML (" + orNone(mediaType) + ")");
            }
            default -> {
                String expected = (operation == null ? "" : operation) + "Response";
                if (empty || first != '<') {
                    return operation == null ? Verdict.unexpected("not XML (" + orNone(mediaType) + ")")
                            : Verdict.unexpected("no " + expected + " element");
                }
                int end = start + 1;
                while (end < text.length() && " \t\r\n>/".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (end >= text.length() && !last) {
                    return Verdict.MORE;
                }
                if (operation == null) {
                    return Verdict.FINE;
                }
                String name = text.substring(start + 1, end);
                String local = name.substring(name.indexOf(':') + 1);
                return local.equals(expected) ? Verdict.FINE : Verdict.unexpected("no " + expected + " element");
            }
        }
    }

    /**
     * Where the body proper starts: past a byte-order mark, whitespace, an XML declaration and comments; -1 when
     * the text ends inside one of those (more bytes are needed to tell).
     */
    static int skipProlog(String text) {
        int i = text.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0; // UTF-8 BOM, read as ISO-8859-1
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i);
                if (end < 0) {
                    return -1;
                }
                i = end + 3;
            } else if (i < text.length() && text.length() - i < 4 && "<!--".startsWith(text.substring(i))
                    && !text.substring(i).equals("<")) {
                return -1; // "<!" or "<!-": a comment may be starting
            } else {
                return i;
            }
        }
    }

    private static String orNone(String mediaType) {
        return mediaType.isEmpty() ? "no content type" : mediaType;
    }

    /** How the body starts, on one line and short, for --debug. */
    static String snippet(byte[] bytes, int length) {
        String text = new String(bytes, 0, Math.min(length, 200), StandardCharsets.UTF_8)
                .replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (text.isEmpty()) {
            return "(empty)";
        }
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
    }

    static String endpointOf(SdkHttpRequest request) {
        String scheme = request.protocol();
        int port = request.port();
        boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + request.host() + (defaultPort ? "" : ":" + port);
    }

    private static InputStream replay(byte[] prefix, int length, InputStream rest) {
        return length == 0 ? rest : new SequenceInputStream(new ByteArrayInputStream(prefix, 0, length), rest);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | UncheckedIOException ignored) {
            // the answer is refused anyway
        }
    }
}
