package com.huntaze.audit.services.ecs;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.vpc.Subnet;
import com.huntaze.audit.services.vpc.VpcDatasets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ecs.service-redundancy: an ACTIVE service that should run (desiredCount ≥ 1) survives the loss of a task or of an
 * Availability Zone: at least 2 tasks and, for an awsvpc service, subnets in at least 2 zones (ECS spreads a
 * service's tasks over the zones of its subnets). The zones come from the vpc subnets dataset. Without awsvpc the
 * tasks run on the cluster's container instances, whose zones the service does not say: only the count is judged.
 */
public final class EcsServiceRedundancyCheck implements Check {

    static final int MINIMUM = 2;

    @Override
    public String id() {
        return "ecs.service-redundancy";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(EcsDatasets.SERVICES, VpcDatasets.SUBNETS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Map<String, Subnet> subnets = ctx.get(VpcDatasets.SUBNETS).stream()
                .collect(Collectors.toMap(Subnet::id, Function.identity(), (a, b) -> a));
        return ctx.get(EcsDatasets.SERVICES).stream()
                .filter(s -> "ACTIVE".equals(s.status()) && s.desiredCount() >= 1)
                .map(s -> judge(ctx, s, subnets))
                .toList();
    }

    private static Finding judge(CheckContext ctx, EcsService s, Map<String, Subnet> subnets) {
        TreeSet<String> zones = s.subnets().stream().map(subnets::get).filter(Objects::nonNull)
                .map(Subnet::availabilityZone).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        List<String> unknown = s.subnets().stream().filter(id -> !subnets.containsKey(id)).toList();
        var evidence = Evidence.of("DesiredCount", s.desiredCount(), "LaunchType", s.launchType(),
                "Subnets", s.awsvpc() ? s.subnets() : null,
                "AvailabilityZones", s.awsvpc() ? List.copyOf(zones)
                        : "not judged: tasks run on the cluster's container instances (no awsvpc)",
                "UnknownSubnets", unknown.isEmpty() ? null : unknown);
        boolean oneTask = s.desiredCount() < MINIMUM;
        boolean oneZone = s.awsvpc() && zones.size() < MINIMUM && unknown.isEmpty();
        List<String> problems = new ArrayList<>();
        if (oneTask) {
            problems.add("One task: a task restart or a zone failure is an outage.");
        }
        if (oneZone) {
            problems.add(zones.isEmpty() ? "Its network configuration names no subnet in a known Availability"
                    + " Zone: its tasks cannot be spread over zones."
                    : "One Availability Zone (" + zones.first() + "): every subnet of the service is there, so a"
                    + " zone failure is an outage.");
        }
        if (!problems.isEmpty()) {
            return ctx.nok(s.qualifiedName(), s.arn(), String.join(" ", problems), evidence);
        }
        if (s.awsvpc() && zones.size() < MINIMUM) {
            return ctx.todo(s.qualifiedName(), s.arn(), s.desiredCount() + " tasks, but the zone"
                            + (unknown.size() == 1 ? " of subnet " : "s of subnets ") + String.join(", ", unknown)
                            + (unknown.size() == 1 ? " is" : " are") + " unknown"
                            + (zones.isEmpty() ? "" : " (the others are in " + zones.first() + ")")
                            + ": whether its tasks span 2 Availability Zones cannot be told.", evidence)
                    .withRemediation("Check the subnets' zones with aws ec2 describe-subnets --subnet-ids "
                            + String.join(" ", unknown) + " (a subnet of another account, or one since deleted).");
        }
        return ctx.ok(s.qualifiedName(), s.arn(), s.desiredCount() + " tasks" + (s.awsvpc()
                ? " across " + zones.size() + " Availability Zones (" + String.join(", ", zones) + ")."
                : ": one can fail without an outage."), evidence);
    }
}
