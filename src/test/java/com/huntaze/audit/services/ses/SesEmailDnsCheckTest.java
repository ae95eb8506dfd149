package com.huntaze.audit.services.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.collection.DnsClient;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.DnsAnswer;
import com.huntaze.audit.testing.CheckHarness;
import com.huntaze.audit.testing.DnsStub;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ses.email-dns, its DNS answers read by the collector's own look-ups from a loopback DNS stub (never the internet),
 * then judged.
 */
class SesEmailDnsCheckTest {

    private static final List<String> TOKENS = List.of("tok1", "tok2", "tok3");

    private final DnsStub stub = new DnsStub();
    private final DnsClient dns = DnsClient.of(stub.address(), Duration.ofMillis(500));

    @AfterEach
    void stop() {
        stub.close();
    }

    private static SesIdentity domain(String name, String mailFrom) {
        return new SesIdentity(name, "DOMAIN", true, "SUCCESS", "SUCCESS", true, TOKENS, mailFrom);
    }

    /** Every record SES needs for {@code domain}, on the domain itself (no custom MAIL FROM). */
    private DnsStub complete(String domain) {
        stub.txt(domain, "v=spf1 include:amazonses.com ~all")
                .txt("_dmarc." + domain, "v=DMARC1; p=quarantine; rua=mailto:dmarc@" + domain);
        TOKENS.forEach(t -> stub.cname(t + "._domainkey." + domain, t + ".dkim.amazonses.com"));
        return stub;
    }

    /** The collector's look-ups for {@code identities} against the stub, then the check's findings. */
    private CheckHarness audit(SesIdentity... identities) {
        List<SesEmailDns> answers = java.util.Arrays.stream(identities).filter(SesIdentity::isVerifiedDomain)
                .map(i -> SesCollectors.lookUp(dns, i)).toList();
        return CheckHarness.of(new SesEmailDnsCheck())
                .with(SesDatasets.EMAIL_IDENTITIES, List.of(identities))
                .with(SesDatasets.EMAIL_DNS, answers);
    }

    @Test
    void aDomainWithSpfDmarcAndTheThreeDkimCnamesIsOk() {
        complete("shop.example");

        Finding ok = audit(domain("shop.example", null)).finding("shop.example");

        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(ok.message()).isEqualTo("SPF, DMARC and DKIM are published.");
        assertThat(ok.region()).isEqualTo("us-east-1");
        assertThat(ok.resourceType()).isEqualTo("AWS::SES::EmailIdentity");
        assertThat(ok.evidence()).containsEntry("SpfDomain", "shop.example")
                .containsEntry("Spf", "v=spf1 include:amazonses.com ~all")
                .containsEntry("DmarcPolicy", "quarantine").containsEntry("DkimCnames", "3 of 3 published")
                .containsEntry("Resolver", stub.server());
        assertThat(stub.questions()).containsExactly("TXT shop.example", "TXT _dmarc.shop.example",
                "CNAME tok1._domainkey.shop.example", "CNAME tok2._domainkey.shop.example",
                "CNAME tok3._domainkey.shop.example");
    }

    @Test
    void aDomainWithoutDmarcIsNokNamingTheRecordToPublish() {
        complete("shop.example");
        stub.txt("news.example", "v=spf1 include:amazonses.com -all");
        TOKENS.forEach(t -> stub.cname(t + "._domainkey.news.example", t + ".dkim.amazonses.com"));

        Finding nok = audit(domain("news.example", null)).finding("news.example");

        assertThat(nok.status()).isEqualTo(Status.NOK);
        assertThat(nok.message()).isEqualTo("DMARC: no record at _dmarc.news.example; publish TXT _dmarc.news.example"
                + " \"v=DMARC1; p=none; rua=mailto:dmarc-reports@news.example\" (then p=quarantine or p=reject once"
                + " the reports are clean).");
        assertThat(nok.evidence()).containsEntry("Missing", List.of(nok.message()));
        assertThat(nok.remediation()).contains("_dmarc");
    }

