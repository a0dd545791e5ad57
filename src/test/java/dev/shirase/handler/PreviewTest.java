package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.pipeline.NoticePipeline;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedNotice;
import dev.shirase.testing.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final NoticePipeline PIPELINE =
            NoticePipeline.renderOnly(Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A notice whose bodies cannot be rendered; its subject and minimal form still can. */
    private record Broken(RenderedNotice notice, Throwable defect) implements Outgoing {
        @Override
        public String subject() {
            return notice.subject();
        }

        @Override
        public String text() {
            return fail();
        }

        @Override
        public String html() {
            return fail();
        }

        @Override
        public String chat() {
            return fail();
        }

        @Override
        public String snsMessage() {
            return fail();
        }

        @Override
        public Outgoing fallback(String why) {
            return notice.fallback(why);
        }

        private String fail() {
            if (defect instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) defect;
        }
    }

    private static RenderedNotice sample(String name) {
        return PIPELINE.render(Events.sample(name));
    }

    private int print(Preview.Format format, Throwable defect) {
        RenderedNotice broken = sample("health-ec2-instance-reboot.json");
        List<Preview.Item> items = List.of(
                new Preview.Item("broken.json", broken.notice(), new Broken(broken, defect), null),
                new Preview.Item("good.json", sample("health-rds-oracle-os-update.json"), null));
        return new Preview(format, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null).print(items);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void chatPrintsTheMinimalNotificationForAFormThatFailsAndGoesOn() throws Exception {
        int errors = print(Preview.Format.CHAT, new StackOverflowError("deep"));

        assertThat(errors).isEqualTo(1);
        String[] lines = stdout().split("\n");
        assertThat(lines).hasSize(2);
        RenderedNotice broken = sample("health-ec2-instance-reboot.json");
        assertThat(lines[0]).isEqualTo(broken.fallback("could not render the notice: java.lang.StackOverflowError: deep").chat());
        assertThat(MAPPER.readTree(lines[0]).at("/content/description").asText()).contains("簡易版", "StackOverflowError");
        assertThat(lines[1]).isEqualTo(sample("health-rds-oracle-os-update.json").chat());
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("shirase: broken.json: could not render the notice")
                .contains("StackOverflowError: deep");
    }

    @Test
    void jsonReportsTheErrorAndShowsTheMinimalText() throws Exception {
        int errors = print(Preview.Format.JSON, new IllegalStateException("broken layout"));

        assertThat(errors).isEqualTo(1);
        List<JsonNode> lines = stdout().lines().map(this::parse).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("error").asText()).contains("IllegalStateException: broken layout");
        assertThat(lines.get(0).get("category").asText()).isEqualTo("SYSTEM_REBOOT");
        assertThat(lines.get(0).get("subject").asText()).startsWith("【要確認】AWS からの通知 (簡易表示)");
        assertThat(lines.get(0).get("text").asText()).contains("この通知は簡易版です");
        assertThat(lines.get(1).get("error").isNull()).isTrue();
    }

    @Test
    void textAndHtmlShowTheMinimalFormWithTheError() {
        assertThat(print(Preview.Format.TEXT, new IllegalStateException("broken layout"))).isEqualTo(1);
        assertThat(stdout()).contains("==> broken.json <==\nエラー: could not render the notice: java.lang.IllegalStateException")
                .contains("件名: 【要確認】AWS からの通知 (簡易表示)").contains("==> good.json <==\n件名: 【要対応・必須】");

        out.reset();
        assertThat(print(Preview.Format.HTML, new IllegalStateException("broken -- layout"))).isEqualTo(1);
        assertThat(stdout()).contains("<!-- error: could not render the notice: java.lang.IllegalStateException: broken - - layout -->")
                .contains("この通知は簡易版です");
    }

    private JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
