package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.testing.Events;
import org.junit.jupiter.api.Test;

class SnsMessageTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void sendsTheTextByDefaultAndAChatNotificationToHttps() throws Exception {
        RenderedNotice rendered = RenderingFixtures.rendered(Events.sample("health-ec2-instance-reboot.json"));

        JsonNode message = MAPPER.readTree(rendered.snsMessage());

        assertThat(message.get("default").asText()).isEqualTo(rendered.text());
        JsonNode chat = MAPPER.readTree(message.get("https").asText());
        assertThat(chat.get("version").asText()).isEqualTo("1.0");
        assertThat(chat.get("source").asText()).isEqualTo("custom");
        assertThat(chat.at("/content/textType").asText()).isEqualTo("client-markdown");
        assertThat(chat.at("/content/title").asText()).isEqualTo(rendered.subject());
        assertThat(chat.at("/content/description").asText()).contains("あと 11 日");
        assertThat(chat.at("/content/nextSteps")).isNotEmpty();
        assertThat(chat.at("/metadata/threadId").asText()).startsWith("arn:aws:health:");
        assertThat(chat.at("/metadata/additionalContext/category").asText()).isEqualTo("SYSTEM_REBOOT");
    }

    @Test
    void fitsTheWholeDocumentInSnsLimitCountingUtf8BytesAndEscapes() throws Exception {
        // Japanese (3 bytes), newlines and quotes (escaped in JSON): the text alone would be ~600 KB
        String original = "セキュリティ\"パッチ\"\n".repeat(30_000);
        ObjectNode event = Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification", original);
        RenderedNotice rendered = RenderingFixtures.rendered(event);
        assertThat(Utf8.length(rendered.text())).isGreaterThan(SnsMessage.MAX_BYTES);

        String message = rendered.snsMessage();

        assertThat(Utf8.length(message)).isLessThanOrEqualTo(SnsMessage.MAX_BYTES).isGreaterThan(200_000);
        JsonNode parsed = MAPPER.readTree(message);
        assertThat(parsed.get("default").asText()).contains("文字を省略しました").contains("■ 識別情報");
        assertThat(parsed.get("https").asText()).contains("\"source\":\"custom\"");
    }

    @Test
    void keepsChatDescriptionsShort() throws Exception {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        var entities = ((ObjectNode) event.get("detail")).putArray("affectedEntities");
        for (int i = 0; i < 500; i++) {
            entities.addObject().put("entityValue", "i-" + "0".repeat(40) + i);
        }

        JsonNode chat = MAPPER.readTree(RenderingFixtures.rendered(event).chat());

        assertThat(chat.at("/content/description").asText().length()).isLessThanOrEqualTo(ChatNotification.MAX_DESCRIPTION);
        assertThat(chat.at("/content/description").asText()).containsOnlyOnce("ほか").contains("ほか 490件 (全 500件)");
        assertThat(chat.at("/metadata/relatedResources")).hasSize(10);
    }

    @Test
    void fitsTextFullOfControlCharactersThatJsonWritesAsSixBytes() throws Exception {
        ObjectNode event = Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification", "\u0001\u001b".repeat(200_000));
        RenderedNotice rendered = RenderingFixtures.rendered(event);

        String message = rendered.snsMessage();

        assertThat(Utf8.length(message)).isLessThanOrEqualTo(SnsMessage.MAX_BYTES).isGreaterThan(200_000);
        assertThat(MAPPER.readTree(message).get("default").asText()).contains("文字を省略しました").contains("■ 識別情報");
    }

    @Test
    void neverThrowsAndAlwaysFitsWhateverTheTextAndTheChat() throws Exception {
        String controls = "\u0000\u0001\u001f".repeat(400_000);
        String escapes = "\"\\\n".repeat(400_000);
        String japanese = "あ".repeat(400_000);
        String small = MinimalNotice.ofRaw("{}", "test").chat();
        String tooLarge = "{\"x\":\"" + "\\\"".repeat(200_000) + "\"}";
        for (String text : new String[] {controls, escapes, japanese, "", null}) {
            for (String chat : new String[] {small, tooLarge, controls, null}) {
                // A text that ignores its budget: only the last cut can make it fit.
                String message = SnsMessage.of(budget -> text, chat);

                assertThat(Utf8.length(message)).isLessThanOrEqualTo(SnsMessage.MAX_BYTES);
                JsonNode parsed = MAPPER.readTree(message);
                String sent = parsed.get("default").asText();
                if (text != null && text.length() > 100_000) {
                    int kept = sent.indexOf("\n(SNS の上限 262,144 バイト");
                    assertThat(kept).isPositive();
                    assertThat(sent).endsWith("ここから " + String.format("%,d", text.length() - kept)
                            + " 文字を省略しました。全文はメールまたは AWS Health ダッシュボードで確認してください)");
                } else {
                    assertThat(sent).isEqualTo(text == null ? "" : text);
                }
                String https = parsed.get("https").asText();
                if (chat == small) {
                    assertThat(https).isEqualTo(small);
                } else {
                    assertThat(MAPPER.readTree(https).at("/content/description").asText()).contains("SNS の上限に収まらなかった");
                }
            }
        }
    }

    @Test
    void replacesAChatNotificationTooLargeForTheMessageWithOneThatSaysSo() throws Exception {
        String message = SnsMessage.of(budget -> "本文", "{\"too\":\"" + "あ".repeat(100_000) + "\"}");

        JsonNode chat = MAPPER.readTree(MAPPER.readTree(message).get("https").asText());

        assertThat(chat.at("/content/description").asText()).contains("SNS の上限に収まらなかった");
        assertThat(MAPPER.readTree(message).get("default").asText()).isEqualTo("本文");
    }

    @Test
    void countsEscapedBytesAsJacksonWritesThem() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 0x10000; c++) {
            String one = String.valueOf((char) c);
            if (!Character.isSurrogate((char) c)) {
                assertThat(SnsMessage.escapedBytes(one)).as("U+%04X", c)
                        .isEqualTo(Utf8.length(MAPPER.writeValueAsString(one)) - 2);
            }
            all.append(one);
        }
        String emoji = new String(Character.toChars(0x1F600));
        assertThat(SnsMessage.escapedBytes(emoji)).isEqualTo(Utf8.length(MAPPER.writeValueAsString(emoji)) - 2);
        // Surrogates included, paired or not, as Utf8 counts the document that SnsMessage checks.
        assertThat(SnsMessage.escapedBytes(all.toString())).isEqualTo(Utf8.length(MAPPER.writeValueAsString(all.toString())) - 2);
    }
}