    @Test
    void aDmarcRecordWithoutPolicyIsIgnoredByReceiversAndThusNok() {
        complete("shop.example");
        stub.txt("_dmarc.bare.example", "v=DMARC1; rua=mailto:d@bare.example").txt("bare.example",
                "v=spf1 include:amazonses.com ~all");
        TOKENS.forEach(t -> stub.cname(t + "._domainkey.bare.example", t + ".dkim.amazonses.com"));

        Finding nok = audit(domain("bare.example", null)).finding("bare.example");

        assertThat(nok.status()).isEqualTo(Status.NOK);
        assertThat(nok.message()).startsWith("DMARC: the record at _dmarc.bare.example has no p= policy");
    }

    @Test
    void aSubdomainInheritsItsParentsDmarcPolicyPreferringSp() {
        stub.txt("mail.shop.example", "v=spf1 include:amazonses.com ~all")
                .txt("_dmarc.shop.example", "v=DMARC1; p=reject; sp=quarantine");
        TOKENS.forEach(t -> stub.cname(t + "._domainkey.mail.shop.example", t + ".dkim.amazonses.com"));

        Finding ok = audit(domain("mail.shop.example", null)).finding("mail.shop.example");

        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(ok.evidence()).containsEntry("DmarcFrom", "_dmarc.shop.example")
                .containsEntry("DmarcPolicy", "quarantine");
        assertThat(stub.questions()).contains("TXT _dmarc.mail.shop.example", "TXT _dmarc.shop.example")
                .doesNotContain("TXT _dmarc.example");
    }

    @Test
    void spfCountsOnTheMailFromDomainAndMustIncludeAmazonses() {
        complete("shop.example");
        stub.txt("bounce.shop.example", "v=spf1 include:_spf.google.com ~all");

        Finding nok = audit(domain("shop.example", "bounce.shop.example")).finding("shop.example");

        assertThat(nok.status()).isEqualTo(Status.NOK);
        assertThat(nok.message()).isEqualTo("SPF: the v=spf1 record of bounce.shop.example does not include"
                + " amazonses.com; publish TXT bounce.shop.example \"v=spf1 include:amazonses.com"
                + " include:_spf.google.com ~all\".");
        assertThat(nok.evidence()).containsEntry("SpfDomain", "bounce.shop.example");
    }

    @Test
    void noSpfOrTwoSpfRecordsAreNok() {
        stub.txt("_dmarc.a.example", "v=DMARC1; p=none").txt("a.example", "some-verification=1");
        stub.txt("_dmarc.b.example", "v=DMARC1; p=none").txt("b.example", "v=spf1 include:amazonses.com ~all")
                .txt("b.example", "v=spf1 mx -all");
        for (String d : List.of("a.example", "b.example")) {
            TOKENS.forEach(t -> stub.cname(t + "._domainkey." + d, t + ".dkim.amazonses.com"));
        }

        var audit = audit(domain("a.example", null), domain("b.example", null));

        assertThat(audit.finding("a.example").message()).isEqualTo("SPF: a.example has no v=spf1 record; publish TXT"
                + " a.example \"v=spf1 include:amazonses.com ~all\".");
        assertThat(audit.finding("b.example").message()).startsWith("SPF: b.example has 2 v=spf1 records");
    }

    @Test
    void eachMissingOrWrongDkimCnameIsNamedWithItsTarget() {
        stub.txt("shop.example", "v=spf1 include:amazonses.com ~all").txt("_dmarc.shop.example", "v=DMARC1; p=none")
                .cname("tok1._domainkey.shop.example", "tok1.dkim.amazonses.com")
                .cname("tok2._domainkey.shop.example", "old.dkim.example.net");

        Finding nok = audit(domain("shop.example", null)).finding("shop.example");

        assertThat(nok.status()).isEqualTo(Status.NOK);
        assertThat(nok.message()).isEqualTo("DKIM: tok2._domainkey.shop.example points at old.dkim.example.net, not"
                + " tok2.dkim.amazonses.com; publish CNAME tok2._domainkey.shop.example → tok2.dkim.amazonses.com."
                + " DKIM: publish CNAME tok3._domainkey.shop.example → tok3.dkim.amazonses.com.");
        assertThat(nok.evidence()).containsEntry("DkimCnames", "1 of 3 published");
    }

