package com.huntaze.audit.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A tiny DNS server on a loopback UDP port for tests: it answers TXT and CNAME questions from a map, NOERROR without
 * records for a known name asked another type, NXDOMAIN for an unknown name; names set to fail answer SERVFAIL, and
 * names set to be silent get no answer at all (the resolver times out). Tests point the audit at it with
 * {@code --dns-server 127.0.0.1:PORT}: never the internet.
 */
public final class DnsStub implements AutoCloseable {

    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<String, Map<Integer, List<String>>> records = new ConcurrentHashMap<>();
    private final Set<String> servfail = ConcurrentHashMap.newKeySet();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private volatile boolean failEverything;

    public DnsStub() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new IllegalStateException("cannot open a loopback UDP port for the DNS stub", e);
        }
        thread = new Thread(this::serve, "dns-stub");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code 127.0.0.1:PORT}, for {@code --dns-server}. */
    public String server() {
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    /** A TXT record (one string per record; a long one is split into 255-byte strings as DNS requires). */
    public DnsStub txt(String name, String value) {
        return add(name, Type.TXT, value);
    }

    /** A CNAME record. */
    public DnsStub cname(String name, String target) {
        return add(name, Type.CNAME, target);
    }

    /** Questions about {@code name} are answered SERVFAIL. */
    public DnsStub servfail(String name) {
        servfail.add(key(name));
        return this;
    }

    /** Questions about {@code name} get no answer. */
    public DnsStub silent(String name) {
        silent.add(key(name));
        return this;
    }

    /** Every question is answered SERVFAIL. */
    public DnsStub failEverything() {
        failEverything = true;
        return this;
    }

    /** The questions received, as {@code TYPE name}, in order. */
    public List<String> questions() {
        return List.copyOf(questions);
    }

    private DnsStub add(String name, int type, String value) {
        records.computeIfAbsent(key(name), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, k -> new CopyOnWriteArrayList<>()).add(value);
        return this;
    }

    private static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query);
                if (answer != null) {
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(Message query) throws TextParseException {
        Record question = query.getQuestion();
        String name = key(question.getName().toString());
        questions.add(Type.string(question.getType()) + " " + name);
        if (silent.contains(name)) {
            return null;
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        Map<Integer, List<String>> known = records.get(name);
        if (failEverything || servfail.contains(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (known == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            Name owner = question.getName();
            for (String value : known.getOrDefault(question.getType(), List.of())) {
                response.addRecord(question.getType() == Type.CNAME
                        ? new CNAMERecord(owner, DClass.IN, 300, Name.fromString(value.endsWith(".") ? value : value + "."))
                        : new TXTRecord(owner, DClass.IN, 300, split(value)), Section.ANSWER);
            }
        }
        return response.toWire();
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 255) {
            parts.add(value.substring(i, Math.min(value.length(), i + 255)));
        }
        return parts.isEmpty() ? List.of("") : parts;
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
