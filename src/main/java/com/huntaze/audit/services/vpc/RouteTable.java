package com.huntaze.audit.services.vpc;

import java.util.List;

/**
 * A VPC route table, from DescribeRouteTables.
 *
 * @param main      whether it is its VPC's main route table: the table of every subnet without an explicit one
 * @param subnetIds the subnets explicitly associated with it
 */
public record RouteTable(String id, String vpcId, boolean main, List<String> subnetIds, List<Route> routes) {

    public RouteTable {
        subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** Its routes to an internet gateway. */
    public List<Route> internetRoutes() {
        return routes.stream().filter(Route::toInternetGateway).toList();
    }
}
