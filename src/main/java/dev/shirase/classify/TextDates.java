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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written in AWS's English prose: {@code March 3, 2027}, {@code 3 March 2027}, {@code 2027-03-03}, with an
 * optional time and zone ({@code at 10:00 AM PDT}). A date without a time is the start of that day in UTC, the way
 * AWS dates its notices.
 */
public final class TextDates {

    /**
     * A date found in the text, with the sentence it stands in (at most {@link #SENTENCE_REACH} either side of it), and
     * where the date's words start and end in the text: what a date is for is said by the words right beside it.
     */
    public record StatedDate(Instant at, String sentence, int start, int end) {
    }

    /**
     * How far a date's sentence reaches either side of the date. AWS's sentences are shorter, so theirs are kept
     * whole; a text without sentence breaks would otherwise make each date carry all of it.
     */
    static final int SENTENCE_REACH = 300;

    // Possessive where what follows cannot start with what the quantifier eats: the same matches, no backtracking.
    private static final String MONTH =
            "(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
    private static final String TIME =
            "(?:,?\\s*+(?:at\\s++|from\\s++)?(\\d{1,2}):(\\d{2})(?::\\d{2})?\\s*+(am|pm|a\\.m\\.|p\\.m\\.)?\\s*+"
                    + "(utc|gmt|pdt|pst|pt|edt|est|jst|z)?)?";
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b" + MONTH + "\\s++(\\d{1,2})(?:st|nd|rd|th)?,?\\s++(\\d{4})" + TIME);
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s++" + MONTH + ",?\\s++(\\d{4})" + TIME);
    private static final Pattern ISO_DATE = Pattern.compile(
            "\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::\\d{2}(?:\\.\\d++)?)?\\s*+(z|utc)?)?");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s++(?=[A-Z\\[(])|\\n\\s*+");
    private static final Map<String, Integer> ZONE_HOURS = Map.of(
            "utc", 0, "gmt", 0, "z", 0, "pdt", -7, "pst", -8, "pt", -8, "edt", -4, "est", -5, "jst", 9);

    private TextDates() {
    }

    /** The dates of the text's head that production reads ({@link TextLimits#PRODUCTION}). */
    public static List<StatedDate> find(String text) {
        return find(text, TextLimits.PRODUCTION);
    }

    /** The dates of the text as far as {@code limits} say: production's, or none where the analysis is measured. */
    public static List<StatedDate> find(String text, TextLimits limits) {
        return find(AnalysedText.of(text, limits.maxChars()), limits.maxDates());
    }

    /**
     * The first {@code maxDates} dates, sentence by sentence. Each pattern runs over the lower-cased text once, bounded
     * to one sentence at a time, so a date never spans a sentence break and nothing is copied but what is kept.
     */
    static List<StatedDate> find(AnalysedText text, int maxDates) {
        List<StatedDate> found = new ArrayList<>();
        String original = text.original();
        Matcher sentenceEnd = SENTENCE_END.matcher(original);
        Matcher monthDayYear = MONTH_DAY_YEAR.matcher(text.lower());
        Matcher dayMonthYear = DAY_MONTH_YEAR.matcher(text.lower());
        Matcher iso = ISO_DATE.matcher(text.lower());
        int start = 0;
        while (start < original.length() && found.size() < maxDates) {
            int end = sentenceEnd.find() ? sentenceEnd.start() : original.length();
            Sentence sentence = new Sentence(original, start, end);
            collect(monthDayYear.region(start, end), m -> proseInstant(m, 1, 2, 3, 4), sentence, found, maxDates);
            collect(dayMonthYear.region(start, end), m -> proseInstant(m, 2, 1, 3, 4), sentence, found, maxDates);
            collect(iso.region(start, end), TextDates::isoInstant, sentence, found, maxDates);
            start = end == original.length() ? end : sentenceEnd.end();
        }
        return found;
    }

    private static void collect(Matcher m, Function<Matcher, Instant> instant, Sentence sentence,
            List<StatedDate> found, int maxDates) {
        while (found.size() < maxDates && m.find()) {
            try {
                found.add(new StatedDate(instant.apply(m), sentence.around(m.start(), m.end()), m.start(), m.end()));
            } catch (DateTimeException | NumberFormatException notADate) {
                // "February 30, 2027", 2027-13-45 and the like: not a date
            }
        }
    }

    private static Instant isoInstant(Matcher iso) {
        LocalDate date = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                Integer.parseInt(iso.group(3)));
        LocalTime time = iso.group(4) == null ? LocalTime.MIDNIGHT
                : LocalTime.of(Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)));
        return LocalDateTime.of(date, time).toInstant(ZoneOffset.UTC);
    }

    private static Instant proseInstant(Matcher m, int monthGroup, int dayGroup, int yearGroup, int timeGroup) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(yearGroup)), month(m.group(monthGroup)),
                Integer.parseInt(m.group(dayGroup)));
        return instant(date, m, timeGroup);
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

    /** The number of an English month, by its name or abbreviation, in any case ({@code Sept.}, {@code march}). */
    public static int month(String name) {
        String key = name.replace(".", "").substring(0, 3).toLowerCase(Locale.ROOT);
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

    /** One sentence of the original text, as indices into it. */
    private record Sentence(String text, int start, int end) {

        /**
         * The sentence around a date, stripped, cut to {@link TextDates#SENTENCE_REACH} either side of it; a cut falls
         * between words (so that no word is cut into another, nor a surrogate pair in two), or at the date itself.
         */
        String around(int dateStart, int dateEnd) {
            int from = Math.max(start, dateStart - SENTENCE_REACH);
            if (from > start) {
                while (from < dateStart && !Character.isWhitespace(text.charAt(from - 1))) {
                    from++;
                }
            }
            int to = Math.min(end, dateEnd + SENTENCE_REACH);
            if (to < end) {
                while (to > dateEnd && !Character.isWhitespace(text.charAt(to))) {
                    to--;
                }
            }
            return text.substring(from, to).strip();
        }
    }
}
