package dev.shirase.notice;

import java.time.Instant;

/**
 * The times a source states, all optional.
 *
 * @param start          scheduled start (Health startTime) or when an RDS event happened
 * @param end            scheduled end
 * @param lastUpdated    when AWS last changed the event
 * @param autoApplyAfter RDS pending maintenance: applied in the first window after this date
 * @param forcedApply    RDS pending maintenance: applied on this date whatever the window
 */
public record Schedule(Instant start, Instant end, Instant lastUpdated, Instant autoApplyAfter, Instant forcedApply) {
    public static final Schedule NONE = new Schedule(null, null, null, null, null);

    public static Schedule of(Instant start, Instant end, Instant lastUpdated) {
        return new Schedule(start, end, lastUpdated, null, null);
    }
}
