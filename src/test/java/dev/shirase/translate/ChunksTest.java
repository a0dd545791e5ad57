package dev.shirase.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.translate.Chunks.Chunk;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Cutting AWS's text into pieces a translation request takes, and putting it back together. */
class ChunksTest {

    private static String joined(List<Chunk> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.text()).append(c.after()));
        return text.toString();
    }

    @Test
    void aShortTextIsOnePiece() {
        String text = "First paragraph.\n\nSecond paragraph.";

        assertThat(Chunks.of(text, Chunks.TRANSLATE_MAX_BYTES)).containsExactly(new Chunk(text, ""));
    }

    @Test
    void paragraphsAreKeptWholeAndPackedUpToTheLimit() {
        String a = "a".repeat(40) + ".";
        String b = "b".repeat(40) + ".";
        String c = "c".repeat(40) + ".";
        String text = a + "\n\n" + b + "\n\n" + c;

        List<Chunk> chunks = Chunks.of(text, 90);

        assertThat(chunks).containsExactly(new Chunk(a + "\n\n" + b, "\n\n"), new Chunk(c, ""));
        assertThat(joined(chunks)).isEqualTo(text);
    }

    @Test
    void aParagraphTooLongIsCutBetweenSentencesThenWords() {
        String text = "One two three. Four five six. " + "seven ".repeat(5).strip();

        List<Chunk> chunks = Chunks.of(text, 15);

        assertThat(chunks).extracting(Chunk::text).containsExactly("One two three.", "Four five six.", "seven seven",
                "seven seven", "seven");
        assertThat(joined(chunks)).isEqualTo(text);
    }

    @Test
    void aWordLongerThanAPieceIsCutBetweenCharactersNeverInsideOne() {
        String text = "ああああ"; // 3 bytes each

        List<Chunk> chunks = Chunks.of(text, 7);

        assertThat(chunks).extracting(Chunk::text).containsExactly("ああ", "ああ");
        assertThatThrownBy(() -> Chunks.of(text, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> awsLikeText() {
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().withChars("メンテナンス必須日本語😀").ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("13.12", "2026-12-05", "https://docs.aws.amazon.com/rds/", "i-0a1b2c3d4e5f67890"));
        Arbitrary<String> gap = Arbitraries.of(" ", " ", " ", ". ", ".\n", "\n\n", "\n \n", "  ");
        return Arbitraries.lazy(() -> word.list().ofMinSize(1).ofMaxSize(80).flatMap(words -> gap.list()
                .ofSize(words.size()).map(gaps -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < words.size(); i++) {
                        text.append(words.get(i));
                        if (i < words.size() - 1) {
                            text.append(gaps.get(i));
                        }
                    }
                    return text.toString();
                })));
    }

    @Property(tries = 300)
    void everyPieceFitsAndTogetherTheyAreTheOriginal(@ForAll("awsLikeText") String text,
            @ForAll @IntRange(min = 4, max = 200) int maxBytes) {
        List<Chunk> chunks = Chunks.of(text, maxBytes);

        assertThat(chunks).allSatisfy(c -> {
            assertThat(Chunks.bytes(c.text())).isLessThanOrEqualTo(maxBytes);
            assertThat(c.text()).isNotBlank();
        });
        assertThat(joined(chunks)).isEqualTo(text.stripLeading());
    }
}
