package com.huntaze.audit.services.vpc;

/**
 * One route of a route table.
 *
 * @param destination its DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId
 * @param target      where it sends the traffic: a gateway ({@code igw-…}, {@code vgw-…}, {@code local}), a NAT
 *                    gateway, a transit gateway, a peering connection, a network interface, an instance, ...
 * @param state       {@code active}, or {@code blackhole} when its target is gone
 */
public record Route(String destination, String target, String state) {

    /** Whether it sends traffic to an internet gateway (an egress-only one, {@code eigw-}, lets nothing in). */
    public boolean toInternetGateway() {
        return target != null && target.startsWith("igw-") && !"blackhole".equals(state);
    }
}
