package dev.shirase.log;

import java.util.regex.Pattern;

/**
 * What may go into a log line or an error message: no e-mail addresses (SES errors name the sender and recipients)
 * and no long values (a payload, a description). Linear in the input: it looks at a bounded head of it only.
 */
public final class Redaction {
    /** Longest value kept whole; longer ones are cut and say how long they were. */
    public static final int MAX_CHARS = 500;
    private static final int LOOKED_AT = 4 * MAX_CHARS;
    // Starts only where a run of address characters starts, so each run is scanned once.
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)++");
    static final String ADDRESS_MARK = "<address>";

    private Redaction() {
    }

    /** The value without e-mail addresses, cut to {@link #MAX_CHARS}; null stays null. */
    public static String value(String text) {
        if (text == null) {
            return null;
        }
        String head = text.length() > LOOKED_AT ? text.substring(0, LOOKED_AT) : text;
        String clean = ADDRESS.matcher(head).replaceAll(ADDRESS_MARK);
        if (clean.length() <= MAX_CHARS && head.length() == text.length()) {
            return clean;
        }
        int end = Math.min(MAX_CHARS, clean.length());
        if (end > 0 && Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + "…(" + text.length() + " chars)";
    }
}
