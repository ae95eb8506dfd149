package com.huntaze.audit.services.ses;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.DnsAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * ses.email-dns: for each verified SES domain, DNS has an SPF record that includes amazonses.com (on the MAIL FROM
 * domain, or on the domain without a custom MAIL FROM), a DMARC record with a {@code p=} policy at
 * {@code _dmarc.DOMAIN} (or inherited from a parent domain's), and each Easy DKIM token's CNAME
 * {@code TOKEN._domainkey.DOMAIN} → {@code TOKEN.dkim.amazonses.com}. A missing or wrong record is NOK, naming the
 * record to publish; a look-up that failed (timeout, SERVFAIL) is TODO, never NOK, unless a record is known missing.
 */
public final class SesEmailDnsCheck implements Check {

    private static final Pattern SPF_RECORD = Pattern.compile("(?i)^v=spf1(\\s|$)");
    private static final Pattern SPF_INCLUDES_SES = Pattern.compile("(?i)(^|\\s)[+]?include:amazonses\\.com(\\s|$)");
    private static final Pattern DMARC_TAG = Pattern.compile("(?i)(?:^|;)\\s*(p|sp)\\s*=\\s*([a-z]+)");

    @Override
    public String id() {
        return "ses.email-dns";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(SesDatasets.EMAIL_IDENTITIES, SesDatasets.EMAIL_DNS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Map<String, SesEmailDns> dns = ctx.get(SesDatasets.EMAIL_DNS).stream()
                .collect(Collectors.toMap(SesEmailDns::identity, Function.identity(), (a, b) -> a));
        return ctx.get(SesDatasets.EMAIL_IDENTITIES).stream().filter(SesIdentity::isVerifiedDomain)
                .map(identity -> judge(ctx, identity, dns.get(identity.name()))).toList();
    }

    /** What was found about one domain: records missing or wrong (with the fix), look-ups that failed, facts. */
    private static final class Verdict {
        final List<String> missing = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        final Map<String, Object> evidence = new LinkedHashMap<>();
    }

    private static Finding judge(CheckContext ctx, SesIdentity identity, SesEmailDns dns) {
        String domain = identity.name();
        if (dns == null) {
            return ctx.todo(domain, null, "Its DNS records were not looked up.", Evidence.of("Domain", domain));
        }
        Verdict v = new Verdict();
        v.evidence.put("Resolver", dns.resolver());
        spf(identity, dns, v);
        dmarc(domain, dns, v);
        dkim(ctx, identity, dns, v);
        if (!v.missing.isEmpty()) {
            v.evidence.put("Missing", List.copyOf(v.missing));
        }
        if (!v.failed.isEmpty()) {
            v.evidence.put("LookupFailures", List.copyOf(v.failed));
        }
        if (!v.missing.isEmpty()) {
            return ctx.nok(domain, null, String.join(" ", v.missing) + (v.failed.isEmpty() ? ""
                    : " (Not verified, the look-up failed: " + String.join("; ", v.failed) + ".)"), v.evidence);
        }
        if (!v.failed.isEmpty()) {
            return ctx.todo(domain, null, "Could not verify in DNS: " + String.join("; ", v.failed) + ". Run the audit"
                    + " again, or with --dns-server HOST[:PORT] to ask another resolver.", v.evidence)
                    .withRemediation("A DNS look-up failed (a timeout or SERVFAIL says nothing about the records):"
                            + " check that the resolver answers (dig @RESOLVER TXT _dmarc." + domain + "), then run"
                            + " the audit again, with --dns-server HOST[:PORT] to ask another resolver.");
        }
        return ctx.ok(domain, null, "SPF, DMARC and DKIM are published" + (identity.dkimTokens().isEmpty()
                ? " (DKIM: no Easy DKIM tokens to look up)" : "") + ".", v.evidence);
    }

    private static void spf(SesIdentity identity, SesEmailDns dns, Verdict v) {
        String on = SesCollectors.spfDomain(identity);
        v.evidence.put("SpfDomain", on);
        Optional<DnsAnswer> answer = dns.answer(on, SesCollectors.SPF);
        if (answer.isEmpty() || answer.get().failed()) {
            v.failed.add("SPF (TXT " + on + "): " + answer.map(DnsAnswer::detail).orElse("not asked"));
            return;
        }
        List<String> records = answer.get().values().stream().filter(t -> SPF_RECORD.matcher(t.strip()).find())
                .toList();
        if (records.isEmpty()) {
            v.missing.add("SPF: " + on + " has no v=spf1 record; publish TXT " + on
                    + " \"v=spf1 include:amazonses.com ~all\".");
        } else if (records.size() > 1) {
            v.evidence.put("Spf", records);
            v.missing.add("SPF: " + on + " has " + records.size() + " v=spf1 records, which receivers treat as an SPF"
                    + " error; merge them into one that includes amazonses.com.");
        } else {
            String record = records.get(0).strip();
            v.evidence.put("Spf", record);
            if (!SPF_INCLUDES_SES.matcher(record).find()) {
                v.missing.add("SPF: the v=spf1 record of " + on + " does not include amazonses.com; publish TXT " + on
                        + " \"" + record.replaceFirst("(?i)^v=spf1", "v=spf1 include:amazonses.com") + "\".");
            }
        }
    }

    private static void dmarc(String domain, SesEmailDns dns, Verdict v) {
        List<String> names = new ArrayList<>();
        names.add(SesCollectors.dmarcName(domain));
        SesCollectors.parents(domain).forEach(p -> names.add(SesCollectors.dmarcName(p)));
        String fix = "publish TXT _dmarc." + domain + " \"v=DMARC1; p=none; rua=mailto:dmarc-reports@" + domain
                + "\" (then p=quarantine or p=reject once the reports are clean).";
        for (String name : names) {
            Optional<DnsAnswer> answer = dns.answer(name, SesCollectors.DMARC);
            if (answer.isEmpty()) {
                break; // not asked: a nearer name answered, or failed
            }
            if (answer.get().failed()) {
                v.failed.add("DMARC (TXT " + name + "): " + answer.get().detail());
                return;
            }
            Optional<String> record = answer.get().values().stream().filter(SesCollectors::isDmarc).findFirst();
            if (record.isEmpty()) {
                continue;
            }
            boolean own = name.equals(names.get(0));
            v.evidence.put("Dmarc", record.get().strip());
            if (!own) {
                v.evidence.put("DmarcFrom", name);
            }
            Map<String, String> tags = dmarcTags(record.get());
            String policy = own ? tags.get("p") : tags.getOrDefault("sp", tags.get("p"));
            if (policy == null) {
                v.missing.add("DMARC: the record at " + name + " has no p= policy, so receivers ignore it; " + fix);
            } else {
                v.evidence.put("DmarcPolicy", policy);
            }
            return;
        }
        v.missing.add("DMARC: no record at _dmarc." + domain + (names.size() > 1 ? " nor at a parent domain's" : "")
                + "; " + fix);
    }

    private static Map<String, String> dmarcTags(String record) {
        Map<String, String> tags = new LinkedHashMap<>();
        Matcher m = DMARC_TAG.matcher(record);
        while (m.find()) {
            tags.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT));
        }
        return tags;
    }

    private static void dkim(CheckContext ctx, SesIdentity identity, SesEmailDns dns, Verdict v) {
        String domain = identity.name();
        if (identity.dkimTokens().isEmpty()) {
            v.evidence.put("DkimTokens", "none: no Easy DKIM CNAME to look up (DKIM status " + identity.dkimStatus()
                    + ", judged by ses.identity-verified)");
            return;
        }
        int published = 0;
        for (String token : identity.dkimTokens()) {
            String name = SesCollectors.dkimName(token, domain);
            String target = (token + ".dkim.amazonses.com").toLowerCase(Locale.ROOT);
            String regional = (token + ".dkim." + ctx.region() + ".amazonses.com").toLowerCase(Locale.ROOT);
            Optional<DnsAnswer> answer = dns.answer(name, SesCollectors.DKIM);
            if (answer.isEmpty() || answer.get().failed()) {
                v.failed.add("DKIM (CNAME " + name + "): " + answer.map(DnsAnswer::detail).orElse("not asked"));
            } else if (answer.get().values().isEmpty()) {
                v.missing.add("DKIM: publish CNAME " + name + " → " + target + ".");
            } else if (answer.get().values().contains(target) || answer.get().values().contains(regional)) {
                published++;
            } else {
                v.missing.add("DKIM: " + name + " points at " + String.join(", ", answer.get().values()) + ", not "
                        + target + "; publish CNAME " + name + " → " + target + ".");
            }
        }
        v.evidence.put("DkimCnames", published + " of " + identity.dkimTokens().size() + " published");
    }
}
