package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.PendingAction;
import dev.shirase.scan.Digest;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.ScanSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DigestRendererTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ScanSettings SETTINGS =
            new ScanSettings(List.of("ap-northeast-1"), new TreeSet<>(List.of(14, 7, 3, 1)), DayOfWeek.MONDAY);

    private static Notice pending(String id, boolean multiAz, String action, Instant autoApply) {
        DatabaseState db = new DatabaseState(id, "arn:aws:rds:ap-northeast-1:123456789012:db:" + id, false, "mysql",
                "8.0.40", multiAz, MaintenanceWindow.parse("mon:18:00-mon:18:30"),
                List.of(new PendingAction(action, "New Operating System update is available", autoApply, null, null, null)));
        return new PendingNotices().of(List.of(db)).get(0);
    }

    @Test
    void aReminderNamesTheDatabaseTheMomentInJstAndTheCommand() {
        Notice due = pending("orders-db", false, "system-update", Instant.parse("2026-12-01T00:00:00Z"));
        Instant now = Instant.parse("2026-12-01T00:00:00Z"); // Tuesday, 7 days before Tuesday 2026-12-08 03:00 JST
        Digest digest = Digest.plan(List.of(due), Map.of(), now, SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);

        assertThat(rendered.subject())
                .isEqualTo("【要対応・必須】RDS 必須メンテナンスのリマインド orders-db 12/8(火) 03:00 (あと 7 日)");
        assertThat(rendered.text())
                .startsWith("■ 概要\n")
                .contains("■ 期限が近い必須のメンテナンス (1件)")
                .contains("- [必須] orders-db: OS アップデート / ap-northeast-1 (東京) / アカウント 123456789012")
                .contains("適用予定: 2026年12月8日(火) 03:00 JST")
                .contains("メンテナンスウィンドウ 火曜 03:00〜03:30 JST")
                .contains("Single-AZ (停止の目安: 約 10 分)")
                .contains("aws rds apply-pending-maintenance-action --region ap-northeast-1 --resource-identifier "
                        + "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db --apply-action system-update --opt-in-type immediate")
                .contains("リマインド: 適用予定の 14・7・3・1 日前 / 週次まとめ: 毎週月曜日")
                .doesNotContain("■ 任意");
    }

    /** Monday, the digest day: a required action, an optional one, and a region that could not be scanned. */
    private static Digest weekly() {
        Notice required = pending("orders-db", true, "system-update", Instant.parse("2026-12-01T00:00:00Z"));
        Notice optional = pending("reports-db", false, "db-upgrade", null);
        return Digest.plan(List.of(optional, required),
                Map.of("us-east-1", RegionGap.notScanned(RegionGap.Cause.THROTTLED, "Rate exceeded")),
                Instant.parse("2026-11-30T00:00:00Z"), SETTINGS).orElseThrow();
    }

    @Test
    void theWeeklyDigestGroupsByUrgencyAndCounts() throws Exception {
        Digest digest = weekly();

        RenderedDigest rendered = DigestRenderer.render(digest);

        assertThat(rendered.subject()).isEqualTo("【要対応・必須】RDS 保留中のメンテナンス 週次まとめ 必須1件・任意1件");
        String text = rendered.text();
        assertThat(text).contains("週次まとめ: 保留中のメンテナンスは全 2件 (必須 1件、任意 1件)");
        assertThat(text.indexOf("■ 必須")).isLessThan(text.indexOf("■ 任意"));
        assertThat(text).contains("Multi-AZ (停止の目安: フェイルオーバーの 60〜120 秒)")
                .contains("適用予定: なし (自動では適用されません)")
                .contains("■ スキャンできなかったリージョン\n- us-east-1 (バージニア北部): "
                        + "スロットリング (API 呼び出しの制限) が続きました。エラー内容 (原文): Rate exceeded\n"
                        + "これらのリージョンの保留中のメンテナンスは、この通知に含まれていません。RDS コンソールで確認してください。\n\n")
                .contains("RDS コンソール us-east-1 (バージニア北部): https://us-east-1.console.aws.amazon.com/rds/home");
        JsonNode sns = MAPPER.readTree(rendered.snsMessage());
        assertThat(sns.get("default").asText()).isEqualTo(text);
        assertThat(MAPPER.readTree(sns.get("https").asText()).at("/content/title").asText()).isEqualTo(rendered.subject());
        assertThat(rendered.html()).contains("<title>" + HtmlEmail.escape(rendered.subject()) + "</title>");
    }

    @Test
    void regionsThatCouldNotBeScannedAreNamedWithWhyInTheOrderScanned() {
        Notice due = pending("orders-db", false, "system-update", Instant.parse("2026-12-01T00:00:00Z"));
        Map<String, RegionGap> gaps = new LinkedHashMap<>();
        gaps.put("us-west-2", RegionGap.notScanned(RegionGap.Cause.TIME_RAN_OUT, null));
        gaps.put("eu-west-1", RegionGap.notScanned(RegionGap.Cause.ACCESS_DENIED,
                "User: arn:aws:sts::123456789012:assumed-role/scan/shirase is not authorized to perform: "
                        + "rds:DescribePendingMaintenanceActions"));
        gaps.put("us-east-1", RegionGap.notScanned(RegionGap.Cause.FAILED, "Unable to execute HTTP request"));
        // Tuesday, 7 days before the required action: a reminder, with three regions missing.
        Digest digest = Digest.plan(List.of(due), gaps, Instant.parse("2026-12-01T00:00:00Z"), SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);

        assertThat(rendered.subject()).startsWith("【要対応・必須】RDS 必須メンテナンスのリマインド orders-db");
        assertThat(rendered.text())
                .contains("■ 概要\nRDS の必須のメンテナンス 1件の適用が近づいています。")
                .contains("\n3件のリージョンをスキャンできませんでした。\n")
                .contains("■ スキャンできなかったリージョン\n"
                        + "- us-west-2 (オレゴン): 制限時間内に読み終わりませんでした。\n"
                        + "- eu-west-1 (アイルランド): アクセスが拒否されました。エラー内容 (原文): User: "
                        + "arn:aws:sts::123456789012:assumed-role/scan/shirase is not authorized to perform: "
                        + "rds:DescribePendingMaintenanceActions\n"
                        + "- us-east-1 (バージニア北部): API の呼び出しに失敗しました。エラー内容 (原文): Unable to execute HTTP request\n"
                        + "これらのリージョンの保留中のメンテナンスは、この通知に含まれていません。RDS コンソールで確認してください。\n"
                        + "アクセスが拒否されたリージョンは、スキャンに使うロールの権限 (rds:Describe*) を確認してください。\n")
                .contains("RDS コンソール us-west-2 (オレゴン): https://us-west-2.console.aws.amazon.com/rds/home")
                .doesNotContain("DB の詳細を読めなかった");
    }

    @Test
    void actionsWhoseDatabasesCouldNotBeDescribedAreListedFromTheirArnsWithWhatThatMeans() {
        // As the scan joins them when DescribeDBInstances failed: named from the ARN, nothing else known.
        DatabaseState fromArn = new DatabaseState("orders-db", "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db",
                false, null, null, null, null, List.of(new PendingAction("system-update",
                        "New Operating System update is available", Instant.parse("2026-12-10T00:00:00Z"), null, null,
                        null)));
        Notice listed = new PendingNotices().of(List.of(fromArn)).get(0);
        // Wednesday, 8 days before the auto-apply date: no reminder, not the digest day.
        Digest digest = Digest.plan(List.of(listed),
                Map.of("ap-northeast-1", RegionGap.detailsUnread(RegionGap.Cause.THROTTLED, "Rate exceeded")),
                Instant.parse("2026-12-02T00:00:00Z"), SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);

        assertThat(rendered.subject())
                .isEqualTo("【要確認】RDS 保留中のメンテナンス 必須1件 (DB の詳細を読めなかったリージョン 1件)");
        assertThat(rendered.text())
                .contains("■ 概要\n1件のリージョンで DB の詳細 (メンテナンスウィンドウなど) を読めませんでした。"
                        + "詳細を読めなかった DB の適用予定は、自動適用開始日で示しています。\n")
                .contains("■ DB の詳細を読めなかったリージョンの保留中のメンテナンス (1件)\n"
                        + "- [必須] orders-db: OS アップデート / ap-northeast-1 (東京) / アカウント 123456789012\n"
                        + "  適用予定: 2026年12月10日(木) 09:00 JST 以降の最初のメンテナンスウィンドウで自動適用。ウィンドウは不明です (あと 8 日)\n")
                .contains("  メンテナンスウィンドウ不明\n")
                .contains("■ DB の詳細を読めなかったリージョン\n"
                        + "- ap-northeast-1 (東京): スロットリング (API 呼び出しの制限) が続きました。エラー内容 (原文): Rate exceeded\n"
                        + "これらのリージョンの保留中のメンテナンスも一覧に含めています。詳細を読めなかった DB は、名前を ARN から取っています。"
                        + "メンテナンスウィンドウが分からないため、適用予定とリマインドは自動適用開始日を基準にしています。"
                        + "実際の適用はその日以降の最初のメンテナンスウィンドウで、表示より最大 7 日遅くなることがあります。\n")
                .doesNotContain("スキャンできなかったリージョン")
                .doesNotContain("Single-AZ")
                .doesNotContain("null");
    }

    @Test
    void aDigestOfThousandsOfActionsFitsSnsAndCountsWhatItLeftOut() throws Exception {
        List<Notice> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(pending("db-%04d".formatted(i), false, "system-update", Instant.parse("2026-12-01T00:00:00Z")));
        }
        Digest digest = Digest.plan(many, Map.of(), Instant.parse("2026-11-30T00:00:00Z"), SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);
        String message = rendered.snsMessage();

        assertThat(Utf8.length(rendered.text())).isGreaterThan(SnsMessage.MAX_BYTES);
        assertThat(Utf8.length(message)).isLessThanOrEqualTo(SnsMessage.MAX_BYTES);
        String text = MAPPER.readTree(message).get("default").asText();
        assertThat(text).contains("■ 必須: AWS が期日に自動で適用 (3000件)").contains("件は SNS の上限 262,144 バイトに収めるため省略しました")
                .contains("■ 推奨対応").contains("■ スキャンの条件");
    }

    @Test
    void theHtmlDigestIsATablePerGroupWithARowPerAction() throws Exception {
        Digest digest = weekly();
        Notice required = digest.pending().stream().filter(n -> n.obligation() == Obligation.REQUIRED).findFirst().orElseThrow();

        String html = DigestRenderer.render(digest).html();
        Document doc = parse(html);

        // No text dumped in <pre>: the only <pre> are the commands.
        NodeList pres = doc.getElementsByTagName("pre");
        assertThat(pres.getLength()).isEqualTo(2);
        for (int i = 0; i < pres.getLength(); i++) {
            assertThat(pres.item(i).getTextContent()).startsWith("aws rds apply-pending-maintenance-action ");
        }
        NodeList tables = doc.getElementsByTagName("table");
        assertThat(tables.getLength()).isEqualTo(2);
        List<String> requiredRows = rows((Element) tables.item(0));
        assertThat(requiredRows).hasSize(2);
        assertThat(requiredRows.get(0)).contains("orders-db", "ap-northeast-1 (東京) / アカウント 123456789012",
                "Multi-AZ (停止の目安: フェイルオーバーの 60〜120 秒)", "必須 OS アップデート",
                "2026年12月8日(火) 03:00 JST、メンテナンスウィンドウの開始時に自動適用 (あと 8 日)",
                "メンテナンスウィンドウ 火曜 03:00〜03:30 JST", "自動適用開始日 2026年12月1日(火) 09:00 JST");
        assertThat(requiredRows.get(1)).isEqualTo("自分で適用:" + ApplyCommand.of(required, "immediate"));
        List<String> optionalRows = rows((Element) tables.item(1));
        assertThat(optionalRows.get(0)).contains("reports-db", "任意 ", "なし (自動では適用されません)");
        // The headings of the groups, in order, each over its table.
        assertThat(html.indexOf("必須: AWS が期日に自動で適用 (1件)")).isLessThan(html.indexOf("<table"));
        assertThat(html.indexOf("任意: 自動では適用されない (1件)")).isBetween(html.indexOf("</table>"), html.lastIndexOf("<table"));
        // The other blocks as lists and links.
        assertThat(doc.getElementsByTagName("li").item(0).getTextContent())
                .isEqualTo("us-east-1 (バージニア北部): スロットリング (API 呼び出しの制限) が続きました。エラー内容 (原文): Rate exceeded");
        assertThat(html).contains("<a href=\"https://us-east-1.console.aws.amazon.com/rds/home?region=us-east-1#databases:\">"
                + "RDS コンソール us-east-1 (バージニア北部)</a>");
        assertThat(html).contains("<meta name=\"viewport\"").contains("overflow-wrap:anywhere");
    }

    /** The text of each body row of a table. */
    private static List<String> rows(Element table) {
        NodeList body = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < body.getLength(); i++) {
            rows.add(body.item(i).getTextContent().replace("\n", ""));
        }
        return rows;
    }

    private static Document parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.replaceFirst("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
    }
}
