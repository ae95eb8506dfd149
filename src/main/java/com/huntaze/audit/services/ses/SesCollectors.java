package com.huntaze.audit.services.ses;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.DnsClient;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.DnsAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.DkimAttributes;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.IdentityInfo;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendQuota;

/**
 * SES: the region's account settings (SESv2 GetAccount), and its identities: ListEmailIdentities (1000 per page,
 * its maximum), then GetEmailIdentity per identity for the sending and DKIM status, the DKIM tokens and the MAIL
 * FROM domain the list does not carry. Then, with no AWS call, the DNS records of the verified domains.
 */
final class SesCollectors {
    private SesCollectors() {
    }

    static final ServiceClient<SesV2Client, SesV2ClientBuilder> SES =
            ServiceClient.regional("ses", SesV2Client::builder);

    static final DatasetCollector<SesAccount> ACCOUNT = new DatasetCollector<>() {
        @Override
        public Dataset<SesAccount> dataset() {
            return SesDatasets.ACCOUNT;
        }

        @Override
        public List<String> actions() {
            return List.of("ses:GetAccount");
        }

        @Override
        public SesAccount collect(CollectionContext context) {
            GetAccountResponse account = call("ses:GetAccount", () -> context.client(SES).getAccount(r -> { }));
            SendQuota quota = account.sendQuota();
            return new SesAccount(
                    Boolean.TRUE.equals(account.productionAccessEnabled()),
                    Boolean.TRUE.equals(account.sendingEnabled()),
                    account.enforcementStatus(),
                    quota == null || quota.max24HourSend() == null ? 0 : quota.max24HourSend(),
                    quota == null || quota.maxSendRate() == null ? 0 : quota.maxSendRate(),
                    quota == null || quota.sentLast24Hours() == null ? 0 : quota.sentLast24Hours());
        }
    };

    static final int IDENTITIES_PAGE_SIZE = 1000;

    static final DatasetCollector<List<SesIdentity>> EMAIL_IDENTITIES = new DatasetCollector<>() {
        @Override
        public Dataset<List<SesIdentity>> dataset() {
            return SesDatasets.EMAIL_IDENTITIES;
        }

        @Override
        public List<String> actions() {
            return List.of("ses:GetEmailIdentity", "ses:ListEmailIdentities");
        }

        @Override
        public List<SesIdentity> collect(CollectionContext context) {
            SesV2Client ses = context.client(SES);
            List<IdentityInfo> listed = call("ses:ListEmailIdentities", () -> ses
                    .listEmailIdentitiesPaginator(r -> r.pageSize(IDENTITIES_PAGE_SIZE)).stream()
                    .flatMap(page -> page.emailIdentities().stream()).toList());
            return context.forEach(listed, info -> call("ses:GetEmailIdentity", () -> {
                try {
                    return identity(info, ses.getEmailIdentity(r -> r.emailIdentity(info.identityName())));
                } catch (NotFoundException deletedSinceListed) {
                    return null;
                }
            })).stream().filter(Objects::nonNull).toList();
        }
    };

    static final String SPF = "TXT";
    static final String DMARC = "TXT";
    static final String DKIM = "CNAME";

    /**
     * The DNS look-ups of each verified domain identity, through the session's resolver ({@code --dns-server}): no
     * AWS call, so it declares no IAM action (the catalog allows that to a collector working on its dependencies'
     * data only); its input, GetEmailIdentity's tokens and MAIL FROM domain, is the identities collector's.
     */
    static final DatasetCollector<List<SesEmailDns>> EMAIL_DNS = new DatasetCollector<>() {
        @Override
        public Dataset<List<SesEmailDns>> dataset() {
            return SesDatasets.EMAIL_DNS;
        }

        @Override
        public List<String> actions() {
            return List.of();
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(SesDatasets.EMAIL_IDENTITIES);
        }

        @Override
        public List<SesEmailDns> collect(CollectionContext context) {
            DnsClient dns = context.aws().dns();
            List<SesIdentity> domains = context.dependency(SesDatasets.EMAIL_IDENTITIES).stream()
                    .filter(SesIdentity::isVerifiedDomain).toList();
            return context.forEach(domains, identity -> lookUp(dns, identity));
        }
    };

