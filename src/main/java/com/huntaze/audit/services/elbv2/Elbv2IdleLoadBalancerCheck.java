package com.huntaze.audit.services.elbv2;

import com.huntaze.audit.services.Idle;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.inventory.MetricSpec.Statistic;
import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.inventory.MetricSeries;
import com.huntaze.audit.pricing.Price;
import com.huntaze.audit.pricing.PriceTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * elbv2.idle-load-balancer: an application or network load balancer that cannot serve anything (no healthy target
 * in any of its target groups) or that nobody uses (fewer than {@code idleRequestsPerDay} requests, NLB: new flows,
 * on every day of the last {@code idleDays}) bills its hours for nothing: NOK, saving its hourly price × 730 plus its
 * public IPv4 addresses when internet-facing.
 *
 * <p>CloudWatch publishes no RequestCount (NewFlowCount) datapoint for a period without requests, so no datapoint
 * over the whole window reads as zero requests, and the evidence says so: unlike a database's connection count,
 * silence here is the answer. Gateway load balancers are not judged.
 *
 * <p>A load balancer created less than {@code idleDays} ago (its CreatedTime, against the audit's reference time)
 * has not had the whole window to show traffic: what would be a NOK is a TODO, "created N days ago: too new to judge
 * idle", with no saving ({@link Idle#tooNew}). One with traffic stays OK; an unknown CreatedTime is judged as before.
 */
public final class Elbv2IdleLoadBalancerCheck implements Check {

    private static final String APPLICATION = "application";
    private static final String NETWORK = "network";

    /**
     * {@code --idle-requests-per-day}. At least 1 (fewer than 0 requests would make no load balancer idle); at most
     * 10 million a day, over 100 a second all day long: no load balancer that busy is idle, so more is a typo.
     */
    public static final Threshold IDLE_REQUESTS_PER_DAY = new Threshold("idleRequestsPerDay", 100, "requests/day", 1,
            10_000_000, "--idle-requests-per-day",
            "A load balancer with fewer requests (NLB: new flows) than this on every day of the idle window is idle");

    public static final MetricSpec<LoadBalancer> ALB_REQUESTS =
            dailySum("elbv2.alb-requests.sum", APPLICATION, "AWS/ApplicationELB", "RequestCount");
    public static final MetricSpec<LoadBalancer> NLB_NEW_FLOWS =
            dailySum("elbv2.nlb-new-flows.sum", NETWORK, "AWS/NetworkELB", "NewFlowCount");

    /** The daily Sum of a load balancer type's traffic metric, by LoadBalancer = the ARN after ":loadbalancer/". */
    private static MetricSpec<LoadBalancer> dailySum(String id, String type, String namespace, String metric) {
        return MetricSpec.of(id, Elbv2Datasets.LOAD_BALANCERS, LoadBalancer::name)
                .metric(namespace, metric)
                .dimensions(lb -> Map.of("LoadBalancer", lb.metricDimension()))
                .statistic(Statistic.Sum)
                .lookback(Idle.DAYS)
                .when(lb -> type.equals(lb.type()))
                .build();
    }

    @Override
    public String id() {
        return "elbv2.idle-load-balancer";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(Elbv2Datasets.LOAD_BALANCERS, Elbv2Datasets.TARGET_GROUPS, MetricData.DATASET);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(Idle.DAYS, IDLE_REQUESTS_PER_DAY);
    }

    @Override
    public List<MetricSpec<?>> metrics() {
        return List.of(ALB_REQUESTS, NLB_NEW_FLOWS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<TargetGroup> groups = ctx.get(Elbv2Datasets.TARGET_GROUPS);
        MetricData metrics = ctx.get(MetricData.DATASET);
        int days = ctx.threshold(Idle.DAYS);
        int minimum = ctx.threshold(IDLE_REQUESTS_PER_DAY);
        List<Finding> findings = new ArrayList<>();
        for (LoadBalancer lb : ctx.get(Elbv2Datasets.LOAD_BALANCERS)) {
            boolean application = APPLICATION.equals(lb.type());
            if (!application && !NETWORK.equals(lb.type())) {
                continue;
            }
            MetricSpec<LoadBalancer> spec = application ? ALB_REQUESTS : NLB_NEW_FLOWS;
            String unit = application ? "requests" : "new flows";
            List<TargetGroup> attached = groups.stream().filter(g -> g.loadBalancerArns().contains(lb.arn())).toList();
            long serving = attached.stream().flatMap(g -> g.targets().stream()).filter(Elbv2IdleLoadBalancerCheck::serves)
                    .count();
            MetricSeries series = metrics.series(spec, lb.name());
            double busiestDay = series.isEmpty() ? 0 : series.max();
            boolean quiet = busiestDay < minimum;
            // An ALB without any target group can still answer with redirects and fixed responses: only its
            // traffic tells whether it is used. One with target groups but no healthy target serves nothing.
            boolean noTarget = serving == 0;
            boolean noTargetIsIdle = noTarget && (!attached.isEmpty() || !application);

            Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of(
                    "Type", lb.type(), "Scheme", lb.scheme(), "State", lb.state(),
                    "TargetGroups", attached.isEmpty() ? "none" : attached.stream().map(TargetGroup::name).toList(),
                    "HealthyTargets", serving));
            evidence.put("Busiest" + (application ? "DayRequests" : "DayNewFlows"), (long) Math.ceil(busiestDay));
            evidence.put("Total" + (application ? "Requests" : "NewFlows"), (long) Math.ceil(series.sum()));
            evidence.put("Datapoints", series.size());
            if (series.isEmpty()) {
                evidence.put("NoDatapoints", "CloudWatch publishes no " + spec.metricName() + " datapoint for a"
                        + " period without " + unit + ": none in " + days + " days means none reached it");
            }
            evidence.put("LookbackDays", days);
            evidence.put("IdleRequestsPerDay", minimum);
            evidence.put("Metric", spec.describe());

            String traffic = series.isEmpty() ? "no " + unit + " in the last " + days + " days"
                    : "at most " + count(busiestDay) + " " + unit + " a day in the last " + days + " days";
            if (!noTargetIsIdle && !quiet) {
                findings.add(ctx.ok(lb.name(), lb.arn(), "Up to " + count(busiestDay) + " " + unit + " a day in the"
                        + " last " + days + " days" + (serving > 0 ? ", " + serving + " healthy target"
                        + (serving == 1 ? "" : "s") : ", answered without a target group (redirects or fixed"
                        + " responses)") + ".", evidence));
                continue;
            }
            Optional<String> tooNew = Idle.tooNew(lb.createdTime(), ctx.now(), days);
            if (tooNew.isPresent()) {
                evidence.put("CreatedTime", lb.createdTime().toString());
                evidence.put("AgeDays", Idle.ageDays(lb.createdTime(), ctx.now()));
                findings.add(ctx.todo(lb.name(), lb.arn(), "Load balancer " + tooNew.get() + ".", evidence)
                        .withRemediation(Idle.tooNewRemediation(lb.createdTime(), days)));
                continue;
            }
            List<String> reasons = new ArrayList<>();
            if (noTarget) {
                reasons.add(attached.isEmpty() ? "no target group"
                        : "no healthy target in " + (attached.size() == 1 ? "its target group"
                        : "any of its " + attached.size() + " target groups"));
            }
            if (quiet) {
                reasons.add(traffic + (series.isEmpty() ? "" : " (under " + minimum + ")"));
            }
            String message = capitalize(String.join(", and ", reasons)) + ": it bills its hours while serving"
                    + " nothing.";
            double savings = estimate(ctx, lb, evidence);
            findings.add(ctx.nok(lb.name(), lb.arn(), message, evidence).withSavings(savings));
        }
        return findings;
    }

    /**
     * A target that takes traffic: healthy, or a Lambda target whose health checks are off (AWS reports it
     * {@code unavailable}, Target.HealthCheckDisabled, and routes to it anyway).
     */
    private static boolean serves(RegisteredTarget target) {
        return "healthy".equals(target.state())
                || ("unavailable".equals(target.state()) && "Target.HealthCheckDisabled".equals(target.reason()));
    }

    /**
     * The load balancer's hourly price × 730, plus, when internet-facing, one public IPv4 address per Availability
     * Zone (AWS gives an internet-facing ALB or NLB a public address in each of its zones and bills each hour of
     * each). LCU/NLCU usage is not counted: an idle load balancer uses next to none.
     */
    private static double estimate(CheckContext ctx, LoadBalancer lb, Map<String, Object> evidence) {
        Optional<Price> hourly = ctx.prices().price(ctx.region(), Elbv2AuditService.LOAD_BALANCER_HOUR, lb.type());
        if (hourly.isEmpty()) {
            evidence.put("Price", PriceTable.unknownNote(Elbv2AuditService.LOAD_BALANCER_HOUR, lb.type()));
            return 0;
        }
        List<Price> used = new ArrayList<>(List.of(hourly.get()));
        double total = hourly.get().usd() * PriceTable.HOURS_PER_MONTH;
        StringBuilder how = new StringBuilder(Idle.usd(hourly.get().usd()) + "/h × " + PriceTable.HOURS_PER_MONTH + " h");
        if ("internet-facing".equals(lb.scheme())) {
            int addresses = lb.availabilityZones().size();
            Optional<Price> ipv4 = ctx.prices().price(ctx.region(), Elbv2AuditService.PUBLIC_IPV4_HOUR);
            if (addresses == 0) {
                evidence.put("PublicIPv4", "not counted: the load balancer lists no Availability Zone");
            } else if (ipv4.isEmpty()) {
                evidence.put("PublicIPv4", PriceTable.unknownNote(Elbv2AuditService.PUBLIC_IPV4_HOUR, null));
            } else {
                used.add(ipv4.get());
                total += addresses * ipv4.get().usd() * PriceTable.HOURS_PER_MONTH;
                how.append(" + ").append(addresses).append(" public IPv4 (one per zone) × ")
                        .append(Idle.usd(ipv4.get().usd())).append("/h × ").append(PriceTable.HOURS_PER_MONTH)
                        .append(" h");
            }
        }
        evidence.put("Estimate", how + " = " + Idle.monthly(total));
        Idle.priceNotes(evidence, used);
        return total;
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,d", (long) Math.ceil(value));
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
