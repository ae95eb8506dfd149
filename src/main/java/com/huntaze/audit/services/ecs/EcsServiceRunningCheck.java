package com.huntaze.audit.services.ecs;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** ecs.service-running: each ECS service runs as many tasks as it wants, and wants at least one. */
public final class EcsServiceRunningCheck implements Check {

    @Override
    public String id() {
        return "ecs.service-running";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(EcsDatasets.SERVICES);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(EcsDatasets.SERVICES).stream()
                // An INACTIVE service is deleted: there is nothing left to run.
                .filter(s -> !"INACTIVE".equals(s.status()))
                .map(s -> {
                    var evidence = Evidence.of("DesiredCount", s.desiredCount(), "RunningCount", s.runningCount(),
                            "PendingCount", s.pendingCount(), "Status", s.status(),
                            "TaskDefinition", taskDefinition(s.taskDefinitionArn()));
                    if (s.desiredCount() == 0) {
                        return ctx.todo(s.qualifiedName(), s.arn(), "Scaled to zero: confirm this is intended.",
                                        evidence)
                                .withRemediation("If the service should serve traffic, set its desired count (aws ecs"
                                        + " update-service --cluster " + s.clusterName() + " --service " + s.name()
                                        + " --desired-count N); if it is no longer needed, delete it.");
                    }
                    if (s.runningCount() < s.desiredCount()) {
                        return ctx.nok(s.qualifiedName(), s.arn(), s.runningCount() + " of " + s.desiredCount()
                                + " desired tasks running" + (s.pendingCount() > 0 ? " (" + s.pendingCount()
                                + " pending)" : "") + ": the service is below its planned capacity.", evidence);
                    }
                    // More running than desired happens during a rolling deployment: capacity is there.
                    return ctx.ok(s.qualifiedName(), s.arn(), s.runningCount() == s.desiredCount()
                            ? "All " + s.desiredCount() + " desired tasks are running."
                            : s.runningCount() + " tasks running for " + s.desiredCount()
                                    + " desired (a deployment is replacing tasks).", evidence);
                })
                .toList();
    }

    /** {@code family:revision}, the part of the task definition ARN a person recognises. */
    private static String taskDefinition(String arn) {
        return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
