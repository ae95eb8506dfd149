package com.huntaze.audit.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.inventory.DnsAnswer;
import com.huntaze.audit.inventory.DnsAnswer.Outcome;
import com.huntaze.audit.testing.DnsStub;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DNS client against a loopback DNS stub: what each kind of answer becomes. */
class DnsClientTest {

    private final DnsStub stub = new DnsStub();
    private final DnsClient dns = DnsClient.of(stub.address(), Duration.ofMillis(500));

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void txtRecordsAreFoundWithTheirStringsJoinedAndCnamesInLowerCaseWithoutTheDot() {
        String longSpf = "v=spf1 " + "ip4:192.0.2.1 ".repeat(30) + "include:amazonses.com ~all";
        stub.txt("shop.example", longSpf).txt("shop.example", "google-site-verification=abc")
                .cname("tok1._domainkey.shop.example", "TOK1.dkim.amazonses.com.");

        DnsAnswer txt = dns.lookup("shop.example", "TXT");
        assertThat(txt.outcome()).isEqualTo(Outcome.FOUND);
        assertThat(txt.values()).containsExactly(longSpf, "google-site-verification=abc");
        assertThat(txt.name()).isEqualTo("shop.example");

        DnsAnswer cname = dns.lookup("tok1._domainkey.shop.example", "CNAME");
        assertThat(cname.values()).containsExactly("tok1.dkim.amazonses.com");
        assertThat(stub.questions()).containsExactly("TXT shop.example", "CNAME tok1._domainkey.shop.example");
    }

    @Test
    void nxdomainAndANameWithoutThatTypeAreDefinitelyNoRecord() {
        stub.cname("www.shop.example", "shop.example");

        assertThat(dns.lookup("_dmarc.shop.example", "TXT"))
                .isEqualTo(DnsAnswer.none("_dmarc.shop.example", "TXT", "NXDOMAIN"));
        assertThat(dns.lookup("www.shop.example", "TXT"))
                .isEqualTo(DnsAnswer.none("www.shop.example", "TXT", "no TXT record"));
    }

    @Test
    void servfailAndSilenceAreFailuresThatSayNothingAboutTheRecords() {
        stub.servfail("broken.example").silent("slow.example");

        DnsAnswer servfail = dns.lookup("broken.example", "TXT");
        assertThat(servfail.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(servfail.detail()).isEqualTo("SERVFAIL from " + stub.server());
        assertThat(DnsClient.unanswered(servfail)).isFalse();

        DnsAnswer silent = dns.lookup("slow.example", "TXT");
        assertThat(silent.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(silent.detail()).isEqualTo("no answer from " + stub.server() + " (timed out after 500 ms)");
        assertThat(DnsClient.unanswered(silent)).isTrue();
    }

    @Test
    void aClosedPortIsNoAnswerToo() {
        DnsAnswer closed = DnsClient.of(new InetSocketAddress("127.0.0.1", 1), Duration.ofMillis(500))
                .lookup("shop.example", "TXT");

        assertThat(DnsClient.unanswered(closed)).as(closed.detail()).isTrue();
        assertThat(closed.detail()).isEqualTo("no answer from 127.0.0.1:1 (PortUnreachableException)");
    }

    @Test
    void onlyTxtAndCnameAreAsked() {
        assertThatThrownBy(() -> dns.lookup("shop.example", "MX")).isInstanceOf(IllegalArgumentException.class);
        assertThat(dns.description()).isEqualTo(stub.server());
    }

    @Test
    void theServerOptionIsHostAndAnOptionalPort() {
        assertThat(DnsClient.parseServer("127.0.0.1:5353")).isEqualTo(new InetSocketAddress("127.0.0.1", 5353));
        assertThat(DnsClient.parseServer("127.0.0.1").getPort()).isEqualTo(53);
        assertThat(DnsClient.parseServer("[::1]:5300")).isEqualTo(new InetSocketAddress("::1", 5300));
        assertThat(DnsClient.parseServer("::1").getPort()).isEqualTo(53);
        for (String bad : List.of("", ":53", "127.0.0.1:0", "127.0.0.1:70000", "127.0.0.1:dns", "[::1")) {
            assertThatThrownBy(() -> DnsClient.parseServer(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("HOST[:PORT]");
        }
    }
}
