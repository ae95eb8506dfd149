package com.huntaze.audit.collection;

import com.huntaze.audit.inventory.DnsAnswer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The audit's DNS look-ups (the SPF, DMARC and DKIM records of the SES domains), through dnsjava: one question per
 * call, sent to the resolver of {@code --dns-server HOST[:PORT]} or to the system's (dnsjava's default configuration:
 * {@code /etc/resolv.conf} and the like). No cache, no search list, no hosts file: each name is asked as written,
 * absolute. dnsjava rather than the JDK's JNDI DNS provider: the answer's RCODE is explicit (NXDOMAIN, a definite
 * "no record", is told apart from SERVFAIL and timeouts, which say nothing), TXT strings come parsed, and the server
 * and port are an object rather than a URL string.
 */
public final class DnsClient {

    /** How the detail of a question the resolver never answered (a timeout, a network error) starts. */
    static final String NO_ANSWER = "no answer from ";

    /** The limit for one question, retries within dnsjava included. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Resolver resolver;
    private final String description;
    private final Duration timeout;

    private DnsClient(Resolver resolver, String description, Duration timeout) {
        this.resolver = resolver;
        this.description = description;
        this.timeout = timeout;
    }

    /** The system's resolvers, as dnsjava finds them. */
    public static DnsClient system(Duration timeout) {
        ExtendedResolver resolver = new ExtendedResolver();
        resolver.setTimeout(timeout);
        return new DnsClient(resolver, "the system resolver", timeout);
    }

    /** The resolver at {@code server} (UDP, TCP when an answer is truncated). */
    public static DnsClient of(InetSocketAddress server, Duration timeout) {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(timeout);
        return new DnsClient(resolver, hostAndPort(server), timeout);
    }

    /** Which resolver answers: {@code 127.0.0.1:5353}, or "the system resolver". */
    public String description() {
        return description;
    }

    /**
     * {@code HOST[:PORT]} ({@code [IPV6]:PORT} with a port), port 53 by default.
     *
     * @throws IllegalArgumentException naming what is wrong, for a usage error
     */
    public static InetSocketAddress parseServer(String text) {
        String value = text == null ? "" : text.strip();
        String host = value;
        int port = SimpleResolver.DEFAULT_PORT;
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("expected HOST[:PORT], not '" + text + "'");
            }
            host = value.substring(1, end);
            String rest = value.substring(end + 1);
            if (!rest.isEmpty()) {
                port = port(rest.startsWith(":") ? rest.substring(1) : rest, text);
            }
        } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            host = value.substring(0, value.indexOf(':'));
            port = port(value.substring(value.indexOf(':') + 1), text);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("expected HOST[:PORT], not '" + text + "'");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
    }

    private static int port(String text, String whole) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("expected HOST[:PORT] with a port from 1 to 65535, not '" + whole + "'");
    }

    /** Why no answer came, the same words for the same cause (dnsjava's own message carries the query's random id). */
    private String why(IOException e) {
        if (e instanceof java.net.SocketTimeoutException || String.valueOf(e.getMessage()).startsWith("Timed out")) {
            return "timed out after " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s"
                    : timeout.toMillis() + " ms");
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                : ": " + e.getMessage().replaceAll(",? ?id=\\d+", ""));
    }

    private static String hostAndPort(InetSocketAddress server) {
        String host = server.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort();
    }

    /** Whether the resolver did not answer {@code answer}'s question at all (rather than answering SERVFAIL, say). */
    public static boolean unanswered(DnsAnswer answer) {
        return answer.failed() && answer.detail() != null && answer.detail().startsWith(NO_ANSWER);
    }

    /** The records of {@code type} (TXT or CNAME) at {@code name}; a failure is an answer too, never an exception. */
    public DnsAnswer lookup(String name, String type) {
        int code = Type.value(type);
        if (code != Type.TXT && code != Type.CNAME) {
            throw new IllegalArgumentException("only TXT and CNAME look-ups are supported, not " + type);
        }
        Message response;
        try {
            Name absolute = Name.fromString(name.endsWith(".") ? name : name + ".");
            response = resolver.send(Message.newQuery(Record.newRecord(absolute, code, DClass.IN)));
        } catch (TextParseException e) {
            return DnsAnswer.failed(name, type, "not a valid DNS name (" + e.getMessage() + ")");
        } catch (IOException e) {
            return DnsAnswer.failed(name, type, NO_ANSWER + description + " (" + why(e) + ")");
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return DnsAnswer.none(name, type, "NXDOMAIN");
        }
        if (rcode != Rcode.NOERROR) {
            return DnsAnswer.failed(name, type, Rcode.string(rcode) + " from " + description);
        }
        List<String> values = new ArrayList<>();
        for (Record record : response.getSection(Section.ANSWER)) {
            // A TXT question may be answered through a CNAME chain: the TXT records at its end are the answer.
            if (code == Type.TXT && record instanceof TXTRecord txt) {
                values.add(String.join("", txt.getStrings()));
            } else if (code == Type.CNAME && record instanceof CNAMERecord cname) {
                values.add(cname.getTarget().toString(true).toLowerCase(Locale.ROOT));
            }
        }
        return values.isEmpty() ? DnsAnswer.none(name, type, "no " + type + " record") : DnsAnswer.found(name, type,
                values);
    }
}
