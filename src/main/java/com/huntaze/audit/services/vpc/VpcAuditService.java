package com.huntaze.audit.services.vpc;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import com.huntaze.audit.services.ec2.Ec2Clients;
import java.util.List;

/** VPC: subnets and route tables (read through the EC2 API, IAM prefix ec2). */
public final class VpcAuditService implements AuditService {

    @Override
    public String id() {
        return "vpc";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(VpcCollectors.SUBNETS, VpcCollectors.ROUTE_TABLES);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(Ec2Clients.EC2);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new VpcPrivateDataStoresCheck());
    }
}
