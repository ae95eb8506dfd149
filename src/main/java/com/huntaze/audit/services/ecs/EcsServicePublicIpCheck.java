package com.huntaze.audit.services.ecs;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** ecs.service-public-ip: the tasks of awsvpc services get no public IP address. */
public final class EcsServicePublicIpCheck implements Check {

    @Override
    public String id() {
        return "ecs.service-public-ip";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(EcsDatasets.SERVICES);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(EcsDatasets.SERVICES).stream()
                // Without awsvpc configuration (bridge or host network mode on EC2) tasks share their container
                // instance's network: whether that has a public IP is the instance's setting, not the service's.
                .filter(s -> s.awsvpc() && !"INACTIVE".equals(s.status()))
                .map(s -> {
                    var evidence = Evidence.of("AssignPublicIp", s.assignPublicIp(), "Subnets", s.subnets(),
                            "LaunchType", s.launchType());
                    if (s.assignsPublicIp()) {
                        return ctx.nok(s.qualifiedName(), s.arn(), "Tasks get a public IP address: they are"
                                + " reachable from the internet, guarded only by their security group.", evidence);
                    }
                    return ctx.ok(s.qualifiedName(), s.arn(), "Tasks get private IP addresses only.", evidence);
                })
                .toList();
    }
}
