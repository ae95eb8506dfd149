package com.huntaze.audit.services.elbv2;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the elbv2 service, each filled by one of its collectors. */
public final class Elbv2Datasets {
    private Elbv2Datasets() {
    }

    public static final Dataset<List<LoadBalancer>> LOAD_BALANCERS =
            new Dataset<>("elbv2.loadBalancers", Scope.REGIONAL, "elasticloadbalancing", new TypeReference<>() { });

    /** The listeners of every load balancer in {@link #LOAD_BALANCERS}. */
    public static final Dataset<List<LoadBalancerListener>> LISTENERS =
            new Dataset<>("elbv2.listeners", Scope.REGIONAL, "elasticloadbalancing", new TypeReference<>() { });

    /** Every target group, with target health for those attached to a load balancer. */
    public static final Dataset<List<TargetGroup>> TARGET_GROUPS =
            new Dataset<>("elbv2.targetGroups", Scope.REGIONAL, "elasticloadbalancing", new TypeReference<>() { });
}
