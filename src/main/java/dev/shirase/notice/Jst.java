package dev.shirase.notice;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Japan Standard Time: every time a reader sees is in JST, with the weekday. */
public final class Jst {
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    private static final String WEEKDAYS = "月火水木金土日";

    private Jst() {
    }

    public static String weekday(DayOfWeek day) {
        return String.valueOf(WEEKDAYS.charAt(day.getValue() - 1));
    }

    // Written with a StringBuilder, not String.format: a digest writes thousands of dates, and with C1 (as Lambda runs)
    // parsing the format string each time took about a fifth of the digest's rendering.

    /** {@code 2026年12月5日(土) 03:00 JST} */
    public static String dateTime(Instant instant) {
        ZonedDateTime t = instant.atZone(ZONE);
        return hhmm(date(new StringBuilder(24), t).append(' '), t).append(" JST").toString();
    }

    /** {@code 2026年12月5日(土)} */
    public static String date(Instant instant) {
        return date(new StringBuilder(16), instant.atZone(ZONE)).toString();
    }

    private static StringBuilder date(StringBuilder s, ZonedDateTime t) {
        return s.append(t.getYear()).append('年').append(t.getMonthValue()).append('月').append(t.getDayOfMonth())
                .append("日(").append(WEEKDAYS.charAt(t.getDayOfWeek().getValue() - 1)).append(')');
    }

    /** {@code 03:05}: the hour and minute of {@code t}, two digits each. */
    static StringBuilder hhmm(StringBuilder s, ZonedDateTime t) {
        return twoDigits(twoDigits(s, t.getHour()).append(':'), t.getMinute());
    }

    private static StringBuilder twoDigits(StringBuilder s, int value) {
        return (value < 10 ? s.append('0') : s).append(value);
    }

    /**
     * The date alone when the moment is midnight UTC, the form AWS gives to a date it states without a time
     * ("on or after December 7, 2026"): showing it as 09:00 JST would invent a time of day. Else the date and time.
     */
    public static String dateOrDateTime(Instant instant) {
        return isDateOnly(instant) ? date(instant) : dateTime(instant);
    }

    public static boolean isDateOnly(Instant instant) {
        return instant.getEpochSecond() % 86_400 == 0;
    }

    /** {@code 12/5(土)}, with the year in front when it is not the year of {@code now}. */
    public static String shortDate(Instant instant, Instant now) {
        ZonedDateTime t = instant.atZone(ZONE);
        return t.getYear() == now.atZone(ZONE).getYear() ? monthDay(t) : t.getYear() + "/" + monthDay(t);
    }

    /** {@code 2026/12/5(土)} */
    public static String shortDateWithYear(Instant instant) {
        ZonedDateTime t = instant.atZone(ZONE);
        return t.getYear() + "/" + monthDay(t);
    }

    private static String monthDay(ZonedDateTime t) {
        return t.getMonthValue() + "/" + t.getDayOfMonth() + "(" + weekday(t.getDayOfWeek()) + ")";
    }

    /** {@code 12/5(土) 03:00} */
    public static String shortDateTime(Instant instant, Instant now) {
        ZonedDateTime t = instant.atZone(ZONE);
        return hhmm(new StringBuilder(shortDate(instant, now)).append(' '), t).toString();
    }

    /** Calendar days in JST from {@code now} to {@code instant}: 0 today, negative when it is past. */
    public static long daysBetween(Instant now, Instant instant) {
        return ChronoUnit.DAYS.between(now.atZone(ZONE).toLocalDate(), instant.atZone(ZONE).toLocalDate());
    }

    /** {@code あと 11 日}, {@code 本日}, {@code 3 日経過} */
    public static String daysLeft(Instant now, Instant instant) {
        long days = daysBetween(now, instant);
        if (days == 0) {
            return "本日";
        }
        return days > 0 ? "あと " + days + " 日" : (-days) + " 日経過";
    }

    /** ISO-8601 with the +09:00 offset, the form the preview contract uses. */
    public static String iso(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime().toString();
    }
}
