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
}