    /**
     * The questions of one domain, one after the other. After a question the resolver did not answer at all (a
     * timeout, a network error), the rest are not asked: they are failures too, without waiting for each.
     */
    static SesEmailDns lookUp(DnsClient dns, SesIdentity identity) {
        String domain = identity.name();
        List<DnsAnswer> answers = new ArrayList<>();
        Asker ask = new Asker(dns, answers);
        ask.ask(spfDomain(identity), SPF);
        if (!hasDmarc(ask.ask(dmarcName(domain), DMARC))) {
            for (String parent : parents(domain)) {
                DnsAnswer answer = ask.ask(dmarcName(parent), DMARC);
                if (answer.failed() || hasDmarc(answer)) {
                    break;
                }
            }
        }
        for (String token : identity.dkimTokens()) {
            ask.ask(dkimName(token, domain), DKIM);
        }
        return new SesEmailDns(domain, dns.description(), answers);
    }

    /** Asks until the resolver stops answering. */
    private static final class Asker {
        private final DnsClient dns;
        private final List<DnsAnswer> answers;
        private String unanswered;

        Asker(DnsClient dns, List<DnsAnswer> answers) {
            this.dns = dns;
            this.answers = answers;
        }

        DnsAnswer ask(String name, String type) {
            DnsAnswer answer = unanswered != null
                    ? DnsAnswer.failed(name, type, "not asked: " + unanswered)
                    : dns.lookup(name, type);
            if (unanswered == null && DnsClient.unanswered(answer)) {
                unanswered = "the resolver did not answer " + type + " " + name;
            }
            answers.add(answer);
            return answer;
        }
    }

    /** Where the SPF record counts: the custom MAIL FROM domain, or the domain itself without one. */
    static String spfDomain(SesIdentity identity) {
        return identity.mailFromDomain() != null ? identity.mailFromDomain() : identity.name();
    }

    static String dmarcName(String domain) {
        return "_dmarc." + domain;
    }

    static String dkimName(String token, String domain) {
        return token + "._domainkey." + domain;
    }

    /** {@code a.b.example.com} → {@code b.example.com}, {@code example.com}: the parents with two labels or more. */
    static List<String> parents(String domain) {
        List<String> parents = new ArrayList<>();
        String rest = domain;
        while (rest.indexOf('.') > 0 && rest.indexOf('.') != rest.lastIndexOf('.')) {
            rest = rest.substring(rest.indexOf('.') + 1);
            parents.add(rest);
        }
        return parents;
    }

    /** A TXT answer holding a DMARC record ({@code v=DMARC1}). */
    static boolean hasDmarc(DnsAnswer answer) {
        return answer.values().stream().anyMatch(SesCollectors::isDmarc);
    }

    static boolean isDmarc(String txt) {
        return txt.strip().regionMatches(true, 0, "v=DMARC1", 0, 8);
    }

    private static SesIdentity identity(IdentityInfo info, GetEmailIdentityResponse identity) {
        DkimAttributes dkim = identity.dkimAttributes();
        return new SesIdentity(
                info.identityName(),
                identity.identityTypeAsString() != null ? identity.identityTypeAsString() : info.identityTypeAsString(),
                Boolean.TRUE.equals(identity.verifiedForSendingStatus()),
                identity.verificationStatusAsString(),
                dkim == null ? null : dkim.statusAsString(),
                dkim != null && Boolean.TRUE.equals(dkim.signingEnabled()),
                dkim == null ? List.of() : dkim.tokens(),
                identity.mailFromAttributes() == null ? null : identity.mailFromAttributes().mailFromDomain());
    }
}
