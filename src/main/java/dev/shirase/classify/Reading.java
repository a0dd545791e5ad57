package dev.shirase.classify;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where words stand in an English notice, so that words said in passing do not decide what it is about. A notice
 * announces its change in its first paragraph; words in a condition ("when underlying hardware is retired"), after a
 * negation ("does not affect maintenance") or in boilerplate ("For more information ...") announce nothing.
 *
 * <p>Linear in the text: the sentences are found in one pass, and each match of a pattern is judged by looking back
 * at most {@link #LOOK_BACK} characters within its sentence.
 */
final class Reading {
    /** Where a match stands. */
    enum Weight {
        /** Negated, conditional or boilerplate: it announces nothing. */
        NONE,
        /** Said after the first paragraph. */
        BODY,
        /** Said in the first paragraph, where AWS announces what the notice is about. */
        LEAD
    }

    /** How far back from a match its clause, its condition and its negation are looked for. */
    static final int LOOK_BACK = 200;
    /** How far either side of a match a rule's subject is looked for. */
    static final int SUBJECT_REACH = 300;
    /** A first paragraph shorter than this is a greeting ("Hello,"), not the announcement. */
    private static final int SHORTEST_LEAD = 40;
    /** How many words before a match may negate it, articles aside: "does not affect maintenance". */
    private static final int NEGATION_WORDS = 2;

    private static final String[] BOILERPLATE = {"to learn more", "for more information", "for further information",
            "for more details", "if you have any questions", "if you have questions", "learn more", "see ", "[", "http",
            "information about", "please refer", "refer to", "you can find"};
    private static final Pattern CONDITION = Pattern.compile("\\b(if|when|whenever|unless|whether|in case)\\b");
    private static final String[] NEGATIONS = {"not", "no", "never", "without", "nor", "cannot"};
    private static final String[] SKIPPED = {"a", "an", "the", "any", "your", "this", "these", "that"};

    private final String lower;
    /** Sentence starts, ascending; the first is 0. */
    private final int[] starts;
    private final boolean[] boilerplate;
    private final int leadEnd;

    private Reading(String lower, int[] starts, boolean[] boilerplate, int leadEnd) {
        this.lower = lower;
        this.starts = starts;
        this.boilerplate = boilerplate;
        this.leadEnd = leadEnd;
    }

    static Reading of(AnalysedText text) {
        String lower = text.lower();
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        int leadEnd = -1;
        int paragraphStart = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean sentenceEnd = c == '\n' || ((c == '.' || c == '!' || c == '?')
                    && (i + 1 == lower.length() || Character.isWhitespace(lower.charAt(i + 1))));
            if (!sentenceEnd) {
                continue;
            }
            if (c == '\n' && leadEnd < 0 && isParagraphBreak(lower, i)
                    && lower.substring(paragraphStart, i).strip().length() >= SHORTEST_LEAD) {
                leadEnd = i;
            }
            if (c == '\n' && isParagraphBreak(lower, i)) {
                paragraphStart = i;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        starts = Arrays.copyOf(starts, count);
        boolean[] boilerplate = new boolean[count];
        for (int s = 0; s < count; s++) {
            boilerplate[s] = startsWithAny(lower, skipSpace(lower, starts[s]), BOILERPLATE);
        }
        return new Reading(lower, starts, boilerplate, leadEnd < 0 ? lower.length() : leadEnd);
    }

    /** The lower-cased text read. */
    String lower() {
        return lower;
    }

    /** The best place any match of {@code words} stands in; a subject, if given, must be named near the match. */
    Weight weight(Pattern words, Pattern subject) {
        Weight best = Weight.NONE;
        Matcher m = words.matcher(lower);
        while (best != Weight.LEAD && m.find()) {
            int at = m.start();
            if (counts(at) && (subject == null || names(subject, at, m.end()))) {
                best = at < leadEnd ? Weight.LEAD : Weight.BODY;
            }
        }
        return best;
    }

    /** Whether the text says this outside a condition, a negation and boilerplate. */
    boolean asserts(Pattern words) {
        return weight(words, null) != Weight.NONE;
    }

    /** Whether the text says this outright: in a sentence that sets no condition at all ("If ..., no action ..."). */
    boolean statesUnconditionally(Pattern words) {
        Matcher m = words.matcher(lower);
        while (m.find()) {
            int at = m.start();
            int sentence = sentenceOf(at);
            int from = Math.max(starts[sentence], at - LOOK_BACK);
            if (!boilerplate[sentence] && !negated(at, from) && !find(CONDITION, from, at)) {
                return true;
            }
        }
        return false;
    }

    private boolean counts(int at) {
        int sentence = sentenceOf(at);
        if (boilerplate[sentence]) {
            return false;
        }
        int clause = clauseStart(at, Math.max(starts[sentence], at - LOOK_BACK));
        return !negated(at, clause) && !find(CONDITION, clause, at);
    }

    private boolean names(Pattern subject, int start, int end) {
        int sentence = sentenceOf(start);
        int sentenceEnd = sentence + 1 < starts.length ? starts[sentence + 1] : lower.length();
        int from = Math.max(starts[sentence], start - SUBJECT_REACH);
        int to = Math.min(sentenceEnd, end + SUBJECT_REACH);
        return find(subject, from, to);
    }

    /** A search within [from, to) that still sees the characters around it, so that word boundaries hold. */
    private boolean find(Pattern pattern, int from, int to) {
        return pattern.matcher(lower).region(from, to).useTransparentBounds(true).find();
    }

    private int sentenceOf(int at) {
        int i = Arrays.binarySearch(starts, at);
        return i >= 0 ? i : -i - 2;
    }

    /** The start of the clause of {@code at}: after the nearest comma, semicolon, colon or dash, not before {@code from}. */
    private int clauseStart(int at, int from) {
        for (int i = at - 1; i >= from; i--) {
            char c = lower.charAt(i);
            if (c == ',' || c == ';' || c == ':' || c == '\u2014' || c == '(') {
                return i + 1;
            }
        }
        return from;
    }

    /** Whether one of the few words right before {@code at} (after {@code from}) negates it. */
    private boolean negated(int at, int from) {
        int end = at;
        int words = 0;
        while (words < NEGATION_WORDS) {
            while (end > from && Character.isWhitespace(lower.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > from && (Character.isLetter(lower.charAt(start - 1)) || lower.charAt(start - 1) == '\'')) {
                start--;
            }
            if (start == end) {
                return false;
            }
            String word = lower.substring(start, end);
            if (word.endsWith("n't") || equalsAny(word, NEGATIONS)) {
                return true;
            }
            if (!equalsAny(word, SKIPPED)) {
                words++;
            }
            end = start;
        }
        return false;
    }

    private static boolean isParagraphBreak(String text, int newline) {
        for (int i = newline + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean startsWithAny(String text, int at, String[] prefixes) {
        for (String p : prefixes) {
            if (text.startsWith(p, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsAny(String word, String[] words) {
        for (String w : words) {
            if (w.equals(word)) {
                return true;
            }
        }
        return false;
    }
}
