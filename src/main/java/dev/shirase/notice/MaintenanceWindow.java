package dev.shirase.notice;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weekly RDS maintenance window as AWS states it, in UTC: {@code sun:18:00-sun:18:30}.
 *
 * @param startDay  day the window opens (UTC)
 * @param startTime time the window opens (UTC)
 * @param length    how long it stays open
 */
public record MaintenanceWindow(DayOfWeek startDay, LocalTime startTime, Duration length) {

    private static final Pattern FORMAT =
            Pattern.compile("(?i)\\s*([a-z]{3}):(\\d{2}):(\\d{2})\\s*-\\s*([a-z]{3}):(\\d{2}):(\\d{2})\\s*");
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY,
            "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);
    private static final Duration WEEK = Duration.ofDays(7);

    /** Reads AWS's {@code ddd:hh24:mi-ddd:hh24:mi}; throws IllegalArgumentException for anything else. */
    public static MaintenanceWindow parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a maintenance window (ddd:hh24:mi-ddd:hh24:mi): " + text);
        }
        DayOfWeek startDay = day(m.group(1), text);
        DayOfWeek endDay = day(m.group(4), text);
        LocalTime start = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalTime end = LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
        long minutes = (endDay.getValue() - startDay.getValue()) * 1440L
                + (end.toSecondOfDay() - start.toSecondOfDay()) / 60;
        // A window may wrap around the end of the week (sat:23:00-sun:01:00 is fine, so is sun:23:30-mon:00:00).
        Duration length = Duration.ofMinutes(Math.floorMod(minutes, WEEK.toMinutes()));
        if (length.isZero()) {
            throw new IllegalArgumentException("maintenance window of no length: " + text);
        }
        return new MaintenanceWindow(startDay, start, length);
    }

    /** Like {@link #parse} but null for a missing or unreadable window. */
    public static MaintenanceWindow parseOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : parse(text);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
    }

    /** The first moment this window opens at or after {@code moment}. */
    public Instant firstOpeningAtOrAfter(Instant moment) {
        ZonedDateTime utc = moment.atZone(ZoneOffset.UTC);
        ZonedDateTime candidate = utc.with(TemporalAdjusters.previousOrSame(startDay))
                .truncatedTo(ChronoUnit.DAYS)
                .with(startTime);
        while (candidate.toInstant().isBefore(moment)) {
            candidate = candidate.plusWeeks(1);
        }
        return candidate.toInstant();
    }

    /** The window in UTC, as AWS writes it. */
    public String toAwsString() {
        ZonedDateTime start = referenceStart();
        ZonedDateTime end = start.plus(length);
        return String.format(Locale.ROOT, "%s:%s-%s:%s", abbreviation(start.getDayOfWeek()), hhmm(start),
                abbreviation(end.getDayOfWeek()), hhmm(end));
    }

    /** The window in JST with Japanese weekdays: {@code 月曜 03:00〜03:30 JST}. */
    public String toJapanese() {
        ZonedDateTime start = referenceStart().withZoneSameInstant(Jst.ZONE);
        ZonedDateTime end = start.plus(length);
        String endText = end.getDayOfWeek() == start.getDayOfWeek() && length.compareTo(Duration.ofDays(1)) < 0
                ? hhmm(end)
                : Jst.weekday(end.getDayOfWeek()) + "曜 " + hhmm(end);
        return Jst.weekday(start.getDayOfWeek()) + "曜 " + hhmm(start) + "〜" + endText + " JST";
    }

    private ZonedDateTime referenceStart() {
        // Any week will do: only the weekday and time matter. 2024-01-01 was a Monday.
        return ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .with(TemporalAdjusters.nextOrSame(startDay))
                .with(startTime);
    }

    private static DayOfWeek day(String abbreviation, String text) {
        DayOfWeek day = DAYS.get(abbreviation.toLowerCase(Locale.ROOT));
        if (day == null) {
            throw new IllegalArgumentException("unknown weekday '" + abbreviation + "' in " + text);
        }
        return day;
    }

    private static String abbreviation(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    private static String hhmm(ZonedDateTime t) {
        return Jst.hhmm(new StringBuilder(5), t).toString();
    }
}
