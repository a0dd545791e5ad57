package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.testing.Events;
import org.junit.jupiter.api.Test;

class NoticeContentTest {
    private static final int ONE_MB = 1 << 20;

    @Test
    void shortensIdsInTheJapanesePartsButNotTheOriginal() {
        String arn = "arn:aws:health:ap-northeast-1::event/EC2/" + "e".repeat(ONE_MB) + "/tail";
        String id = "arn:aws:ec2:ap-northeast-1:123456789012:instance/" + "i".repeat(ONE_MB) + "-end";
        String original = "Reboot " + "x".repeat(ONE_MB) + " done.";
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", original);
        ((ObjectNode) event.get("detail")).put("eventArn", arn);
        ((ObjectNode) event.get("detail")).putArray("affectedEntities").addObject().put("entityValue", id).put("status", "PENDING");

        RenderedNotice rendered = RenderingFixtures.rendered(event);
        NoticeContent c = rendered.content();

        assertThat(c.resourceLines()).singleElement().satisfies(line -> assertThat(line)
                .hasSize(Shorten.MAX_ID_CHARS + " (対応待ち)".length())
                .startsWith("arn:aws:ec2:ap-northeast-1:123456789012:instance/iii").endsWith("iii-end (対応待ち)").contains("…"));
        assertThat(c.identifiers()).anySatisfy(line -> assertThat(line)
                .isEqualTo("イベント ARN: " + Shorten.id(arn)).hasSize("イベント ARN: ".length() + Shorten.MAX_ID_CHARS));
        assertThat(c.links()).allSatisfy(link -> assertThat(link.url().length()).isLessThan(1_000));
        assertThat(c.original()).isEqualTo(original);
        assertThat(rendered.text()).contains(original);
    }

    @Test
    void keepsTheUncuttablePartsBoundedForManyEntitiesOfUnknownStatus() {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        ArrayNode entities = ((ObjectNode) event.get("detail")).putArray("affectedEntities");
        for (int i = 0; i < 50_000; i++) {
            entities.addObject().put("entityValue", "i-" + i).put("status", "STATUS_" + i);
        }

        NoticeContent c = RenderingFixtures.rendered(event).content();

        assertThat(c.resourceLines()).hasSize(NoticeContent.LISTED_RESOURCES);
        assertThat(c.resourceNote()).contains("ほか 49900件 (全 50000件)。 内訳: その他の状態 50000件。");
    }

    @Test
    void aTitleWithItsOwnQualifierIsNotPutInsideSecondParentheses() {
        NoticeContent c = RenderingFixtures.rendered(Events.sample("rds-event-0155-minor-version-available.json"))
                .content();

        assertThat(c.classification()).startsWith("エンジンバージョンのアップグレード (マイナーバージョンアップグレード) / 任意。");
        for (String text : new String[] {c.summary(), c.classification()}) {
            assertThat(text).doesNotContainPattern("\\([^()]*\\(");
        }
    }

    @Test
    void aPlainTitleIsParenthesisedAsItIs() {
        assertThat(NoticeContent.parenthesised("セキュリティアップグレード")).isEqualTo("(セキュリティアップグレード)");
        assertThat(NoticeContent.parenthesised("インスタンスのリタイア (前倒し)")).isEqualTo("(インスタンスのリタイア、前倒し)");
    }
}
