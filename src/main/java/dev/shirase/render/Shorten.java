package dev.shirase.render;

/**
 * Values shortened to a number of characters (UTF-16 units, as SNS and the chat platforms count them), marked with an
 * ellipsis and never splitting a surrogate pair. Event values are data of any length: where one is shown among text
 * that is never cut, it is shortened here so that text stays bounded.
 */
final class Shorten {
    static final String ELLIPSIS = "…";
    /** Ids, ARNs and codes longer than this are shown shortened: real ones are far shorter (an ARN is ~100). */
    static final int MAX_ID_CHARS = 256;

    private Shorten() {
    }

    /** The start of {@code s} and an ellipsis, within {@code max} characters. */
    static String end(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        if (max <= ELLIPSIS.length()) {
            return ELLIPSIS.substring(0, Math.max(max, 0));
        }
        return head(s, max - ELLIPSIS.length()) + ELLIPSIS;
    }

    /**
     * The start and the end of {@code s} around an ellipsis, within {@code max} characters: an ARN is named by its end
     * ({@code ...:db:orders-db}) and placed by its start, so both stay.
     */
    static String middle(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        if (max <= ELLIPSIS.length() + 1) {
            return end(s, max);
        }
        int room = max - ELLIPSIS.length();
        int tailLength = room / 2;
        return head(s, room - tailLength) + ELLIPSIS + tail(s, tailLength);
    }

    /** An id, ARN or code as shown in a notice: at most {@link #MAX_ID_CHARS} characters. */
    static String id(String s) {
        return middle(s, MAX_ID_CHARS);
    }

    private static String head(String s, int length) {
        int end = length;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String tail(String s, int length) {
        int start = s.length() - length;
        if (start < s.length() && Character.isLowSurrogate(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }
}
