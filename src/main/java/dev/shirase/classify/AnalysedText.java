package dev.shirase.classify;

/**
 * The part of an English text that is analysed, and the same lower-cased once, character for character, so that an
 * index found in one is the same place in the other.
 *
 * @param original the head of the text, at most {@link TextLimits#maxChars()} long, not ending inside a surrogate
 *                 pair
 * @param lower    {@code original} lower-cased code point by code point
 */
public record AnalysedText(String original, String lower) {

    public AnalysedText {
        if (original.length() != lower.length()) {
            throw new IllegalArgumentException("the lower-cased text must keep every index of the original");
        }
    }

    /** The head of the text that production reads ({@link TextLimits#MAX_CHARS}); null reads as empty. */
    public static AnalysedText of(String text) {
        return of(text, TextLimits.MAX_CHARS);
    }

    static AnalysedText of(String text, int maxChars) {
        String head = head(text == null ? "" : text, maxChars);
        return new AnalysedText(head, lowerCase(head));
    }

    private static String head(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * Like {@code toLowerCase(Locale.ROOT)} for English, but never changes the length ({@code İ} becomes {@code i},
     * not {@code i̇}): dates and sentences found in the lower-cased text are cut from the original at the same indices.
     */
    private static String lowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int lowerCodePoint = Character.toLowerCase(codePoint);
            lower.appendCodePoint(Character.charCount(lowerCodePoint) == Character.charCount(codePoint)
                    ? lowerCodePoint : codePoint);
            i += Character.charCount(codePoint);
        }
        return lower.toString();
    }
}
