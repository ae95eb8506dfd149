package com.huntaze.audit.services.elbv2;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * elbv2.target-health: every target of a target group that a load balancer sends traffic to is healthy. A group
 * with no registered target is NOK too (the load balancer answers 503). Groups attached to no load balancer get no
 * finding: nothing routes to them, and AWS does not health-check their targets.
 *
 * <p>A {@code draining} target is on its way out (deregistration, or a deployment replacing it): it is listed but
 * does not count against the group. Every other state that is not {@code healthy} does (unhealthy, initial,
 * unused, unavailable).
 */
public final class Elbv2TargetHealthCheck implements Check {

    static final String HEALTHY = "healthy";
    static final String DRAINING = "draining";

    @Override
    public String id() {
        return "elbv2.target-health";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(Elbv2Datasets.TARGET_GROUPS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(Elbv2Datasets.TARGET_GROUPS).stream()
                .filter(g -> !g.loadBalancerArns().isEmpty())
                .map(g -> judge(ctx, g))
                .toList();
    }

    private static Finding judge(CheckContext ctx, TargetGroup g) {
        List<String> loadBalancers = g.loadBalancerArns().stream().map(Elbv2TargetHealthCheck::loadBalancerName)
                .toList();
        List<RegisteredTarget> healthy = new ArrayList<>();
        List<RegisteredTarget> draining = new ArrayList<>();
        List<RegisteredTarget> notHealthy = new ArrayList<>();
        for (RegisteredTarget t : g.targets()) {
            (HEALTHY.equals(t.state()) ? healthy : DRAINING.equals(t.state()) ? draining : notHealthy).add(t);
        }
        var evidence = Evidence.of("LoadBalancers", loadBalancers, "TargetType", g.targetType(),
                "Registered", g.targets().size(), "Healthy", healthy.size(),
                "NotHealthy", notHealthy.isEmpty() ? null : describeAll(notHealthy),
                "Draining", draining.isEmpty() ? null : describeAll(draining));
        String from = " (behind " + String.join(", ", loadBalancers) + ")";
        if (g.targets().isEmpty()) {
            return ctx.nok(g.name(), g.arn(), "No registered targets" + from + ": every request routed here fails"
                    + " with 503.", evidence);
        }
        if (!notHealthy.isEmpty()) {
            return ctx.nok(g.name(), g.arn(), notHealthy.size() + " of " + g.targets().size() + " target"
                    + (g.targets().size() == 1 ? " is" : "s are") + " not healthy" + from + ": "
                    + String.join("; ", describeAll(notHealthy)) + ".", evidence);
        }
        if (healthy.isEmpty()) {
            return ctx.nok(g.name(), g.arn(), "Every target is draining" + from + ": no target is left to serve"
                    + " requests.", evidence);
        }
        return ctx.ok(g.name(), g.arn(), "All " + healthy.size() + " target" + (healthy.size() == 1 ? " is" : "s are")
                + " healthy" + (draining.isEmpty() ? "" : " (" + draining.size() + " draining)") + ".", evidence);
    }

    private static List<String> describeAll(List<RegisteredTarget> targets) {
        return targets.stream().map(Elbv2TargetHealthCheck::describe).toList();
    }

    /** {@code 10.0.1.7:8080 unhealthy (Target.ResponseCodeMismatch: Health checks failed with these codes: [502])}. */
    static String describe(RegisteredTarget t) {
        StringBuilder text = new StringBuilder(t.id());
        if (t.port() > 0) {
            text.append(':').append(t.port());
        }
        text.append(' ').append(t.state() == null ? "unknown" : t.state());
        if (t.reason() != null || t.description() != null) {
            text.append(" (").append(t.reason() == null ? "" : t.reason())
                    .append(t.reason() != null && t.description() != null ? ": " : "")
                    .append(t.description() == null ? "" : t.description()).append(')');
        }
        return text.toString();
    }

    /** The name inside a load balancer ARN ({@code ...:loadbalancer/app/NAME/ID}); the ARN itself if it has none. */
    static String loadBalancerName(String arn) {
        String[] parts = arn.split("/");
        return parts.length >= 4 ? parts[parts.length - 2] : arn;
    }
}
