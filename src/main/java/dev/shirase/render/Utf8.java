package dev.shirase.render;

import java.util.function.IntUnaryOperator;

/** UTF-8 byte counts: AWS limits are in bytes, and a Japanese character takes three. */
public final class Utf8 {
    private Utf8() {
    }

    public static int length(String s) {
        return length(s, Utf8::size);
    }

    /** The bytes {@code s} takes with each character sized by {@code bytesOf}. */
    static int length(String s, IntUnaryOperator bytesOf) {
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int codePoint = s.codePointAt(i);
            bytes += bytesOf.applyAsInt(codePoint);
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    /** The longest prefix of {@code s} that fits in {@code maxBytes}, never splitting a character. */
    public static String truncate(String s, int maxBytes) {
        return truncate(s, maxBytes, Utf8::size);
    }

    /**
     * The longest prefix of {@code s} whose characters, sized by {@code bytesOf} (UTF-8, or UTF-8 once escaped as JSON),
     * fit in {@code maxBytes}, never splitting a character.
     */
    static String truncate(String s, int maxBytes, IntUnaryOperator bytesOf) {
        if (maxBytes <= 0) {
            return "";
        }
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int codePoint = s.codePointAt(i);
            int size = bytesOf.applyAsInt(codePoint);
            if (bytes + size > maxBytes) {
                return s.substring(0, i);
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return s;
    }

    /** The UTF-8 bytes of one character; a lone surrogate counts as the 3 bytes an encoder writes in its place. */
    static int size(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
