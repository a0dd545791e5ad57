package dev.shirase.notice;

import java.time.Instant;
import java.util.Objects;

/** The moment that matters for a notice, and what happens then. */
public record Deadline(Instant at, Kind kind) {

    public enum Kind {
        /** A scheduled change starts (EC2 reboot, RDS maintenance window ...). */
        SCHEDULED_START,
        /** AWS applies the change by itself from this moment on (the first window after it). */
        AUTO_APPLY_FROM,
        /** AWS applies the change on this date, whatever the maintenance window. */
        FORCED_APPLY,
        /** Standard support of a version ends. */
        END_OF_SUPPORT,
        /** A date the text asks the reader to act by. */
        ACT_BY
    }

    public Deadline {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
