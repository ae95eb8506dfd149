package com.huntaze.audit.services.elbv2;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * elbv2.https-listener: an internet-facing application load balancer serves HTTPS, and each of its HTTP listeners
 * only redirects to HTTPS (its default action; listener rules are not read). An internal one is OK with a note.
 * One without any listener accepts no connection and serves no traffic, so nothing can leave it unencrypted: OK
 * with the note "no listeners" (whatever its scheme).
 *
 * <p>Network and gateway load balancers get no finding: they pass TCP/UDP (or GENEVE) through without knowing
 * HTTP, so "redirect HTTP to HTTPS" has no meaning there; TLS, if any, is the targets' business or a TLS listener's.
 */
public final class Elbv2HttpsListenerCheck implements Check {

    @Override
    public String id() {
        return "elbv2.https-listener";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(Elbv2Datasets.LOAD_BALANCERS, Elbv2Datasets.LISTENERS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Map<String, List<LoadBalancerListener>> listenersByLb = ctx.get(Elbv2Datasets.LISTENERS).stream()
                .collect(Collectors.groupingBy(LoadBalancerListener::loadBalancerArn));
        return ctx.get(Elbv2Datasets.LOAD_BALANCERS).stream()
                .filter(lb -> "application".equals(lb.type()))
                .map(lb -> judge(ctx, lb, listenersByLb.getOrDefault(lb.arn(), List.of())))
                .toList();
    }

    private static Finding judge(CheckContext ctx, LoadBalancer lb, List<LoadBalancerListener> listeners) {
        if (listeners.isEmpty()) {
            return ctx.ok(lb.name(), lb.arn(), "No listeners: the load balancer accepts no connection and serves no"
                    + " traffic.", Evidence.of("Scheme", lb.scheme(), "DNSName", lb.dnsName(), "Note", "no listeners"));
        }
        List<Integer> httpsPorts = new ArrayList<>();
        List<String> httpListeners = new ArrayList<>();
        List<Integer> notRedirecting = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (LoadBalancerListener l : listeners.stream()
                .sorted(Comparator.comparingInt(LoadBalancerListener::port)).toList()) {
            if ("HTTPS".equals(l.protocol())) {
                httpsPorts.add(l.port());
            } else if ("HTTP".equals(l.protocol())) {
                String action = action(l);
                httpListeners.add(l.port() + ": " + action);
                if (!redirectsToHttps(l)) {
                    notRedirecting.add(l.port());
                    what.add("port " + l.port() + ": " + action);
                }
            }
        }
        boolean internal = !"internet-facing".equals(lb.scheme());
        var evidence = Evidence.of("Scheme", lb.scheme(),
                "HttpsListeners", httpsPorts.isEmpty() ? null : httpsPorts,
                "HttpListeners", httpListeners.isEmpty() ? null : httpListeners,
                "DNSName", lb.dnsName(),
                // The Markdown report shows evidence, not the message, for OK rows: the note must be here too.
                "Note", internal ? "internal: HTTPS not required by this check" : null);
        if (internal) {
            return ctx.ok(lb.name(), lb.arn(), "Internal load balancer: not reachable from the internet, so this check"
                    + " does not require HTTPS (consider it anyway for traffic that must stay private inside the VPC).",
                    evidence);
        }
        List<String> problems = new ArrayList<>();
        if (httpsPorts.isEmpty()) {
            problems.add("No HTTPS listener");
        }
        if (!notRedirecting.isEmpty()) {
            problems.add("HTTP listener" + (notRedirecting.size() == 1 ? " on port " : "s on ports ")
                    + notRedirecting.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " do" + (notRedirecting.size() == 1 ? "es" : "") + " not redirect to HTTPS ("
                    + String.join("; ", what) + ")");
        }
        if (problems.isEmpty()) {
            return ctx.ok(lb.name(), lb.arn(), "HTTPS on port" + (httpsPorts.size() == 1 ? " " : "s ")
                    + httpsPorts.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + (httpListeners.isEmpty() ? "; no HTTP listener." : "; HTTP redirects to HTTPS."), evidence);
        }
        return ctx.nok(lb.name(), lb.arn(), String.join("; ", problems)
                + ": traffic from the internet can travel in clear text.", evidence);
    }

    /** The default action in words: {@code forward}, {@code redirect to HTTPS}, {@code fixed-response}, ... */
    private static String action(LoadBalancerListener l) {
        if (l.defaultActions().isEmpty()) {
            return "no default action";
        }
        // The last default action is the one that answers (earlier ones authenticate).
        ListenerAction last = l.defaultActions().get(l.defaultActions().size() - 1);
        if ("redirect".equals(last.type())) {
            return "redirect to " + ("#{protocol}".equals(last.redirectProtocol()) || last.redirectProtocol() == null
                    ? "the same protocol" : last.redirectProtocol());
        }
        return last.type();
    }

    private static boolean redirectsToHttps(LoadBalancerListener l) {
        return l.defaultActions().stream()
                .anyMatch(a -> "redirect".equals(a.type()) && "HTTPS".equals(a.redirectProtocol()));
    }
}
