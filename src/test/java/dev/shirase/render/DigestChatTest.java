package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.notice.PendingAction;
import dev.shirase.scan.Digest;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.ScanSettings;
import dev.shirase.testing.Events;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The digest's chat notification: only its chat part, which shares the caps and rules of a notice's. */
class DigestChatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ScanSettings SETTINGS =
            new ScanSettings(List.of("ap-northeast-1"), new TreeSet<>(List.of(14, 7, 3, 1)), DayOfWeek.MONDAY);
    private static final Instant MONDAY = Instant.parse("2026-11-30T00:00:00Z");

    private static List<Notice> pending(List<String> ids) {
        List<DatabaseState> dbs = new ArrayList<>();
        for (String id : ids) {
            dbs.add(new DatabaseState(id, "arn:aws:rds:ap-northeast-1:123456789012:db:" + id, false, "mysql", "8.0.40", false,
                    MaintenanceWindow.parse("mon:18:00-mon:18:30"), List.of(new PendingAction("system-update",
                            "New Operating System update is available", Instant.parse("2026-12-20T00:00:00Z"), null, null, null))));
        }
        return new PendingNotices().of(dbs);
    }

    private static JsonNode chat(List<String> ids) throws Exception {
        Digest digest = Digest.plan(pending(ids), List.of(), MONDAY, SETTINGS).orElseThrow();
        RenderedDigest rendered = DigestRenderer.render(digest);
        assertThat(Utf8.length(rendered.chat())).isLessThanOrEqualTo(ChatNotification.MAX_BYTES);
        assertThat(MAPPER.readTree(rendered.snsMessage()).get("https").asText()).isEqualTo(rendered.chat());
        return MAPPER.readTree(rendered.chat());
    }

    @Test
    void namesDatabasesWithoutLettingThemActAsMarkup() throws Exception {
        JsonNode chat = chat(List.of("<!channel>", "[x](https://evil.example)", "db\u202E1", "my_db_1"));

        String description = chat.at("/content/description").asText();
        assertThat(description).doesNotContain("<!", "](", "\u202E")
                .contains("- ＜!channel＞: ", "- ［x］(https://evil.example): ", "- db1: ", "- my_db_1: ");
        assertThat(chat.at("/metadata/eventType").asText()).isEqualTo("RDS_PENDING_MAINTENANCE_DIGEST");
    }

    @Test
    void staysWithinItsStatedSizeForHugeAndManyDatabases() throws Exception {
        List<String> ids = new ArrayList<>();
        ids.add("d".repeat(1 << 20));
        for (int i = 0; i < 5_000; i++) {
            ids.add("db-" + i);
        }

        String description = chat(ids).at("/content/description").asText();

        assertThat(description).hasSizeLessThanOrEqualTo(ChatNotification.MAX_DESCRIPTION).contains("ほか 4991件 (全 5001件)");
        assertThat(description.lines().filter(line -> line.startsWith("- "))).hasSize(ChatNotification.LISTED_LINES)
                .allSatisfy(line -> assertThat(line.length()).isLessThan(ChatNotification.MAX_LISTED_LINE + 60));
    }

    private static JsonNode chat(Digest digest) throws Exception {
        RenderedDigest rendered = DigestRenderer.render(digest);
        assertThat(Utf8.length(rendered.chat())).isLessThanOrEqualTo(ChatNotification.MAX_BYTES);
        assertThat(MAPPER.readTree(rendered.snsMessage()).get("https").asText()).isEqualTo(rendered.chat());
        return MAPPER.readTree(rendered.chat());
    }

    private static Notice reboot(String instance) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Events.sample("health-ec2-instance-reboot.json"));
        ((ObjectNode) event.get("detail")).putArray("affectedEntities").addObject().put("entityValue", instance)
                .put("status", "PENDING");
        return RenderingFixtures.notice(event);
    }

    @Test
    void listsAHealthEventByItsInstanceKindAndDateAndPointsToTheHealthDashboard() throws Exception {
        // Saturday 2026-11-28, 7 days before the reboot.
        Digest digest = Digest.plan(List.of(), List.of(reboot("<!channel> i-0a1b2c3d4e5f67890")), List.of(), List.of(),
                Instant.parse("2026-11-28T00:00:00Z"), SETTINGS).orElseThrow();

        JsonNode chat = chat(digest);

        assertThat(chat.at("/content/description").asText())
                .contains("\n- ＜!channel＞ i-0a1b2c3d4e5f67890: EC2 インスタンス再起動 12/5(土) 00:00 予定 (あと 7 日)")
                .doesNotContain("<!");
        assertThat(chat.at("/content/nextSteps").toString()).contains("AWS Health ダッシュボード", "https://health.aws.amazon.com/")
                .doesNotContain("RDS");
    }

    @Test
    void namesSomeOverdueStoriesAndCountsTheRest() throws Exception {
        List<Notice> overdue = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            overdue.add(reboot("i-" + i));
        }
        // Tuesday 2026-12-08: three days after the reboots' date.
        Digest digest = Digest.plan(List.of(), List.of(), overdue, List.of(), Instant.parse("2026-12-08T00:00:00Z"), SETTINGS)
                .orElseThrow();

        String description = chat(digest).at("/content/description").asText();

        assertThat(description).startsWith("期限を過ぎても完了を確認できないものが 5件あります。")
                .contains("\n\n■ 期限を過ぎても完了を確認できないもの (5件)\n- i-0: EC2 インスタンス再起動 12/5(土) 00:00 (3 日経過)\n")
                .endsWith("\n- i-2: EC2 インスタンス再起動 12/5(土) 00:00 (3 日経過)\nほか 2件 (全 5件)");
    }
}
