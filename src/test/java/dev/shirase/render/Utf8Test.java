package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void countsBytesAsTheEncoderWritesThem() {
        String s = "aé東😀";
        assertThat(Utf8.length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length).isEqualTo(10);
    }

    @Test
    void neverSplitsACharacter() {
        assertThat(Utf8.truncate("東京", 5)).isEqualTo("東");
        assertThat(Utf8.truncate("a😀b", 4)).isEqualTo("a");
        assertThat(Utf8.truncate("a😀b", 5)).isEqualTo("a😀");
        assertThat(Utf8.truncate("abc", 10)).isEqualTo("abc");
        assertThat(Utf8.truncate("abc", 0)).isEmpty();
    }

    @Test
    void aLoneSurrogateCountsAsThreeBytesAndAPairAsFour() {
        // a, a high surrogate alone, a pair, a low one alone, b, a low and a high in the wrong order
        assertThat(Utf8.length("a\uD83D\uD83D\uDE00\uDE00b\uDE00\uD83D")).isEqualTo(1 + 3 + 4 + 3 + 1 + 3 + 3);
        assertThat(Utf8.truncate("\uD83D\uD83D\uDE00", 6)).isEqualTo("\uD83D");
        assertThat(Utf8.truncate("\uD83D\uD83D\uDE00", 7)).isEqualTo("\uD83D\uD83D\uDE00");
    }

    @Test
    void countsAndCutsAsSizingEachCodePointDoes() {
        char[] pool = {'a', '"', '\n', '\u0001', '\u007f', '\u0080', 'é', '\u07ff', '\u0800', '東', '\uffff', '\uD83D',
                '\uDE00', '\uDBFF', '\uDFFF'};
        java.util.Random random = new java.util.Random(7);
        for (int run = 0; run < 2_000; run++) {
            char[] chars = new char[random.nextInt(12)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = pool[random.nextInt(pool.length)];
            }
            String s = new String(chars);
            assertThat(Utf8.length(s)).as(s).isEqualTo(byCodePoint(s, s.length()));
            for (int max = -1; max <= byCodePoint(s, s.length()) + 1; max++) {
                String cut = Utf8.truncate(s, max);
                assertThat(s).startsWith(cut);
                assertThat(byCodePoint(s, cut.length())).isLessThanOrEqualTo(Math.max(max, 0));
                if (cut.length() < s.length()) {
                    int next = cut.length() + Character.charCount(s.codePointAt(cut.length()));
                    assertThat(byCodePoint(s, next)).as("the next character does not fit").isGreaterThan(max);
                }
            }
        }
    }

    /** The UTF-8 bytes of the first {@code end} chars, a code point at a time; a lone surrogate as 3. */
    private static int byCodePoint(String s, int end) {
        int bytes = 0;
        for (int i = 0; i < end; ) {
            int c = s.codePointAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            i += Character.charCount(c);
        }
        return bytes;
    }
}
