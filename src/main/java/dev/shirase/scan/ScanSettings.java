package dev.shirase.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.source.Json;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the daily scan covers and when it speaks.
 *
 * @param regions      the regions to scan
 * @param reminderDays days before the moment an action will be applied on which to remind (14, 7, 3, 1)
 * @param digestDay    the day of the week (in Japan) of the digest of everything pending
 * @param accounts     the accounts to scan in each region
 */
public record ScanSettings(List<String> regions, SortedSet<Integer> reminderDays, DayOfWeek digestDay,
        ScanAccounts accounts) {
    public static final String REGIONS = "SHIRASE_SCAN_REGIONS";
    public static final String REMINDER_DAYS = "SHIRASE_REMINDER_DAYS";
    public static final String DIGEST_WEEKDAY = "SHIRASE_DIGEST_WEEKDAY";
    public static final String ACCOUNTS = "SHIRASE_SCAN_ACCOUNTS";
    public static final String READER_ROLE = "SHIRASE_READER_ROLE";
    public static final String DEFAULT_REMINDER_DAYS = "14,7,3,1";

    public ScanSettings {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("no region to scan: set " + REGIONS + " or AWS_REGION");
        }
        regions = List.copyOf(regions);
        reminderDays = new TreeSet<>(reminderDays);
    }

    /** The function's own account alone. */
    public ScanSettings(List<String> regions, SortedSet<Integer> reminderDays, DayOfWeek digestDay) {
        this(regions, reminderDays, digestDay, ScanAccounts.ONLY_HOME);
    }

    public static ScanSettings of(JsonNode detail, Map<String, String> env) {
        return of(detail, null, env);
    }

    /**
     * The schedule's event detail ({@code regions}, {@code reminderDays}, {@code weeklyDigestDay}, {@code accounts},
     * {@code readerRole}) first, then the environment ({@code SHIRASE_SCAN_REGIONS} ..., {@code AWS_REGION}), then the
     * defaults.
     *
     * @param home the function's own account (the scheduled event's {@code account}), or null when unknown
     */
    public static ScanSettings of(JsonNode detail, String home, Map<String, String> env) {
        String regions = first(Json.text(detail, "regions"), env.get(REGIONS), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
        String days = first(Json.text(detail, "reminderDays"), env.get(REMINDER_DAYS), DEFAULT_REMINDER_DAYS);
        String weekday = first(Json.text(detail, "weeklyDigestDay"), env.get(DIGEST_WEEKDAY), "MONDAY");
        ScanAccounts accounts = ScanAccounts.parse(home == null || home.isBlank() ? null : home,
                first(Json.text(detail, "accounts"), env.get(ACCOUNTS)), first(Json.text(detail, "readerRole"),
                        env.get(READER_ROLE)));
        return new ScanSettings(list(regions), days(days), weekday(weekday), accounts);
    }

    /** These settings with the member accounts listed for this scan. */
    public ScanSettings withMembers(List<String> members) {
        return new ScanSettings(regions, reminderDays, digestDay, accounts.withMembers(members));
    }

    static SortedSet<Integer> days(String text) {
        SortedSet<Integer> days = new TreeSet<>();
        for (String part : list(text)) {
            try {
                int day = Integer.parseInt(part);
                if (day < 0) {
                    throw new NumberFormatException();
                }
                days.add(day);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("reminder days are whole numbers of days, comma-separated: " + text);
            }
        }
        return days;
    }

    static DayOfWeek weekday(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(name) || day.name().startsWith(name) && name.length() >= 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a day of the week: " + text);
    }

    private static List<String> list(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }


    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
