package com.huntaze.audit.services.manual;

/** manual.patching: there is a working, recent patch cycle for images, dependencies and managed engines. */
public final class ManualPatchingCheck extends ManualCheck {
    public ManualPatchingCheck() {
        super("manual.patching",
                "confirm the image and dependency patch cycle: base images rebuilt, dependencies updated, "
                        + "pending database maintenance applied");
    }
}
