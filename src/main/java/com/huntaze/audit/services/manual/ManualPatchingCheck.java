package com.huntaze.audit.services.manual;

/**
 * manual.patching: there is a working patch cycle for dependencies and base images. What the account shows (image
 * scans, scan on push, engine support, pending maintenance) is judged by ecr.image-findings, ecr.scan-on-push,
 * rds.engine-support, rds.pending-maintenance and elasticache.engine-support; this item is the process part.
 */
public final class ManualPatchingCheck extends ManualCheck {
    public ManualPatchingCheck() {
        super("manual.patching",
                "confirm the patch process: dependencies updated and base images rebuilt on a schedule, with an "
                        + "owner (image scans, scan on push, engine support and pending maintenance are judged by "
                        + "ecr.image-findings, ecr.scan-on-push, rds.engine-support, rds.pending-maintenance and "
                        + "elasticache.engine-support)");
    }
}
