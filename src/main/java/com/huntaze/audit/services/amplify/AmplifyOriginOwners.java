package com.huntaze.audit.services.amplify;

import com.huntaze.audit.services.cloudfront.OriginOwners;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code cloudfront.origin-in-account} accepts of Amplify: each listed app's default domain
 * ({@code APPID.amplifyapp.com}) and each of its branches' ({@code BRANCH.APPID.amplifyapp.com}). Custom domains
 * are not read.
 */
final class AmplifyOriginOwners {
    private AmplifyOriginOwners() {
    }

    static final OriginOwners APPS = new OriginOwners("Amplify app", Set.of(AmplifyDatasets.APPS),
            List.of("*.amplifyapp.com"), false, ctx -> {
                Map<String, String> domains = new LinkedHashMap<>();
                ctx.inEveryRegion(AmplifyDatasets.APPS).forEach((region, apps) -> {
                    for (AmplifyApp app : apps) {
                        String what = "Amplify app " + app.name() + " (" + app.appId() + ", " + region + ")";
                        domains.putIfAbsent(app.domain(), what);
                        for (AmplifyBranch branch : app.branches()) {
                            domains.putIfAbsent(app.branchDomain(branch), "branch " + branch.name() + " of " + what);
                        }
                    }
                });
                return domains;
            });
}
