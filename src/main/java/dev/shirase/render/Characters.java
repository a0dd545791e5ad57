package dev.shirase.render;

/**
 * Characters that must not reach a reader unseen. Event text may carry controls, and format characters that reorder
 * text (bidirectional overrides such as U+202E) or hide it (zero-width spaces and joiners, U+FEFF): in a subject or a
 * chat message they make a resource name read as something else. Those are removed; line breaks become one kind.
 */
final class Characters {
    private static final int REPLACEMENT = 0xFFFD;

    private Characters() {
    }

    /**
     * Unicode format characters (category Cf: bidirectional controls, zero-width space, joiners, word joiner, BOM,
     * soft hyphen, tag characters), the combining grapheme joiner, and the Hangul fillers, which show as blank letters.
     */
    static boolean isInvisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT
                || codePoint == 0x034F
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0;
    }

    static boolean isLineBreak(int codePoint) {
        return switch (codePoint) {
            case '\n', '\r', 0x0B, 0x0C, 0x85, 0x2028, 0x2029 -> true;
            default -> false;
        };
    }

    /**
     * {@code s} with invisible characters removed, line breaks as {@code \n} ({@code \r\n} counts once) or as a space
     * when {@code keepLineBreaks} is false, other controls (tabs included) as spaces, and a lone surrogate, which no
     * encoder can write, as U+FFFD.
     */
    /**
     * A phrase to follow Japanese text: with a space before it when it opens with a Latin letter or digit
     * ({@code の OS アップデート}, {@code 目安は Single-AZ ...}), as Japanese writes it.
     */
    static String afterJapanese(String phrase) {
        return !phrase.isEmpty() && phrase.charAt(0) < 0x80 ? " " + phrase : phrase;
    }

    static String visible(String s, boolean keepLineBreaks) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (isLineBreak(c)) {
                if (c == '\r' && i < s.length() && s.charAt(i) == '\n') {
                    i++;
                }
                out.append(keepLineBreaks ? '\n' : ' ');
            } else if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (Character.getType(c) == Character.SURROGATE) {
                out.appendCodePoint(REPLACEMENT);
            } else if (!isInvisible(c)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
