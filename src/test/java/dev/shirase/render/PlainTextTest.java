package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.testing.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void followsTheStyleGuideOrder() {
        String text = RenderingFixtures.rendered(Events.sample("health-rds-aurora-postgresql-security-upgrade.json")).text();

        List<String> headings = text.lines().filter(l -> l.startsWith("■ ")).toList();
        assertThat(headings).extracting(h -> h.replaceAll("(: | \\().*", "")).containsExactly(
                "■ 概要", "■ 区分", "■ 対象リソース", "■ 日時", "■ 影響", "■ 推奨対応", "■ 原文", "■ リンク", "■ 識別情報");
        assertThat(text)
                .contains("■ 対象リソース: 2件 / アカウント 123456789012 / ap-northeast-1 (東京)")
                .contains("- app-aurora-pg-instance-1 (対応待ち)")
                .contains("自動適用開始: 2027年3月3日(水) 以降の最初のメンテナンスウィンドウ (あと 99 日)")
                .contains("必須")
                .contains("https://health.aws.amazon.com/health/home#/account/event-log?eventID=arn:aws:health:")
                .contains("https://ap-northeast-1.console.aws.amazon.com/rds/home?region=ap-northeast-1#database:id=app-aurora-pg-instance-1;is-cluster=false")
                .contains("Beginning March 3, 2027, we will automatically upgrade");
    }

    @Test
    void keepsTheWholeEnglishOriginalWhenThereIsRoom() {
        ObjectNode event = Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification", "x".repeat(100_000));

        String text = RenderingFixtures.rendered(event).text();

        assertThat(text).contains("x".repeat(100_000));
    }

    @Test
    void countsLongResourceListsInsteadOfDroppingThem() {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        ArrayNode entities = ((ObjectNode) event.get("detail")).putArray("affectedEntities");
        for (int i = 0; i < 2500; i++) {
            entities.addObject().put("entityValue", "i-%05d".formatted(i)).put("status", i < 2000 ? "PENDING" : "RESOLVED");
        }

        String text = RenderingFixtures.rendered(event).text();

        assertThat(text).contains("■ 対象リソース: 2500件 /");
        assertThat(text.lines().filter(l -> l.startsWith("- i-"))).hasSize(NoticeContent.LISTED_RESOURCES);
        assertThat(text).contains("ほか 2400件 (全 2500件)").contains("対応待ち 2000件、解決済み 500件");
    }

    @Test
    void saysWhichPageOfAPagedEventThisIs() {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        ((ObjectNode) event.get("detail")).put("page", "2").put("totalPages", "3");

        assertThat(RenderingFixtures.rendered(event).text()).contains("3 ページに分けて届きます。これは 2 ページ目");
    }

    @Test
    void cutsTheEnglishOriginalAtACharacterBoundaryToFitABudget() {
        String original = "あいうえお".repeat(20_000); // 300,000 bytes of UTF-8
        ObjectNode event = Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification", original);
        NoticeContent content = NoticeContent.of(RenderingFixtures.notice(event), RenderingFixtures.NOW);

        String text = PlainText.render(content, 100_000);

        assertThat(Utf8.length(text)).isLessThanOrEqualTo(100_000).isGreaterThan(95_000);
        assertThat(text).contains("文字を省略しました");
        // Japanese sections and the links after the original are kept whole
        assertThat(text).contains("■ 概要").contains("■ 推奨対応").contains("■ リンク").contains("■ 識別情報");
        assertThat(text).doesNotContain("\uFFFD");
        String kept = text.substring(text.indexOf("■ 原文 (English)\n") + "■ 原文 (English)\n".length(),
                text.indexOf("\n(通知の上限"));
        assertThat(original).startsWith(kept);
        int cut = original.length() - kept.length();
        assertThat(text).contains("ここから %,d 文字を省略しました".formatted(cut));
    }

    @Test
    void cutsTheReceivedInputBeforeTheOriginal() {
        String raw = "{\"junk\":\"" + "z".repeat(50_000) + "\"";
        NoticeContent content = NoticeContent.of(RenderingFixtures.notice(raw.getBytes()), RenderingFixtures.NOW);

        String text = PlainText.render(content, 20_000);

        assertThat(Utf8.length(text)).isLessThanOrEqualTo(20_000);
        assertThat(text).contains("■ 受信した内容\n{\"junk\":\"zzz").contains("文字を省略しました");
        assertThat(text).contains("■ 読み取れなかった理由\nnot valid JSON");
    }

    @Test
    void aCertificateRotationTellsTheReaderToUpdateTheClientsTrust() {
        String text = RenderingFixtures.rendered(Events.sample("rds-event-0501-certificate-rotation-pending.json")).text();

        assertThat(text).contains("TLS 接続に失敗").contains("信頼ストア").doesNotContain("スケジュールされたイベント");
    }
}
