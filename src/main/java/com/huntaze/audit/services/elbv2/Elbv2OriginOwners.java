package com.huntaze.audit.services.elbv2;

import com.huntaze.audit.services.cloudfront.OriginOwners;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code cloudfront.origin-in-account} accepts of ELBv2: the DNS name of each load balancer of the audited
 * regions (and its {@code dualstack.} form). Classic Load Balancers share the DNS shape but are not read.
 */
final class Elbv2OriginOwners {
    private Elbv2OriginOwners() {
    }

    static final OriginOwners LOAD_BALANCERS = new OriginOwners("load balancer", Set.of(Elbv2Datasets.LOAD_BALANCERS),
            List.of("*.elb.amazonaws.com", "*.elb.*.amazonaws.com", "*.elb.amazonaws.com.cn",
                    "*.elb.*.amazonaws.com.cn"), true, ctx -> {
                Map<String, String> domains = new LinkedHashMap<>();
                ctx.inEveryRegion(Elbv2Datasets.LOAD_BALANCERS).forEach((region, loadBalancers) -> {
                    for (LoadBalancer lb : loadBalancers) {
                        if (lb.dnsName() == null || lb.dnsName().isBlank()) {
                            continue;
                        }
                        String dns = lb.dnsName().toLowerCase(Locale.ROOT);
                        String what = "load balancer " + lb.name() + " (" + lb.type() + ", " + region + ")";
                        domains.putIfAbsent(dns, what);
                        domains.putIfAbsent("dualstack." + dns, what);
                    }
                });
                return domains;
            });
}