    @Test
    void aResolverAnsweringServfailMakesItTodoNeverNok() {
        stub.failEverything();

        Finding todo = audit(domain("shop.example", null)).finding("shop.example");

        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).startsWith("Could not verify in DNS: SPF (TXT shop.example): SERVFAIL from "
                + stub.server() + "; DMARC (TXT _dmarc.shop.example): SERVFAIL").contains("--dns-server");
        assertThat(todo.evidence()).doesNotContainKey("Missing");
        assertThat(todo.remediation()).contains("--dns-server");
    }

    @Test
    void aSilentResolverIsAskedOnceThenTheRestIsNotAskedAndTodo() {
        stub.silent("shop.example");

        Finding todo = audit(domain("shop.example", null)).finding("shop.example");

        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(stub.questions()).containsExactly("TXT shop.example");
        assertThat(todo.message()).contains("not asked: the resolver did not answer TXT shop.example");
    }

    @Test
    void aKnownMissingRecordIsNokEvenWhenAnotherLookupFailed() {
        stub.servfail("shop.example");
        TOKENS.forEach(t -> stub.cname(t + "._domainkey.shop.example", t + ".dkim.amazonses.com"));

        Finding nok = audit(domain("shop.example", null)).finding("shop.example");

        assertThat(nok.status()).isEqualTo(Status.NOK);
        assertThat(nok.message()).startsWith("DMARC: no record at _dmarc.shop.example")
                .contains("(Not verified, the look-up failed: SPF (TXT shop.example): SERVFAIL");
    }

    @Test
    void onlyVerifiedDomainsAreJudgedAndWithoutEasyDkimTokensDkimIsLeftToIdentityVerified() {
        stub.txt("byo.example", "v=spf1 include:amazonses.com ~all").txt("_dmarc.byo.example", "v=DMARC1; p=none");
        SesIdentity byodkim = new SesIdentity("byo.example", "DOMAIN", true, "SUCCESS", "SUCCESS", true, List.of(),
                null);
        SesIdentity pending = new SesIdentity("pending.example", "DOMAIN", false, "PENDING", "PENDING", true, TOKENS,
                null);
        SesIdentity address = new SesIdentity("ops@byo.example", "EMAIL_ADDRESS", true, "SUCCESS", "SUCCESS", true,
                List.of(), null);

        var audit = audit(byodkim, pending, address);

        assertThat(audit.findings()).extracting(Finding::resourceId).containsExactly("byo.example");
        Finding ok = audit.finding("byo.example");
        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(ok.message()).isEqualTo("SPF, DMARC and DKIM are published (DKIM: no Easy DKIM tokens to look up).");
        assertThat((String) ok.evidence().get("DkimTokens")).contains("judged by ses.identity-verified");
    }

    @Test
    void aCnameToTheRegionalDkimDomainCounts() {
        stub.txt("shop.example", "v=spf1 include:amazonses.com ~all").txt("_dmarc.shop.example", "v=DMARC1; p=none");
        TOKENS.forEach(t -> stub.cname(t + "._domainkey.shop.example", t + ".dkim.us-east-1.amazonses.com"));

        assertThat(audit(domain("shop.example", null)).finding("shop.example").status()).isEqualTo(Status.OK);
    }

    @Test
    void answersAreReadFromTheDatasetAsCollected() {
        SesEmailDns answers = new SesEmailDns("shop.example", "the system resolver", List.of(
                DnsAnswer.found("shop.example", "TXT", List.of("v=spf1 include:amazonses.com ~all")),
                DnsAnswer.found("_dmarc.shop.example", "TXT", List.of("v=DMARC1; p=reject"))));
        SesIdentity noTokens = new SesIdentity("shop.example", "DOMAIN", true, "SUCCESS", "SUCCESS", true);

        Finding ok = CheckHarness.of(new SesEmailDnsCheck())
                .with(SesDatasets.EMAIL_IDENTITIES, List.of(noTokens))
                .with(SesDatasets.EMAIL_DNS, List.of(answers)).finding("shop.example");

        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(ok.evidence()).containsEntry("Resolver", "the system resolver");
    }
}
