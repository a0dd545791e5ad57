package dev.shirase.scan;

import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one scan sends, decided without stored state: the required actions whose moment is a reminder day away, on
 * the digest day everything pending, and which regions could not be finished. A scan that finds nothing to say sends
 * nothing.
 *
 * @param now      the scan's "today"
 * @param settings reminder days, digest day, regions
 * @param due      required actions that are a reminder day away, earliest first
 * @param pending  the pending actions listed in full, required first, then by deadline: every one on the digest day;
 *                 on other days those of the regions whose databases' details could not be read, whose moments are
 *                 only approximate, so that none is missed
 * @param weekly   whether today is the digest day (in Japan)
 * @param gaps     what could not be finished (regions, member accounts), with why, in the order scanned
 * @param overdue  stories whose date passed with no sign that the work was done: reported once, then no longer
 *                 reminded of
 *
 * <p>{@code due} and {@code pending} hold RDS pending actions and, with the state table, the open AWS Health events
 * that have a date (scheduled reboots, retirements, end of support ...), told by their origin.
 */
public record Digest(Instant now, ScanSettings settings, List<Notice> due, List<Notice> pending, boolean weekly,
        List<RegionGap> gaps, List<Notice> overdue) {

    /** Required first, then the earliest moment, then the resource: the order a reader works through. */
    public static final Comparator<Notice> URGENCY = Comparator.comparing(Urgency::of);

    /** What {@link #URGENCY} compares of a notice. */
    private record Urgency(boolean optional, Instant at, String resources, String code) implements Comparable<Urgency> {
        static Urgency of(Notice n) {
            return new Urgency(n.obligation() != Obligation.REQUIRED, n.deadline() == null ? Instant.MAX : n.deadline().at(),
                    String.join(",", n.announcement().resourceIds()), String.valueOf(n.announcement().code()));
        }

        @Override
        public int compareTo(Urgency other) {
            int c = Boolean.compare(optional, other.optional);
            c = c != 0 ? c : at.compareTo(other.at);
            c = c != 0 ? c : resources.compareTo(other.resources);
            return c != 0 ? c : code.compareTo(other.code);
        }
    }

    private record ByUrgency(Urgency urgency, Notice notice) {
    }

    public Digest {
        due = byUrgency(due);
        pending = byUrgency(pending);
        gaps = List.copyOf(gaps);
        overdue = byUrgency(overdue);
    }

    /**
     * The notices in {@link #URGENCY}'s order, the same stable sort, with what it compares made once per notice rather
     * than at each of the thousands of comparisons that sorting a large account's actions takes.
     */
    private static List<Notice> byUrgency(List<Notice> notices) {
        List<ByUrgency> keyed = new java.util.ArrayList<>(notices.size());
        for (Notice n : notices) {
            keyed.add(new ByUrgency(Urgency.of(n), n));
        }
        keyed.sort(Comparator.comparing(ByUrgency::urgency));
        return keyed.stream().map(ByUrgency::notice).toList();
    }

    /** The digest this scan sends, or empty on a day with nothing to say. */
    public static Optional<Digest> plan(List<Notice> pending, List<RegionGap> gaps, Instant now,
            ScanSettings settings) {
        return plan(pending, List.of(), List.of(), gaps, now, settings);
    }

    /**
     * The digest this scan sends, or empty on a day with nothing to say.
     *
     * @param pending the RDS pending actions found
     * @param events  the open AWS Health events with a date, from the state table
     * @param overdue the stories whose date passed with no sign of completion, reported for the first time
     */
    public static Optional<Digest> plan(List<Notice> pending, List<Notice> events, List<Notice> overdue,
            List<RegionGap> gaps, Instant now, ScanSettings settings) {
        List<Notice> all = new java.util.ArrayList<>(pending);
        all.addAll(events);
        List<Notice> due = all.stream().filter(n -> isDue(n, now, settings)).toList();
        boolean weekly = now.atZone(Jst.ZONE).getDayOfWeek() == settings.digestDay();
        Set<Place> approximate = RegionGap.detailsUnread(gaps).stream()
                .map(gap -> new Place(gap.account(), gap.region())).collect(Collectors.toSet());
        List<Notice> listed = weekly ? all : pending.stream().filter(n -> settings.accounts()
                .placeOf(n.announcement().account(), n.announcement().region()).filter(approximate::contains)
                .isPresent()).toList();
        boolean speak = !due.isEmpty() || (weekly && !all.isEmpty()) || !gaps.isEmpty() || !overdue.isEmpty();
        return speak ? Optional.of(new Digest(now, settings, due, listed, weekly, gaps, overdue)) : Optional.empty();
    }

    /** A required action whose moment is exactly a reminder day away (in Japanese calendar days). */
    static boolean isDue(Notice notice, Instant now, ScanSettings settings) {
        return notice.obligation() == Obligation.REQUIRED && notice.deadline() != null
                && settings.reminderDays().contains((int) Jst.daysBetween(now, notice.deadline().at()));
    }

    /** What could not be read at all (regions, member accounts), with why. */
    public List<RegionGap> notScanned() {
        return RegionGap.notScanned(gaps);
    }

    /** The regions whose pending actions are listed without their databases' details, with why. */
    public List<RegionGap> detailsUnread() {
        return RegionGap.detailsUnread(gaps);
    }

    public long requiredCount() {
        return pending.stream().filter(n -> n.obligation() == Obligation.REQUIRED).count();
    }
}
