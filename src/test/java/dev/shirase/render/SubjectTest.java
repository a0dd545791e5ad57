package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.testing.Events;
import org.junit.jupiter.api.Test;

class SubjectTest {

    private static String subject(ObjectNode event) {
        return RenderingFixtures.rendered(event).subject();
    }

    @Test
    void putsUrgencyServiceWhatResourcesAndDeadlineInThatOrder() {
        assertThat(RenderingFixtures.rendered(Events.sample("health-rds-aurora-postgresql-security-upgrade.json")).subject())
                .isEqualTo("【要対応・必須】Aurora PostgreSQL セキュリティアップグレード app-aurora-pg-instance-1 ほか1件 2027/3/3(水)から自動適用");
        assertThat(RenderingFixtures.rendered(Events.sample("health-ec2-system-reboot-closed.json")).subject())
                .startsWith("【完了】EC2 システム再起動完了 ");
        assertThat(RenderingFixtures.rendered(Events.sample("rds-event-0155-minor-version-available.json")).subject())
                .startsWith("【要確認】RDS ");
        assertThat(RenderingFixtures.rendered(Events.sample("rds-event-0026-offline-patching-started.json")).subject())
                .startsWith("【情報】RDS オフラインパッチの適用開始 ");
        assertThat(RenderingFixtures.rendered("not json".getBytes()).subject()).startsWith("【要確認】").contains("未分類");
    }

    @Test
    void staysUnderOneHundredCharactersAndKeepsTheDeadlineWhole() {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        ArrayNode entities = ((ObjectNode) event.get("detail")).putArray("affectedEntities");
        entities.addObject().put("entityValue", "arn:aws:ec2:ap-northeast-1:123456789012:instance/" + "i".repeat(120));
        entities.addObject().put("entityValue", "i-2");

        String subject = subject(event);

        assertThat(subject.length()).isLessThan(100);
        assertThat(subject).isEqualTo("【要対応・必須】EC2 システム再起動 2件 12/6(日) 03:00 予定");
    }

    @Test
    void shortensTheTitleRatherThanTheDeadline() {
        ObjectNode event = Events.health("AWS_NEWSERVICE_SOMETHING", "scheduledChange", "Nothing to see.");
        ((ObjectNode) event.get("detail")).put("service", "X".repeat(150));

        String subject = subject(event);

        assertThat(subject.length()).isLessThan(100);
        assertThat(subject).startsWith("【要対応・必須】").contains("…").endsWith("1件 12/6(日) 03:00 予定");
    }

    @Test
    void hasNoLineBreaksOrControlCharacters() {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        ((ObjectNode) event.get("detail")).putArray("affectedEntities").addObject()
                .put("entityValue", "i-1\r\nBcc: someone@example.com\u0007\u2028x");

        String subject = subject(event);

        assertThat(subject).doesNotContain("\n", "\r", "\u0007", "\u2028");
        assertThat(subject).contains("i-1 Bcc: someone@example.com x");
    }

    @Test
    void hasNoCharactersThatReorderOrHideText() {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        ((ObjectNode) event.get("detail")).putArray("affectedEntities").addObject()
                .put("entityValue", "db-\u202Edorp\u202C-\u200Bx\u200C\u200D\u2060\uFEFF\u2066y\u2069\u200E\u00AD");

        RenderedNotice rendered = RenderingFixtures.rendered(event);

        assertThat(rendered.subject()).contains(" db-dorp-xy ");
        assertThat(rendered.subject().codePoints())
                .noneMatch(c -> Character.getType(c) == Character.FORMAT || Character.isISOControl(c));
        String title = rendered.html().substring(rendered.html().indexOf("<title>"), rendered.html().indexOf("</title>"));
        assertThat(title).contains("db-dorp-xy").doesNotContain("\u202E", "\u200B", "\uFEFF", "\u2066", "\u200E");
    }

    @Test
    void namesArnsByTheirLastPartAndLeavesResolvedResourcesToTheBody() {
        ObjectNode event = Events.health("AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT", "scheduledChange", "Runtime ends.");
        ArrayNode entities = ((ObjectNode) event.get("detail")).putArray("affectedEntities");
        entities.addObject().put("entityValue", "arn:aws:lambda:us-east-1:123456789012:function:done").put("status", "RESOLVED");
        entities.addObject().put("entityValue", "arn:aws:lambda:us-east-1:123456789012:function:orders").put("status", "PENDING");
        entities.addObject().put("entityValue", "arn:aws:lambda:us-east-1:123456789012:function:billing").put("status", "PENDING");

        RenderedNotice rendered = RenderingFixtures.rendered(event);

        assertThat(rendered.subject()).contains(" orders ほか1件 ");
        assertThat(rendered.text()).contains("function:done (解決済み)");
    }

    @Test
    void saysWhenTheDeadlineHasPassed() {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        ((ObjectNode) event.get("detail")).put("startTime", "Mon, 2 Nov 2026 18:00:00 GMT");

        assertThat(subject(event)).endsWith(" 2026/11/3(火) 期限経過");
    }
}
