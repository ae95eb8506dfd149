package com.huntaze.audit.services.ses;

import com.huntaze.audit.inventory.DnsAnswer;
import java.util.List;
import java.util.Optional;

/**
 * What DNS says about the mail records of one verified SES domain: the SPF TXT record (on its MAIL FROM domain, or on
 * the domain without one), the DMARC TXT record at {@code _dmarc.DOMAIN} (and, when it has none, at its parent
 * domains', nearest first, until one has a DMARC record), and the CNAME of each DKIM token.
 *
 * @param identity the domain identity
 * @param resolver which resolver answered, for evidence: {@code 127.0.0.1:5353} or "the system resolver"
 * @param answers  one per question asked, in the order asked
 */
public record SesEmailDns(String identity, String resolver, List<DnsAnswer> answers) {

    public SesEmailDns {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** The answer to {@code type} at {@code name}, if that was asked. */
    public Optional<DnsAnswer> answer(String name, String type) {
        return answers.stream().filter(a -> a.name().equalsIgnoreCase(name) && a.type().equals(type)).findFirst();
    }
}
