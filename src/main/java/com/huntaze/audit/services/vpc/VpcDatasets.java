package com.huntaze.audit.services.vpc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the vpc service, each filled by one of its collectors (IAM prefix ec2: VPCs are EC2's API). */
public final class VpcDatasets {
    private VpcDatasets() {
    }

    /** Every subnet of every VPC of the region, with its Availability Zone. */
    public static final Dataset<List<Subnet>> SUBNETS =
            new Dataset<>("vpc.subnets", Scope.REGIONAL, "ec2", new TypeReference<>() { });

    /** Every route table of every VPC of the region, with its routes and subnet associations. */
    public static final Dataset<List<RouteTable>> ROUTE_TABLES =
            new Dataset<>("vpc.routeTables", Scope.REGIONAL, "ec2", new TypeReference<>() { });
}
