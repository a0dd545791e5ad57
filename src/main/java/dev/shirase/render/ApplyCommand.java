package dev.shirase.render;

import dev.shirase.notice.Announcement;
import dev.shirase.notice.Notice;

/** The AWS CLI command that applies a pending maintenance action, with the exact arguments. */
final class ApplyCommand {
    private ApplyCommand() {
    }

    /** {@code optInType}: immediate (now) or next-maintenance (in the next maintenance window). */
    static String of(Notice notice, String optInType) {
        Announcement a = notice.announcement();
        String arn = a.resources().isEmpty() ? "<ARN>" : a.resources().get(0).arn();
        return "aws rds apply-pending-maintenance-action"
                + (a.region() == null ? "" : " --region " + a.region())
                + " --resource-identifier " + (arn == null ? a.resources().get(0).id() : arn)
                + " --apply-action " + a.code()
                + " --opt-in-type " + optInType;
    }
}
