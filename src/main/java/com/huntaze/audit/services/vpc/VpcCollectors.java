package com.huntaze.audit.services.vpc;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.ec2.Ec2Clients;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * VPC: DescribeSubnets (1000 per page, its maximum) and DescribeRouteTables (100 per page, its maximum), one walk
 * each per region, on the region's one EC2 client (shared with the ec2 service's collectors).
 */
final class VpcCollectors {
    private VpcCollectors() {
    }

    static final int SUBNETS_PAGE = 1000;
    static final int ROUTE_TABLES_PAGE = 100;

    static final DatasetCollector<List<Subnet>> SUBNETS = new DatasetCollector<>() {
        @Override
        public Dataset<List<Subnet>> dataset() {
            return VpcDatasets.SUBNETS;
        }

        @Override
        public List<String> actions() {
            return List.of("ec2:DescribeSubnets");
        }

        @Override
        public List<Subnet> collect(CollectionContext context) {
            return call("ec2:DescribeSubnets", () -> ec2(context)
                    .describeSubnetsPaginator(r -> r.maxResults(SUBNETS_PAGE)).subnets().stream()
                    .map(s -> new Subnet(
                            s.subnetId(),
                            s.subnetArn(),
                            s.vpcId(),
                            s.availabilityZone(),
                            s.availabilityZoneId(),
                            s.cidrBlock(),
                            Boolean.TRUE.equals(s.mapPublicIpOnLaunch())))
                    .toList());
        }
    };

    static final DatasetCollector<List<RouteTable>> ROUTE_TABLES = new DatasetCollector<>() {
        @Override
        public Dataset<List<RouteTable>> dataset() {
            return VpcDatasets.ROUTE_TABLES;
        }

        @Override
        public List<String> actions() {
            return List.of("ec2:DescribeRouteTables");
        }

        @Override
        public List<RouteTable> collect(CollectionContext context) {
            return call("ec2:DescribeRouteTables", () -> ec2(context)
                    .describeRouteTablesPaginator(r -> r.maxResults(ROUTE_TABLES_PAGE)).routeTables().stream()
                    .map(t -> new RouteTable(
                            t.routeTableId(),
                            t.vpcId(),
                            t.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main())),
                            t.associations().stream().filter(VpcCollectors::associated)
                                    .map(RouteTableAssociation::subnetId).filter(Objects::nonNull).toList(),
                            t.routes().stream().map(r -> new Route(
                                    Stream.of(r.destinationCidrBlock(), r.destinationIpv6CidrBlock(),
                                            r.destinationPrefixListId()).filter(Objects::nonNull).findFirst()
                                            .orElse(null),
                                    Stream.of(r.gatewayId(), r.natGatewayId(), r.transitGatewayId(),
                                                    r.vpcPeeringConnectionId(), r.egressOnlyInternetGatewayId(),
                                                    r.networkInterfaceId(), r.instanceId(), r.localGatewayId(),
                                                    r.carrierGatewayId(), r.coreNetworkArn())
                                            .filter(Objects::nonNull).findFirst().orElse(null),
                                    r.stateAsString())).toList()))
                    .toList());
        }
    };

    /** An association in effect (a disassociated one, still listed for a while, no longer routes the subnet). */
    private static boolean associated(RouteTableAssociation a) {
        return a.associationState() == null || a.associationState().stateAsString() == null
                || a.associationState().stateAsString().equals("associated");
    }

    private static Ec2Client ec2(CollectionContext context) {
        return context.client(Ec2Clients.EC2);
    }
}
