package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.Notice;
import dev.shirase.scan.Digest;
import dev.shirase.scan.ScanSettings;
import dev.shirase.testing.Events;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An account named {@code prod-web (111122223333)} wherever a notice shows its id, and first in the subject. */
class AccountNameRenderingTest {
    private static final String ORG_VIEW = "health-org-view-affected-account.json";

    private static RenderedNotice named(byte[] event, String name) {
        return RenderedNotice.of(RenderingFixtures.notice(event).withAccountName(name), RenderingFixtures.NOW);
    }

    @Test
    void theAffectedAccountOfAnOrganizationalViewEventIsNamedInEveryForm() {
        RenderedNotice rendered = named(Events.sample(ORG_VIEW), "prod-payments");

        assertThat(rendered.notice().announcement().account()).as("detail.affectedAccount, not the receiving account")
                .isEqualTo("111122223333");
        assertThat(rendered.subject()).isEqualTo(
                "【要対応・必須】prod-payments の RDS ハードウェアメンテナンス payments-db-01 12/8(火) 以降の最初のメンテナンスウィンドウ");
        assertThat(rendered.text()).contains("■ 対象リソース: 1件 / アカウント prod-payments (111122223333) / ap-northeast-1 (東京)");
        assertThat(rendered.html()).contains("対象リソース: 1件 / アカウント prod-payments (111122223333) / ap-northeast-1 (東京)");
        assertThat(rendered.chat()).contains("■ 対象リソース: 1件 / アカウント prod-payments (111122223333) / ap-northeast-1 (東京)");
        assertThat(rendered.fallback("test").text()).contains("アカウント: prod-payments (111122223333)");
    }

    @Test
    void withoutANameTheIdIsShownAndTheSubjectIsAsBefore() {
        RenderedNotice rendered = named(Events.sample(ORG_VIEW), null);

        assertThat(rendered.subject()).startsWith("【要対応・必須】RDS ハードウェアメンテナンス payments-db-01 ");
        assertThat(rendered.text()).contains("■ 対象リソース: 1件 / アカウント 111122223333 / ap-northeast-1 (東京)");
        assertThat(rendered.fallback("test").text()).contains("アカウント: 111122223333\n");
    }

    @Test
    void aJapaneseNameTakesTheParticleWithoutASpace() {
        assertThat(named(Events.sample(ORG_VIEW), "決済本番").subject()).startsWith("【要対応・必須】決済本番の RDS ");
    }

    @Test
    void aNameIsCleanedOfWhatWouldHideOrReorderTextAndKeptShort() {
        RenderedNotice rendered = named(Events.sample(ORG_VIEW), "prod\u202Eweb\u200B\r\n(main)\u0007" + "x".repeat(200));

        String expected = "prodweb (main) " + "x".repeat(AccountLabel.MAX_NAME - "prodweb (main) ".length() - 1) + "…";
        assertThat(rendered.text()).contains("アカウント " + expected + " (111122223333)");
        assertThat(rendered.subject()).doesNotContain("\u202E", "\u200B", "\r", "\n", "\u0007");
        assertThat(rendered.subject().length()).isLessThan(100);
        assertThat(named(Events.sample(ORG_VIEW), "\u200B\u202E").text()).as("nothing visible is no name")
                .contains("アカウント 111122223333 /");
    }

    @Test
    void theNameIsShortenedBeforeTheTitleAndDroppedBeforeTheDeadlineIsCut() {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        ArrayNode entities = ((ObjectNode) event.get("detail")).putArray("affectedEntities");
        entities.addObject().put("entityValue", "i-0a1b2c3d4e5f67890");
        entities.addObject().put("entityValue", "i-0a1b2c3d4e5f67891");
        byte[] bytes = Events.bytes(event);

        String whole = named(bytes, "prod-web").subject();
        String shortened = named(bytes, "production-web-frontend-" + "a".repeat(60)).subject();
        ((ObjectNode) event.get("detail")).put("service", "S".repeat(70));
        String dropped = named(Events.bytes(event), "production-web-frontend").subject();

        assertThat(whole).isEqualTo("【要対応・必須】prod-web の EC2 システム再起動 i-0a1b2c3d4e5f67890 ほか1件 12/6(日) 03:00 予定");
        assertThat(shortened).startsWith("【要対応・必須】production-web-frontend-aaa").contains("… の EC2 システム再起動 2件 ")
                .endsWith(" 12/6(日) 03:00 予定");
        assertThat(shortened.length()).isLessThanOrEqualTo(Subject.MAX_LENGTH);
        assertThat(dropped).doesNotContain("production").startsWith("【要対応・必須】SSS").endsWith("2件 12/6(日) 03:00 予定");
        assertThat(dropped.length()).isLessThanOrEqualTo(Subject.MAX_LENGTH);
    }

    @Test
    void digestRowsNameTheirAccount() {
        Notice event = RenderingFixtures.notice(Events.sample(ORG_VIEW)).withAccountName("prod-payments");
        Notice action = RenderingFixtures.pendingOsUpdate().notice().withAccountName("prod-orders");
        Digest digest = new Digest(RenderingFixtures.NOW, new ScanSettings(List.of("ap-northeast-1"), new java.util.TreeSet<>(List.of(14, 7)),
                java.time.DayOfWeek.TUESDAY), List.of(), List.of(event, action), true, List.of(), List.of());

        String text = DigestRenderer.render(digest).text();

        assertThat(text).contains("ap-northeast-1 (東京) / アカウント prod-payments (111122223333)")
                .contains("ap-northeast-1 (東京) / アカウント prod-orders (123456789012)");
    }
}
