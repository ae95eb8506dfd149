package com.huntaze.audit.inventory;

import java.util.List;

/**
 * The answer to one DNS question, as the audit keeps it: what was asked, and either the records found, a definite
 * "no such record" (NXDOMAIN, or a name without records of that type), or a failure that says nothing about the
 * records (a timeout, SERVFAIL, a network error): checks turn the last into TODO, never into NOK.
 *
 * @param name   the name asked, without the trailing dot, e.g. {@code _dmarc.huntaze.example}
 * @param type   TXT or CNAME
 * @param values the records of that type: TXT strings of one record joined, a CNAME's target without the trailing
 *               dot, in lower case
 * @param detail for NO_RECORD: {@code NXDOMAIN} or {@code no TXT record}; for FAILED: what went wrong
 */
public record DnsAnswer(String name, String type, Outcome outcome, List<String> values, String detail) {

    /** What the resolver said. */
    public enum Outcome { FOUND, NO_RECORD, FAILED }

    public DnsAnswer {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static DnsAnswer found(String name, String type, List<String> values) {
        return new DnsAnswer(name, type, Outcome.FOUND, values, null);
    }

    public static DnsAnswer none(String name, String type, String detail) {
        return new DnsAnswer(name, type, Outcome.NO_RECORD, List.of(), detail);
    }

    public static DnsAnswer failed(String name, String type, String detail) {
        return new DnsAnswer(name, type, Outcome.FAILED, List.of(), detail);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
