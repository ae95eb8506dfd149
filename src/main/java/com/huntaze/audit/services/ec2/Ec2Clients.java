package com.huntaze.audit.services.ec2;

import com.huntaze.audit.collection.ServiceClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;

/** The EC2 client: the EC2 service's, and the VPC service's (subnets and route tables are EC2 API reads). */
public final class Ec2Clients {
    private Ec2Clients() {
    }

    public static final ServiceClient<Ec2Client, Ec2ClientBuilder> EC2 =
            ServiceClient.regional("ec2", Ec2Client::builder);
}
