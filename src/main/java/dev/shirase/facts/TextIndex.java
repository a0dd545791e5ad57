package dev.shirase.facts;

import dev.shirase.classify.AnalysedText;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The analysed text with what every fact reader needs to look around a match: where sentences break, which spans are
 * URLs (whose numbers are paths, not versions), and windows of the lower-cased text bounded to a sentence and a reach.
 * Built in one pass over the text.
 */
final class TextIndex {
    private final String original;
    private final String lower;
    /** Positions where a sentence starts, ascending; 0 first. */
    private final int[] sentenceStarts;
    /** URL spans as start, end pairs, ascending. */
    private final int[] urls;

    TextIndex(AnalysedText text) {
        this.original = text.original();
        this.lower = text.lower();
        this.sentenceStarts = sentenceStarts(original);
        this.urls = urls(original);
    }

    String original() {
        return original;
    }

    String lower() {
        return lower;
    }

    int length() {
        return original.length();
    }

    int sentenceStart(int at) {
        int i = Arrays.binarySearch(sentenceStarts, at);
        return i >= 0 ? sentenceStarts[i] : sentenceStarts[-i - 2];
    }

    int sentenceEnd(int at) {
        int i = Arrays.binarySearch(sentenceStarts, at + 1);
        int next = i >= 0 ? i : -i - 1;
        return next < sentenceStarts.length ? sentenceStarts[next] : original.length();
    }

    /** The lower-cased text before {@code at}, within its sentence, at most {@code reach} long, not before {@code from}. */
    String before(int at, int reach, int from) {
        return lower.substring(Math.max(Math.max(sentenceStart(at), at - reach), Math.min(from, at)), at);
    }

    /** The lower-cased text after {@code at}, within its sentence, at most {@code reach} long, not after {@code to}. */
    String after(int at, int reach, int to) {
        return lower.substring(at, Math.max(at, Math.min(Math.min(sentenceEnd(Math.max(0, at - 1)), at + reach), to)));
    }

    /** The lower-cased sentence around {@code start}..{@code end}, at most {@code reach} either side. */
    String around(int start, int end, int reach) {
        return lower.substring(Math.max(sentenceStart(start), start - reach),
                Math.max(end, Math.min(sentenceEnd(Math.max(start, end - 1)), end + reach)));
    }

    boolean inUrl(int at) {
        // The last URL starting at or before the position, if it reaches past it.
        int lo = 0;
        int hi = urls.length / 2 - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (urls[2 * mid] <= at) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && at < urls[2 * found + 1];
    }

    /** A matcher over the lower-cased text that can look past its region's bounds. */
    Matcher matcher(Pattern pattern) {
        return pattern.matcher(lower).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** A sentence ends after ., ! or ? followed by a space, and at every line break. */
    private static int[] sentenceStarts(String text) {
        IntList starts = new IntList();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n'
                    || (c == '.' || c == '!' || c == '?') && i + 1 < text.length()
                    && Character.isWhitespace(text.charAt(i + 1));
            if (end) {
                starts.add(i + 1);
            }
        }
        return starts.toArray();
    }

    /**
     * Spans of words that are addresses: with a scheme ({@code https://...}), or a host and a path
     * ({@code docs.aws.amazon.com/AmazonRDS/...}). One pass: each word is read at most twice.
     */
    private static int[] urls(String text) {
        IntList spans = new IntList();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int firstSlash = -1;
            boolean dotBeforeSlash = false;
            boolean scheme = false;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                if (c == '/' && firstSlash < 0) {
                    firstSlash = i;
                    scheme = i > start && text.charAt(i - 1) == ':' && i + 1 < text.length()
                            && text.charAt(i + 1) == '/';
                } else if (c == '.' && firstSlash < 0 && i > start) {
                    dotBeforeSlash = true;
                }
                i++;
            }
            if (scheme || dotBeforeSlash && firstSlash > 0) {
                spans.add(start);
                spans.add(i);
            }
        }
        return spans.toArray();
    }

    /** A growable list of ints, without boxing every position of a long text. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
