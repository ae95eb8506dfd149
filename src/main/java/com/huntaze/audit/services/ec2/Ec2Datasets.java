package com.huntaze.audit.services.ec2;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the ec2 service, each filled by one of its collectors. */
public final class Ec2Datasets {
    private Ec2Datasets() {
    }

    /** Every security group of every VPC of the region, default groups included. */
    public static final Dataset<List<SecurityGroup>> SECURITY_GROUPS =
            new Dataset<>("ec2.securityGroups", Scope.REGIONAL, "ec2", new TypeReference<>() { });

    /** Every network interface of the region. */
    public static final Dataset<List<NetworkInterface>> NETWORK_INTERFACES =
            new Dataset<>("ec2.networkInterfaces", Scope.REGIONAL, "ec2", new TypeReference<>() { });
}
