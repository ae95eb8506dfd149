package com.huntaze.audit.services.ec2;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** EC2: security groups and network interfaces. */
public final class Ec2AuditService implements AuditService {

    @Override
    public String id() {
        return "ec2";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(Ec2Collectors.SECURITY_GROUPS, Ec2Collectors.NETWORK_INTERFACES);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(Ec2Clients.EC2);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new Ec2SecurityGroupOpenPortsCheck());
    }
}
