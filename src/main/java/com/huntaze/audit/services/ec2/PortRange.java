package com.huntaze.audit.services.ec2;

/**
 * A range of TCP/UDP ports and what usually listens there, e.g. {@code 20-21 FTP}.
 *
 * @param from the first port
 * @param to   the last port ({@code from} for a single port)
 * @param name what listens there, for messages (SSH, Redis, ...)
 */
public record PortRange(int from, int to, String name) {

    public PortRange {
        if (from < 0 || to > 65535 || from > to) {
            throw new IllegalArgumentException("not a port range: " + from + "-" + to);
        }
    }

    public static PortRange of(int port, String name) {
        return new PortRange(port, port, name);
    }

    /** Whether it shares a port with {@code low}–{@code high}. */
    public boolean overlaps(int low, int high) {
        return from <= high && low <= to;
    }

    /** {@code 22} or {@code 20-21}. */
    public String ports() {
        return text(from, to);
    }

    static String text(int low, int high) {
        return low == high ? Integer.toString(low) : low + "-" + high;
    }

    @Override
    public String toString() {
        return name + " " + ports();
    }
}
