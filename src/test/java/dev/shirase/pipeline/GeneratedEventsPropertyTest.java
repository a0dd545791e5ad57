package dev.shirase.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.budget.Budget;
import dev.shirase.deliver.Channel;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.render.MinimalNotice;
import dev.shirase.render.Outgoing;
import dev.shirase.render.Utf8;
import dev.shirase.source.EventReader;
import dev.shirase.testing.GeneratedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Generated and mutated AWS Health and RDS events (missing, null and wrong-typed fields, huge and date-dense
 * descriptions, thousands of entities, control, bidi and non-BMP characters, HTML, chat markup, nested junk, truncated
 * JSON) through the whole notice pipeline. Every case must come out as exactly one notice per channel, within every
 * channel's limits. 2,000 cases with a fixed seed in the normal build; {@code ./mvnw -Pfuzz verify} runs 100,000.
 */
class GeneratedEventsPropertyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    /** Every tag the HTML body is made of: any other "<" would be markup that came from the event. */
    private static final Pattern OUR_TAGS = Pattern.compile(
            "<(?:!DOCTYPE html|/?(?:html|head|meta|title|body|div|p|h2|ul|ol|li|pre|code|a|br|table|colgroup|col|thead|tbody|tr|th|td|strong|span)\\b)");
    private static final Pattern CHAT_MARKUP = Pattern.compile("<[!@#]|<https?:|<mailto:|\\]\\(");

    /** What one channel was given: one entry per message, each form as the real channel would build it. */
    private static final class Recorder implements Channel {
        final List<Outgoing> messages = new ArrayList<>();
        final List<String> snsMessages = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<String> htmls = new ArrayList<>();
        final List<String> chats = new ArrayList<>();

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public Delivery prepare(Outgoing message) {
            String sns = message.snsMessage();
            String text = message.text();
            String html = message.html();
            String chat = message.chat();
            return budget -> {
                messages.add(message);
                snsMessages.add(sns);
                texts.add(text);
                htmls.add(html);
                chats.add(chat);
            };
        }
    }

    @Provide
    Arbitrary<byte[]> events() {
        return GeneratedEvents.inputs();
    }

    @Property(seed = "20261130", shrinking = ShrinkingMode.BOUNDED)
    void everyInputBecomesExactlyOneNoticeWithinEveryLimit(@ForAll("events") byte[] input) throws Exception {
        Recorder recorder = new Recorder();
        JsonLog silent = JsonLog.silent();
        NoticePipeline pipeline = new NoticePipeline(Enricher.NONE, List.of(recorder), CLOCK, silent,
                new Metrics(silent, "property"));

        Outcome outcome = pipeline.process(input, Budget.of(Duration.ofSeconds(60)));

        assertThat(outcome.deliveredNowhere()).isFalse();
        assertThat(recorder.messages).hasSize(1);
        Outgoing message = recorder.messages.get(0);

        assertSubject(message.subject());
        assertSnsMessage(recorder.snsMessages.get(0), recorder.chats.get(0));
        assertHtmlEscaped(recorder.htmls.get(0));
        assertChatNeutralised(recorder.chats.get(0));
        String snsText = MAPPER.readTree(recorder.snsMessages.get(0)).get("default").asText();
        if (message instanceof MinimalNotice) {
            assertReceivedKeptOrCutStated(input, recorder.texts.get(0), snsText);
        } else {
            assertOriginalKeptOrCutStated(input, recorder.texts.get(0), snsText);
        }
    }

    private static void assertSubject(String subject) {
        assertThat(subject.length()).isLessThan(100).isPositive();
        assertThat(subject).doesNotContain("\n").doesNotContain("\r");
        subject.codePoints().forEach(c -> assertThat(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)
                .as("control or format character U+%04X in subject %s", c, subject).isFalse());
    }

    private static void assertSnsMessage(String sns, String chat) throws Exception {
        assertThat(Utf8.length(sns)).isLessThanOrEqualTo(262_144);
        JsonNode document = MAPPER.readTree(sns);
        assertThat(document.get("default").asText()).isNotBlank();
        assertThat(document.get("https").asText()).isEqualTo(chat);
    }

    private static void assertHtmlEscaped(String html) {
        Matcher tag = Pattern.compile("<").matcher(html);
        while (tag.find()) {
            assertThat(OUR_TAGS.matcher(html).region(tag.start(), html.length()).lookingAt())
                    .as("markup from the event at %d: %s", tag.start(),
                            html.substring(tag.start(), Math.min(html.length(), tag.start() + 40)))
                    .isTrue();
        }
    }

    private static void assertChatNeutralised(String chat) throws Exception {
        JsonNode root = MAPPER.readTree(chat);
        List<String> values = new ArrayList<>();
        collectText(root, values);
        for (String value : values) {
            assertThat(CHAT_MARKUP.matcher(value).find()).as("chat markup in %s", value).isFalse();
            value.codePoints().forEach(c -> assertThat(Character.getType(c) == Character.FORMAT)
                    .as("format character U+%04X in chat value", c).isFalse());
        }
        assertThat(Utf8.length(chat)).isLessThan(64 * 1024);
    }

    private static void collectText(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> collectText(child, into));
    }

    /** The English original is in the mail text whole, and in the SNS text whole or with a note of the cut. */
    /** The minimal notice carries what was received instead of the original. */
    private static void assertReceivedKeptOrCutStated(byte[] input, String text, String snsText) {
        String head = new String(input, StandardCharsets.UTF_8).strip();
        head = head.substring(0, Math.min(head.length(), 200));
        assertThat(text.contains(head) || text.contains("省略しました")).isTrue();
        assertThat(snsText.contains(head) || snsText.contains("省略しました")).isTrue();
    }

    private static void assertOriginalKeptOrCutStated(byte[] input, String text, String snsText) {
        String original = new EventReader().read(input).description().strip();
        if (original.isEmpty()) {
            return;
        }
        boolean cutStated = snsText.contains("省略しました");
        assertThat(snsText.contains(original) || cutStated).as("SNS text keeps the original or states its cut").isTrue();
        assertThat(text.contains(original) || text.contains("省略しました"))
                .as("mail text keeps the original or states its cut").isTrue();
    }
}
