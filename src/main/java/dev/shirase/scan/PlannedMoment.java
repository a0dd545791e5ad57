package dev.shirase.scan;

import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.PendingAction;
import java.time.Instant;

/** When RDS plans to apply a pending action: the first maintenance window that opens after its auto-apply date. */
public final class PlannedMoment {
    private PlannedMoment() {
    }

    /** That window's opening; null without an auto-apply date or a known window. */
    public static Instant firstWindowAfterAutoApply(PendingAction action, MaintenanceWindow window) {
        if (action.autoApplyAfter() == null || window == null) {
            return null;
        }
        return window.firstOpeningAtOrAfter(action.autoApplyAfter());
    }
}
