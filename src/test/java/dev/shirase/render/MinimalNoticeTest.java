package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Origin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinimalNoticeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ONE_MB = 1 << 20;

    private static Announcement hostile(String raw) {
        String huge = "<!channel>\u202E\u200B\r\n".repeat(ONE_MB / 16);
        return new Announcement(Origin.HEALTH_EVENT, huge, huge, huge, huge, huge, huge, huge, huge, huge, List.of(),
                null, huge, huge, huge, null, Map.of(), raw, huge);
    }

    private static List<MinimalNotice> hostileNotices() {
        String controls = "\u0000\u0001\u001b\"\\".repeat(ONE_MB / 2);
        String japanese = "受信".repeat(ONE_MB);
        return List.of(
                MinimalNotice.of(hostile(controls), "why\u0000".repeat(ONE_MB)),
                MinimalNotice.of(hostile(japanese), null),
                MinimalNotice.ofRaw(controls, "<!here> [x](https://evil.example)"),
                MinimalNotice.ofRaw(null, null),
                MinimalNotice.ofDigest("【要確認】\u202E" + "x".repeat(ONE_MB), japanese, "why"));
    }

    @Test
    void fitsEveryChannelsLimitWhateverItWasMadeFrom() throws Exception {
        for (MinimalNotice minimal : hostileNotices()) {
            assertThat(minimal.subject().length()).isLessThan(100);
            assertThat(minimal.subject().codePoints())
                    .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);

            String message = minimal.snsMessage();
            assertThat(Utf8.length(message)).isLessThanOrEqualTo(SnsMessage.MAX_BYTES);
            JsonNode parsed = MAPPER.readTree(message);
            assertThat(parsed.get("default").asText()).startsWith("■ 概要");

            String chat = minimal.chat();
            assertThat(Utf8.length(chat)).isLessThanOrEqualTo(ChatNotification.MAX_BYTES);
            assertThat(parsed.get("https").asText()).isEqualTo(chat);
            assertThat(chat).doesNotContain("<!", "](", "\u202E", "\u200B");
            assertThat(MAPPER.readTree(chat).at("/content/title").asText()).isEqualTo(ChatText.inline(minimal.subject()));
        }
    }

    @Test
    void saysWhatWasCutToFitTheMessage() throws Exception {
        MinimalNotice minimal = MinimalNotice.ofRaw("{\"detail\": \"" + "あ".repeat(200_000) + "\"}", "test");

        String sent = MAPPER.readTree(minimal.snsMessage()).get("default").asText();

        assertThat(sent).contains("■ まとめられなかった理由\ntest").contains("■ 受信した内容\n{\"detail\": \"あ")
                .containsPattern("\\(上限に収めるため、受信した内容のここから [0-9,]+ 文字を省略しました\\)");
        assertThat(minimal.text()).doesNotContain("省略しました");
    }

    @Test
    void itsTextStaysWithinAnyBudget() {
        MinimalNotice minimal = MinimalNotice.of(hostile("受信".repeat(1000)), "why");

        for (int budget : new int[] {0, 10, 100, 1_000, 5_000, 100_000}) {
            assertThat(Utf8.length(minimal.text(budget))).as("budget %d", budget).isLessThanOrEqualTo(budget);
        }
    }

    @Test
    void shortensTheIdentityOfTheEvent() {
        MinimalNotice minimal = MinimalNotice.of(hostile("{}"), "why");

        assertThat(minimal.summary().lines().filter(line -> line.startsWith("イベント ARN: ")))
                .singleElement().satisfies(line -> assertThat(line).hasSize("イベント ARN: ".length() + Shorten.MAX_ID_CHARS));
    }
}
