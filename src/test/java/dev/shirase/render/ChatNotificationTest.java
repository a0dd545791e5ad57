package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.testing.Events;
import java.io.IOException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChatNotificationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ONE_MB = 1 << 20;

    private static ObjectNode reboot() {
        return Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
    }

    private static ObjectNode detail(ObjectNode event) {
        return (ObjectNode) event.get("detail");
    }

    /** The chat notification as SNS carries it to https subscribers. */
    private static String published(ObjectNode event) throws IOException {
        return MAPPER.readTree(RenderingFixtures.rendered(event).snsMessage()).get("https").asText();
    }

    @Test
    void noEventValueActsAsChatMarkupWhileOurHeadingsStay() throws IOException {
        ObjectNode event = reboot();
        String hostile = "<!channel> <!here> <@U123> <https://evil.example|click> [docs](https://evil.example) @here";
        detail(event).put("eventRegion", "ap-northeast-1 " + hostile);
        detail(event).put("eventTypeCode", "AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED" + hostile);
        ArrayNode entities = detail(event).putArray("affectedEntities");
        entities.addObject().put("entityValue", "i-1 " + hostile).put("status", "PENDING " + hostile);
        entities.addObject().put("entityValue", "*bold* `code` _it_ ~x~\n# heading\n" + hostile);

        String chat = published(event);

        assertThat(chat).doesNotContain("<!", "<@", "<http", "](", "@here", "`", "<", ">");
        JsonNode parsed = MAPPER.readTree(chat);
        String description = parsed.at("/content/description").asText();
        assertThat(description).contains("■ 対象リソース", "■ 日時", "■ 影響", "\n- i-1 ＜!channel＞")
                .doesNotContain("*bold*", "\n# heading");
        assertThat(parsed.at("/metadata/relatedResources/0").asText()).startsWith("i-1 ＜!channel＞ ＜!here＞ ＜＠U123＞");
        assertThat(parsed.at("/content/keywords").toString()).contains("ap-northeast-1 ＜!channel＞");
    }

    @Test
    void countsTheResourcesItDidNotListOnce() throws IOException {
        ObjectNode event = reboot();
        ArrayNode entities = detail(event).putArray("affectedEntities");
        for (int i = 0; i < 1500; i++) {
            entities.addObject().put("entityValue", "i-" + i).put("status", i < 1000 ? "PENDING" : "RESOLVED");
        }

        String description = MAPPER.readTree(published(event)).at("/content/description").asText();

        assertThat(description.lines().filter(line -> line.startsWith("- i-"))).hasSize(ChatNotification.LISTED_LINES);
        assertThat(description).containsOnlyOnce("ほか").contains("ほか 1490件 (全 1500件)。")
                .contains("対応待ち 1000件、解決済み 500件");
    }

    @Test
    void aFewResourcesMoreThanTheChatListsAreCountedToo() throws IOException {
        ObjectNode event = reboot();
        ArrayNode entities = detail(event).putArray("affectedEntities");
        for (int i = 0; i < 12; i++) {
            entities.addObject().put("entityValue", "i-" + i);
        }

        String description = MAPPER.readTree(published(event)).at("/content/description").asText();

        assertThat(description).containsOnlyOnce("ほか").contains("- i-9\nほか 2件 (全 12件)。\n");
    }

    @Test
    void usesNoMarkupThatSlackAndTeamsReadDifferently() throws IOException {
        String description = MAPPER.readTree(published(reboot())).at("/content/description").asText();

        // Slack bolds *x* where Teams italicises it; Teams bolds **x**, which Slack shows with its asterisks; Teams'
        // cards show `code` as typed. Headings are plain ■ lines, lists "- " lines, blocks apart by a blank line.
        assertThat(description).doesNotContain("*", "`", "•")
                .contains("\n\n■ 対象リソース: ", "\n\n■ 日時\n- ", "\n\n■ 影響\n");
    }

    @Test
    void stepsCarryTheirCommandsWhole() throws IOException {
        RenderedNotice rendered = RenderingFixtures.pendingOsUpdate();

        JsonNode steps = MAPPER.readTree(rendered.chat()).at("/content/nextSteps");

        assertThat(steps.get(0).asText()).isEqualTo(rendered.content().steps().get(0).text() + " "
                + "aws rds apply-pending-maintenance-action --region ap-northeast-1 --resource-identifier "
                + "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db --apply-action system-update --opt-in-type immediate");
        assertThat(steps.toString()).doesNotContain("`");
    }

    @Test
    void theChatTitleHasNoBidirectionalOrZeroWidthCharacters() throws IOException {
        ObjectNode event = reboot();
        detail(event).putArray("affectedEntities").addObject().put("entityValue", "db-\u202Edorp\u202C\u200B\uFEFF\u2066x");

        JsonNode chat = MAPPER.readTree(published(event));

        assertThat(chat.at("/content/title").asText()).contains("db-dorpx").doesNotContain("\u202E", "\u200B", "\uFEFF", "\u2066");
        assertThat(chat.at("/metadata/summary").asText()).contains("db-dorpx");
    }

    @Test
    void staysWithinItsStatedSizeWhateverTheEventHolds() throws IOException {
        assertWithinBound(e -> detail(e).put("eventArn", "arn:aws:health:ap-northeast-1::event/EC2/" + "a".repeat(ONE_MB)));
        assertWithinBound(e -> detail(e).putArray("affectedEntities").addObject().put("entityValue", "あ".repeat(ONE_MB)));
        assertWithinBound(e -> detail(e).putArray("affectedEntities").addObject().put("entityValue", "\"\\".repeat(ONE_MB)));
        assertWithinBound(e -> {
            ArrayNode entities = detail(e).putArray("affectedEntities");
            for (int i = 0; i < 50_000; i++) {
                entities.addObject().put("entityValue", "i-" + "0".repeat(40) + i).put("status", "S" + i);
            }
        });
        assertWithinBound(e -> detail(e).putArray("affectedEntities").addObject()
                .put("entityValue", "\u0001\u001b".repeat(ONE_MB / 2)).put("status", "\u0007".repeat(ONE_MB)));
        assertWithinBound(e -> detail(e).put("eventTypeCode", "AWS_" + "X".repeat(ONE_MB)).put("eventRegion", "r".repeat(ONE_MB))
                .put("service", "S".repeat(ONE_MB)));
        assertWithinBound(e -> e.put("id", "\u0000".repeat(ONE_MB)).put("account", "9".repeat(ONE_MB)));
    }

    private static void assertWithinBound(Consumer<ObjectNode> hostile) throws IOException {
        ObjectNode event = reboot();
        hostile.accept(event);
        RenderedNotice rendered = RenderingFixtures.rendered(event);

        String chat = rendered.chat();

        assertThat(Utf8.length(chat)).isLessThanOrEqualTo(ChatNotification.MAX_BYTES);
        JsonNode parsed = MAPPER.readTree(chat);
        assertThat(parsed.at("/content/description").asText()).contains("■ 日時", "■ 影響");
        assertThat(Utf8.length(rendered.snsMessage())).isLessThanOrEqualTo(SnsMessage.MAX_BYTES);
    }

    @Test
    void theStatedSizeHoldsWithEveryFieldFullOfTheLongestCharacters() {
        // Each value far over its cap, of characters that take the most bytes: 3 of UTF-8, or 2 once escaped.
        String longest = "あ\"".repeat(10_000);
        ChatNotification.Builder chat = new ChatNotification.Builder(longest, longest + "\n".repeat(10_000))
                .id(longest).threadId(longest).summary(longest).eventType(longest);
        for (int i = 0; i < 20; i++) {
            chat.nextStep(longest).keyword(longest).relatedResource(longest).context(i + longest, longest);
        }

        String json = chat.json();

        assertThat(Utf8.length(json)).isLessThanOrEqualTo(ChatNotification.MAX_BYTES).isGreaterThan(ChatNotification.MAX_BYTES / 2);
    }

    @Test
    void capsEveryField() throws IOException {
        String longest = "x".repeat(10_000);
        ChatNotification.Builder chat = new ChatNotification.Builder(longest, longest)
                .id(longest).threadId(longest).summary(longest).eventType(longest);
        for (int i = 0; i < 20; i++) {
            chat.nextStep(longest).keyword(longest).relatedResource(longest).context("k" + i, longest);
        }

        JsonNode json = MAPPER.readTree(chat.json());

        assertThat(json.at("/content/title").asText()).hasSize(ChatNotification.MAX_TITLE).endsWith("…");
        assertThat(json.at("/content/description").asText()).hasSize(ChatNotification.MAX_DESCRIPTION);
        assertThat(json.at("/id").asText()).hasSize(ChatNotification.MAX_ID).contains("…");
        assertThat(json.at("/metadata/threadId").asText()).hasSize(ChatNotification.MAX_ID);
        assertThat(json.at("/content/nextSteps")).hasSize(ChatNotification.MAX_STEPS)
                .allSatisfy(step -> assertThat(step.asText()).hasSize(ChatNotification.MAX_STEP));
        assertThat(json.at("/content/keywords")).hasSize(ChatNotification.MAX_KEYWORDS);
        assertThat(json.at("/metadata/relatedResources")).hasSize(ChatNotification.MAX_RELATED);
        assertThat(json.at("/metadata/additionalContext")).hasSize(ChatNotification.MAX_CONTEXT);
    }

    @Test
    void aLongEventArnKeepsTheLinksWorking() throws IOException {
        ObjectNode event = reboot();
        detail(event).put("eventArn", "arn:aws:health:ap-northeast-1::event/EC2/" + "a".repeat(5_000));

        JsonNode chat = MAPPER.readTree(published(event));

        assertThat(chat.at("/content/nextSteps").toString())
                .contains("AWS Health ダッシュボード: https://health.aws.amazon.com/health/home#/account/event-log\"");
        assertThat(chat.at("/metadata/threadId").asText()).hasSize(ChatNotification.MAX_ID).contains("…")
                .startsWith("arn:aws:health:ap-northeast-1::event/EC2/");
    }
}
