package com.huntaze.audit.services.ecs;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/**
 * ecs.empty-cluster: an ACTIVE cluster with no services, no running or pending tasks and no registered container
 * instances is orphaned. It costs nothing by itself (savings 0), but it is clutter that hides what is real.
 */
public final class EcsEmptyClusterCheck implements Check {

    @Override
    public String id() {
        return "ecs.empty-cluster";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(EcsDatasets.CLUSTERS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(EcsDatasets.CLUSTERS).stream().map(c -> {
            var evidence = Evidence.of("Status", c.status(), "Services", c.serviceArns().size(),
                    "RunningTasks", c.runningTasksCount(), "PendingTasks", c.pendingTasksCount(),
                    "ContainerInstances", c.registeredContainerInstancesCount());
            boolean empty = c.serviceArns().isEmpty() && c.runningTasksCount() == 0 && c.pendingTasksCount() == 0
                    && c.registeredContainerInstancesCount() == 0;
            if ("ACTIVE".equals(c.status()) && empty) {
                return ctx.nok(c.name(), c.arn(), "Orphaned: no services, no tasks and no container instances."
                        + " It costs nothing by itself, but it is clutter to remove.", evidence);
            }
            return ctx.ok(c.name(), c.arn(), "ACTIVE".equals(c.status())
                    ? "In use: " + c.serviceArns().size() + " service(s), " + c.runningTasksCount() + " running task(s)."
                    : "Cluster status " + c.status() + ".", evidence);
        }).toList();
    }
}
