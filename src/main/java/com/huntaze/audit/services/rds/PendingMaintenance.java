package com.huntaze.audit.services.rds;

import java.time.Instant;
import java.util.List;

/**
 * The pending maintenance actions of one DB instance or cluster, from DescribePendingMaintenanceActions.
 *
 * @param resourceArn the instance's or cluster's ARN (ResourceIdentifier)
 */
public record PendingMaintenance(String resourceArn, List<Action> actions) {

    public PendingMaintenance {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /**
     * One pending action.
     *
     * @param action               {@code system-update}, {@code db-upgrade}, {@code os-upgrade}, {@code ca-certificate-rotation}, ...
     * @param autoAppliedAfterDate applied in the first maintenance window after this date; null when not set
     * @param forcedApplyDate      applied on this date whatever the windows; null when not set
     * @param currentApplyDate     when it will be applied, opt-ins included; null when not scheduled
     * @param optInStatus          {@code immediate}, {@code next-maintenance}, ...; null when nobody opted in
     */
    public record Action(String action, String description, Instant autoAppliedAfterDate, Instant forcedApplyDate,
                         Instant currentApplyDate, String optInStatus) {
    }
}
