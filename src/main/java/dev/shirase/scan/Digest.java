package dev.shirase.scan;

import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one scan sends, decided without stored state: the required actions whose moment is a reminder day away, and
 * on the digest day everything pending. A scan that finds nothing to say sends nothing.
 *
 * @param now          the scan's "today"
 * @param settings     reminder days, digest day, regions
 * @param due          required actions that are a reminder day away, earliest first
 * @param pending      every pending action, required first, then by deadline
 * @param weekly       whether today is the digest day (in Japan)
 * @param regionErrors regions that could not be scanned, with why
 */
public record Digest(Instant now, ScanSettings settings, List<Notice> due, List<Notice> pending, boolean weekly,
        Map<String, String> regionErrors) {

    /** Required first, then the earliest moment, then the resource: the order a reader works through. */
    public static final Comparator<Notice> URGENCY = Comparator
            .comparing((Notice n) -> n.obligation() != Obligation.REQUIRED)
            .thenComparing(n -> n.deadline() == null ? Instant.MAX : n.deadline().at())
            .thenComparing(n -> String.join(",", n.announcement().resourceIds()))
            .thenComparing(n -> String.valueOf(n.announcement().code()));

    public Digest {
        due = due.stream().sorted(URGENCY).toList();
        pending = pending.stream().sorted(URGENCY).toList();
        regionErrors = Map.copyOf(regionErrors);
    }

    /** The digest this scan sends, or empty on a day with nothing to say. */
    public static Optional<Digest> plan(List<Notice> pending, Map<String, String> regionErrors, Instant now,
            ScanSettings settings) {
        List<Notice> due = pending.stream().filter(n -> isDue(n, now, settings)).toList();
        boolean weekly = now.atZone(Jst.ZONE).getDayOfWeek() == settings.digestDay();
        boolean speak = !due.isEmpty() || (weekly && !pending.isEmpty()) || !regionErrors.isEmpty();
        return speak ? Optional.of(new Digest(now, settings, due, weekly ? pending : List.of(), weekly, regionErrors))
                : Optional.empty();
    }

    /** A required action whose moment is exactly a reminder day away (in Japanese calendar days). */
    static boolean isDue(Notice notice, Instant now, ScanSettings settings) {
        return notice.obligation() == Obligation.REQUIRED && notice.deadline() != null
                && settings.reminderDays().contains((int) Jst.daysBetween(now, notice.deadline().at()));
    }

    public long requiredCount() {
        return pending.stream().filter(n -> n.obligation() == Obligation.REQUIRED).count();
    }
}
