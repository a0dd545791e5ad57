package dev.shirase.render;

/** UTF-8 byte counts: AWS limits are in bytes, and a Japanese character takes three. */
public final class Utf8 {
    private Utf8() {
    }

    public static int length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int codePoint = s.codePointAt(i);
            bytes += size(codePoint);
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    /** The longest prefix of {@code s} that fits in {@code maxBytes}, never splitting a character. */
    public static String truncate(String s, int maxBytes) {
        if (maxBytes <= 0) {
            return "";
        }
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int codePoint = s.codePointAt(i);
            int size = size(codePoint);
            if (bytes + size > maxBytes) {
                return s.substring(0, i);
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return s;
    }

    private static int size(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
