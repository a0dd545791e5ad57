package dev.shirase.classify;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written in AWS's English prose: {@code March 3, 2027}, {@code 3 March 2027}, {@code 2027-03-03}, with an
 * optional time and zone ({@code at 10:00 AM PDT}). A date without a time is the start of that day in UTC, the way
 * AWS dates its notices.
 */
public final class TextDates {

    /** A date found in the text, with the sentence it stands in. */
    public record StatedDate(Instant at, String sentence) {
    }

    private static final String MONTH =
            "(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
    private static final String TIME =
            "(?:,?\\s*(?:at\\s+|from\\s+)?(\\d{1,2}):(\\d{2})(?::\\d{2})?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*"
                    + "(utc|gmt|pdt|pst|pt|edt|est|jst|z)?)?";
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME);
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})" + TIME);
    private static final Pattern ISO_DATE =
            Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::\\d{2}(?:\\.\\d+)?)?\\s*(z|utc)?)?");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\\[(])|\\n\\s*");
    private static final Map<String, Integer> ZONE_HOURS = Map.of(
            "utc", 0, "gmt", 0, "z", 0, "pdt", -7, "pst", -8, "pt", -8, "edt", -4, "est", -5, "jst", 9);

    private TextDates() {
    }

    public static List<StatedDate> find(String text) {
        List<StatedDate> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        for (String sentence : SENTENCE_END.split(text)) {
            String lower = sentence.toLowerCase(Locale.ROOT);
            collect(MONTH_DAY_YEAR.matcher(lower), 1, 2, 3, 4, sentence, found);
            collect(DAY_MONTH_YEAR.matcher(lower), 2, 1, 3, 4, sentence, found);
            Matcher iso = ISO_DATE.matcher(lower);
            while (iso.find()) {
                try {
                    LocalDate date = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                            Integer.parseInt(iso.group(3)));
                    LocalTime time = iso.group(4) == null ? LocalTime.MIDNIGHT
                            : LocalTime.of(Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)));
                    found.add(new StatedDate(LocalDateTime.of(date, time).toInstant(ZoneOffset.UTC), sentence.strip()));
                } catch (DateTimeException notADate) {
                    // 2027-13-45 and the like: not a date
                }
            }
        }
        return found;
    }

    private static void collect(Matcher m, int monthGroup, int dayGroup, int yearGroup, int timeGroup,
            String sentence, List<StatedDate> found) {
        while (m.find()) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(yearGroup)), month(m.group(monthGroup)),
                        Integer.parseInt(m.group(dayGroup)));
                found.add(new StatedDate(instant(date, m, timeGroup), sentence.strip()));
            } catch (DateTimeException | NumberFormatException notADate) {
                // "February 30, 2027": not a date
            }
        }
    }

    private static Instant instant(LocalDate date, Matcher m, int timeGroup) {
        if (m.group(timeGroup) == null) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        int hour = Integer.parseInt(m.group(timeGroup));
        int minute = Integer.parseInt(m.group(timeGroup + 1));
        String ampm = m.group(timeGroup + 2);
        if (ampm != null) {
            boolean pm = ampm.startsWith("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        String zone = m.group(timeGroup + 3);
        int offset = zone == null ? 0 : ZONE_HOURS.get(zone);
        return LocalDateTime.of(date, LocalTime.of(hour, minute)).toInstant(ZoneOffset.ofHours(offset));
    }

    private static int month(String name) {
        String key = name.replace(".", "").substring(0, 3);
        return switch (key) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            case "dec" -> 12;
            default -> throw new DateTimeException("unknown month " + name);
        };
    }
}
