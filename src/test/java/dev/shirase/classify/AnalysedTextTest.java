package dev.shirase.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalysedTextTest {

    @Test
    void readsTheTextUpToTheCap() {
        String text = "a".repeat(TextLimits.MAX_CHARS) + "beyond";

        assertThat(AnalysedText.of(text).original()).hasSize(TextLimits.MAX_CHARS).doesNotContain("beyond");
        assertThat(AnalysedText.of("Short.").original()).isEqualTo("Short.");
        assertThat(AnalysedText.of(null).original()).isEmpty();
    }

    @Test
    void theCapNeverCutsASurrogatePairInTwo() {
        String emoji = "\uD83D\uDE00";

        assertThat(AnalysedText.of(emoji.repeat(10), 5).original()).isEqualTo(emoji.repeat(2));
        assertThat(AnalysedText.of(emoji.repeat(10), 6).original()).isEqualTo(emoji.repeat(3));
    }

    @Test
    void lowerCasesCharacterForCharacterSoThatIndicesAgree() {
        // "İ" lower-cases to two chars with String.toLowerCase; here to one. "𐐀" (U+10400) is outside the BMP.
        AnalysedText text = AnalysedText.of("İSTANBUL Will Upgrade \uD801\uDC00 On March 3");

        assertThat(text.lower()).isEqualTo("istanbul will upgrade \uD801\uDC28 on march 3");
        assertThat(text.lower()).hasSameSizeAs(text.original());
    }
}
