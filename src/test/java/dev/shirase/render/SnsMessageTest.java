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
        assertThat(chat.at("/content/description").asText()).contains("ほか 90件");
        assertThat(chat.at("/metadata/relatedResources")).hasSize(10);
    }
}
