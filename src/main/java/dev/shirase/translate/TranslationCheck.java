package dev.shirase.translate;

import dev.shirase.classify.TextDates;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a machine translation of AWS's English must keep: every number, version, date, time, identifier, ARN and URL of
 * the original. A translation that drops or changes one of them says something its original does not, and is not shown
 * as it is.
 *
 * <p>Dates and times may change their form ({@code December 5, 2026} is {@code 2026年12月5日}, {@code 6:00 PM} is
 * {@code 午後6時}), so both texts are first written in one form ({@code 2026-12-05}, {@code 18:00}); everything else
 * that carries a digit, and every URL, must appear as it is, not as part of a longer number or name.
 */
public final class TranslationCheck {
    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2})[\\d:.]*Z?)?");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern ENGLISH_TIME = Pattern.compile(
            "\\b(\\d{1,2})(?::(\\d{2}))?(?::\\d{2})?\\s*([AaPp])\\.?[Mm]\\.?(?![A-Za-z])|\\b(\\d{1,2}):(\\d{2})(?::\\d{2})?\\b");
    private static final Pattern JAPANESE_DATE = Pattern.compile("(\\d{4})\\s*[年/]\\s*(\\d{1,2})\\s*[月/]\\s*(\\d{1,2})日?");
    private static final Pattern JAPANESE_MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern JAPANESE_TIME = Pattern.compile(
            "(午前|午後)?\\s*(?<![\\d.:])(\\d{1,2})\\s*(?:時\\s*(?:(\\d{1,2})\\s*分)?|:(\\d{2})(?![\\d:]))");
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}\\b)");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()（）「」、。]+");
    /** A run of the characters names, numbers and versions are made of, which carries at least one digit. */
    private static final Pattern WITH_DIGIT = Pattern.compile("[A-Za-z0-9._:/+@=-]*\\d[A-Za-z0-9._:/+@=-]*");
    /** An ARN, whose resource part may carry no digit ({@code arn:aws:s3:::logs}). */
    private static final Pattern ARN = Pattern.compile("\\barn:[a-z-]+:[^\\s<>\"'()]+");
    /** The zone that follows a time ({@code 22:00 UTC}), which belongs to it. */
    private static final Pattern TIME_ZONE = Pattern.compile("\\s+(?:UTC|GMT|[A-Z]{1,3}[SD]?T)\\b");
    /** What ends a sentence or a clause rather than a token ({@code see https://aws.amazon.com/.}). */
    private static final String SENTENCE_PUNCTUATION = ".,:;";
    /**
     * A word with a digit, whatever else it is made of ({@code 8.0.mysql_aurora.3.05.2}, {@code 50%}), short of the
     * brackets and quotes around it.
     */
    private static final Pattern WORD_WITH_DIGIT = Pattern.compile("[^\\s()\\[\\]{}<>\"']*\\d[^\\s()\\[\\]{}<>\"']*");
    /** What a translation must never change; spans that overlap are merged. */
    private static final List<Pattern> KEPT_AS_WRITTEN = List.of(URL, ARN, ISO_DATE, MONTH_DAY_YEAR, DAY_MONTH_YEAR,
            ENGLISH_TIME, WORD_WITH_DIGIT);

    private TranslationCheck() {
    }

    /** What of {@code original} the translation lacks, in the original's order; empty when it keeps everything. */
    public static List<String> missing(String original, String translation) {
        String from = canonical(original, false);
        String to = canonical(translation, true);
        List<String> missing = new ArrayList<>();
        for (String token : tokens(from)) {
            if (!contains(to, token) && !(token.matches("\\d{4}-\\d{2}-\\d{2}") && contains(to, "--" + token.substring(5)))) {
                missing.add(token);
            }
        }
        return missing;
    }

    /**
     * Whether {@code paragraph} has words to translate: false for one that is only URLs, numbers, versions and ids,
     * which read the same in Japanese.
     */
    public static boolean needsTranslation(String paragraph) {
        String words = WITH_DIGIT.matcher(URL.matcher(paragraph).replaceAll(" ")).replaceAll(" ");
        return words.chars().anyMatch(Character::isLetter);
    }

    /** The tokens a translation must keep: URLs, then every run with a digit outside them, each once. */
    static Set<String> tokens(String canonicalText) {
        Set<String> tokens = new LinkedHashSet<>();
        Matcher url = URL.matcher(canonicalText);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (url.find()) {
            tokens.add(trimEnd(url.group()));
            rest.append(canonicalText, last, url.start()).append(' ');
            last = url.end();
        }
        rest.append(canonicalText.substring(last));
        Matcher word = WITH_DIGIT.matcher(rest);
        while (word.find()) {
            String token = trimEnd(word.group());
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** A part of a text, from {@code start} to {@code end} (exclusive), in chars. */
    record Span(int start, int end) {
    }

    /**
     * The parts of AWS's English a translation must leave exactly as they are (URLs, ARNs, dates, times with their zone,
     * and every word with a digit), and every occurrence of {@code mustKeep}'s tokens: sorted, merged where they overlap
     * or touch, each without the sentence's punctuation after it.
     */
    static List<Span> protectedSpans(String text, Collection<String> mustKeep) {
        List<Span> found = new ArrayList<>();
        for (Pattern pattern : KEPT_AS_WRITTEN) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int end;
                if (pattern == ENGLISH_TIME) {
                    // Its own end is exact ("6 p.m."), and the zone after it belongs to it.
                    Matcher zone = TIME_ZONE.matcher(text).region(m.end(), text.length());
                    end = zone.lookingAt() ? zone.end() : m.end();
                } else {
                    end = m.start() + trimEnd(m.group(), SENTENCE_PUNCTUATION).length();
                }
                if (end > m.start()) {
                    found.add(new Span(m.start(), end));
                }
            }
        }
        for (String token : mustKeep) {
            for (int at = token.isEmpty() ? -1 : text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
                found.add(new Span(at, at + token.length()));
            }
        }
        found.sort(Comparator.comparingInt(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span span : found) {
            Span last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && span.start() <= last.end()) {
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** Dates and times in one form, thousands without separators, full-width characters as ASCII. */
    static String canonical(String text, boolean japanese) {
        String s = THOUSANDS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
        s = replace(ISO_DATE, s, m -> date(m.group(1), m.group(2), m.group(3))
                + (m.group(4) == null ? "" : " " + time(m.group(4), m.group(5))));
        s = replace(MONTH_DAY_YEAR, s, m -> date(m.group(3), String.valueOf(TextDates.month(m.group(1))), m.group(2)));
        s = replace(DAY_MONTH_YEAR, s, m -> date(m.group(3), String.valueOf(TextDates.month(m.group(2))), m.group(1)));
        if (japanese) {
            s = replace(JAPANESE_DATE, s, m -> date(m.group(1), m.group(2), m.group(3)));
            s = replace(JAPANESE_MONTH_DAY, s, m -> date(null, m.group(1), m.group(2)));
            s = replace(JAPANESE_TIME, s, m -> time24(m.group(2), m.group(3) != null ? m.group(3) : m.group(4),
                    m.group(1) == null ? null : m.group(1).equals("午後")));
        }
        return replace(ENGLISH_TIME, s, m -> m.group(3) != null
                ? time24(m.group(1), m.group(2), Character.toLowerCase(m.group(3).charAt(0)) == 'p')
                : time(m.group(4), m.group(5)));
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> replacement) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(" " + replacement.apply(m) + " "));
    }

    private static String date(String year, String month, String day) {
        return (year == null ? "-" : year) + "-" + two(month) + "-" + two(day);
    }

    /** A 12-hour time in 24 hours when {@code afternoon} is known; as it is otherwise. */
    private static String time24(String hour, String minute, Boolean afternoon) {
        int h = Integer.parseInt(hour);
        if (afternoon != null) {
            h = h % 12 + (afternoon ? 12 : 0);
        }
        return time(String.valueOf(h), minute);
    }

    private static String time(String hour, String minute) {
        return two(hour) + ":" + (minute == null ? "00" : two(minute));
    }

    private static String two(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    private static String trimEnd(String token) {
        return trimEnd(token, ".,:;/=-");
    }

    private static String trimEnd(String token, String trailing) {
        int end = token.length();
        while (end > 0 && trailing.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(0, end);
    }

    /** Whether {@code token} is in {@code text} on its own: not inside a longer number or name. */
    private static boolean contains(String text, String token) {
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
            int end = at + token.length();
            boolean startFree = at == 0 || !joins(text.charAt(at - 1), token.charAt(0));
            boolean endFree = end == text.length() || !(joins(text.charAt(end), token.charAt(token.length() - 1))
                    || (text.charAt(end) == '.' && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1))));
            if (startFree && endFree) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code neighbour} would continue a token that has {@code edge} at that end. */
    private static boolean joins(char neighbour, char edge) {
        if (neighbour > 127) {
            return false; // Japanese text around an ASCII token does not change it
        }
        if (Character.isDigit(edge)) {
            return Character.isDigit(neighbour);
        }
        return Character.isLetterOrDigit(neighbour) || neighbour == '-' || neighbour == '_';
    }
}
