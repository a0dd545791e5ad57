package dev.shirase.notice;

import java.time.Instant;

/**
 * One RDS pending maintenance action, as DescribePendingMaintenanceActions returns it.
 *
 * @param action         system-update, os-upgrade, db-upgrade, hardware-maintenance ...
 * @param description    AWS's English description
 * @param autoApplyAfter applied in the first maintenance window after this date, or null
 * @param forcedApply    applied on this date whatever the window, or null
 * @param currentApply   when it is currently going to be applied, or null
 * @param optInStatus    immediate, next-maintenance, ... or null
 */
public record PendingAction(String action, String description, Instant autoApplyAfter, Instant forcedApply,
        Instant currentApply, String optInStatus) {

    /** Required as the console shows it: AWS will apply it by itself on a date. */
    public boolean isRequired() {
        return autoApplyAfter != null || forcedApply != null;
    }
}
