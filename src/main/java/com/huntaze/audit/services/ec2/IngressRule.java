package com.huntaze.audit.services.ec2;

import java.util.List;
import java.util.Locale;

/**
 * One inbound IpPermission of a security group: a protocol, a port range and its sources. Rules whose sources are
 * other security groups or prefix lists keep empty CIDR lists (only CIDR sources can be the whole internet).
 *
 * @param protocol   IpProtocol as AWS gives it: {@code tcp}, {@code udp}, {@code icmp}, {@code -1} (all traffic)
 *                   or a protocol number
 * @param fromPort   its FromPort, or null (all traffic; ICMP types use it for the type)
 * @param toPort     its ToPort, or null
 * @param ipv4Ranges its IpRanges' CidrIp
 * @param ipv6Ranges its Ipv6Ranges' CidrIpv6
 */
public record IngressRule(String protocol, Integer fromPort, Integer toPort, List<String> ipv4Ranges,
                          List<String> ipv6Ranges) {

    public IngressRule {
        ipv4Ranges = ipv4Ranges == null ? List.of() : List.copyOf(ipv4Ranges);
        ipv6Ranges = ipv6Ranges == null ? List.of() : List.copyOf(ipv6Ranges);
    }

    /** {@code tcp}, {@code udp}, {@code all} for -1, else the protocol as given (lower case; 6 and 17 by name). */
    public String protocolName() {
        String p = protocol == null ? "-1" : protocol.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "-1", "all" -> "all";
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            default -> p;
        };
    }

    /** Whether it lets through every protocol and port (IpProtocol -1). */
    public boolean allTraffic() {
        return protocolName().equals("all");
    }

    /** Whether its ports are TCP or UDP ports (ICMP and other protocols have none). */
    public boolean hasPorts() {
        return protocolName().equals("tcp") || protocolName().equals("udp");
    }

    /** Its lowest port: 0 for all traffic, or a TCP/UDP rule without FromPort. */
    public int lowPort() {
        return allTraffic() || fromPort == null || fromPort < 0 ? 0 : fromPort;
    }

    /** Its highest port: 65535 for all traffic, or a TCP/UDP rule without ToPort. */
    public int highPort() {
        return allTraffic() || toPort == null || toPort < 0 ? 65535 : toPort;
    }
}
