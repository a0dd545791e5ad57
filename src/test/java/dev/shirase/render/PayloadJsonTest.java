package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.testing.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SNS message structure and the chat notification to the byte. The expected documents were taken from the
 * renderers when they built a Jackson tree of each document.
 */
class PayloadJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aChatNotificationWithEveryField() {
        String json = new ChatNotification.Builder("件名 \"引用\" \\ 🙂", "■ 概要\n本文 \"q\" \\ back\n- 行\t 🙂")
                .id("id-1").threadId("arn:aws:health:ap-northeast-1::event/RDS/X/Y").summary("要約")
                .eventType("AWS_RDS_X").nextStep("手順 1").nextStep("手順 \"2\"").keyword("必須").keyword("RDS")
                .relatedResource("db-1").relatedResource("db-2").context("category", "OS_UPDATE")
                .context("deadline", "2026-12-07T09:00+09:00").json();

        assertThat(json).isEqualTo("{\"version\":\"1.0\",\"source\":\"custom\",\"id\":\"id-1\","
                + "\"content\":{\"textType\":\"client-markdown\",\"title\":\"件名 \\\"引用\\\" \\\\ 🙂\","
                + "\"description\":\"■ 概要\\n本文 \\\"q\\\" \\\\ back\\n- 行  🙂\","
                + "\"nextSteps\":[\"手順 1\",\"手順 \\\"2\\\"\"],\"keywords\":[\"必須\",\"RDS\"]},"
                + "\"metadata\":{\"threadId\":\"arn:aws:health:ap-northeast-1::event/RDS/X/Y\",\"summary\":\"要約\","
                + "\"eventType\":\"AWS_RDS_X\",\"relatedResources\":[\"db-1\",\"db-2\"],"
                + "\"additionalContext\":{\"category\":\"OS_UPDATE\",\"deadline\":\"2026-12-07T09:00+09:00\"}}}");
    }

    @Test
    void aChatNotificationWithOnlyATitleAndADescription() {
        String json = new ChatNotification.Builder("件名", "本文").id(" ").nextStep("").json();

        assertThat(json).isEqualTo("{\"version\":\"1.0\",\"source\":\"custom\","
                + "\"content\":{\"textType\":\"client-markdown\",\"title\":\"件名\",\"description\":\"本文\"},"
                + "\"metadata\":{}}");
    }

    @Test
    void theSnsMessageStructure() {
        String chat = new ChatNotification.Builder("件名", "本文").json();

        String message = SnsMessage.of(budget -> "本文 \"q\" \\ /\n\u0001\u001f 🙂 \u2028", chat);

        assertThat(message).isEqualTo("{\"default\":\"本文 \\\"q\\\" \\\\ /\\n\\u0001\\u001F 🙂 \u2028\","
                + "\"https\":\"{\\\"version\\\":\\\"1.0\\\",\\\"source\\\":\\\"custom\\\","
                + "\\\"content\\\":{\\\"textType\\\":\\\"client-markdown\\\",\\\"title\\\":\\\"件名\\\","
                + "\\\"description\\\":\\\"本文\\\"},\\\"metadata\\\":{}}\"}");
    }

    /** Every sample's message and chat notification are written exactly as a Jackson tree of them is. */
    @Test
    void everySampleIsWrittenAsItsTreeIs() throws Exception {
        List<Path> samples = Events.notifierSamples();
        assertThat(samples).hasSizeGreaterThan(10);
        for (Path sample : samples) {
            RenderedNotice rendered = RenderingFixtures.rendered(Files.readAllBytes(sample));
            String message = rendered.snsMessage();
            JsonNode tree = MAPPER.readTree(message);
            assertThat(message).as(sample.toString()).isEqualTo(tree.toString());
            assertThat(tree.fieldNames()).toIterable().containsExactly("default", "https");
            assertThat(tree.get("https").asText()).isEqualTo(rendered.chat())
                    .isEqualTo(MAPPER.readTree(rendered.chat()).toString());
        }
    }
}
