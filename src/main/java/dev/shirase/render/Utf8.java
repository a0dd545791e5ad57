package dev.shirase.render;

import java.util.Arrays;

/** UTF-8 byte counts: AWS limits are in bytes, and a Japanese character takes three. */
public final class Utf8 {
    /** The bytes of each ASCII character in UTF-8: one. */
    private static final byte[] ASCII = new byte[128];

    static {
        Arrays.fill(ASCII, (byte) 1);
    }

    private Utf8() {
    }

    public static int length(String s) {
        return length(s, 0, s.length(), ASCII);
    }

    /** The bytes of the chars from {@code from} to {@code to}. */
    static int length(String s, int from, int to) {
        return length(s, from, to, ASCII);
    }

    /**
     * The bytes {@code s} takes in UTF-8, each ASCII character sized by {@code ascii} instead (as JSON escapes some);
     * a lone surrogate counts as the 3 bytes an encoder writes in its place. A loop over the chars with a table rather
     * than a function per code point: the digest measures megabytes of text, and C1 does not inline such a call.
     */
    static int length(String s, byte[] ascii) {
        return length(s, 0, s.length(), ascii);
    }

    private static int length(String s, int from, int to, byte[] ascii) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += ascii[c];
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The longest prefix of {@code s} that fits in {@code maxBytes}, never splitting a character. */
    public static String truncate(String s, int maxBytes) {
        return truncate(s, maxBytes, ASCII);
    }

    /**
     * The longest prefix of {@code s} whose characters, sized as {@link #length(String, byte[])} sizes them, fit in
     * {@code maxBytes}, never splitting a character.
     */
    static String truncate(String s, int maxBytes, byte[] ascii) {
        if (maxBytes <= 0) {
            return "";
        }
        int bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
            int size = pair ? 4 : c < 0x80 ? ascii[c] : c < 0x800 ? 2 : 3;
            if (bytes + size > maxBytes) {
                return s.substring(0, i);
            }
            bytes += size;
            i += pair ? 2 : 1;
        }
        return s;
    }
}
