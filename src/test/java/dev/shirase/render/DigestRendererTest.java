package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.advice.AdviceTable;
import dev.shirase.advice.Platform;
import dev.shirase.notice.Category;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.PendingAction;
import dev.shirase.scan.Digest;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.Place;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.ScanAccounts;
import dev.shirase.scan.ScanSettings;
import dev.shirase.testing.Events;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        Digest digest = Digest.plan(List.of(due), List.of(), now, SETTINGS).orElseThrow();

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

    @Test
    void memberAccountsThatCouldNotBeReadAreNamedWithTheirAccountAndWhatToCheck() {
        ScanSettings settings = new ScanSettings(List.of("ap-northeast-1", "us-east-1"), new TreeSet<>(List.of(7)),
                DayOfWeek.MONDAY, ScanAccounts.parse("123456789012", "111111111111,222222222222", null));
        List<RegionGap> gaps = List.of(
                RegionGap.notScanned(RegionGap.Cause.TIME_RAN_OUT, null).at(new Place("111111111111", "us-east-1")),
                RegionGap.roleNotAssumed("222222222222", RegionGap.Cause.ACCESS_DENIED, "User: arn:aws:sts::"
                        + "123456789012:assumed-role/scan/shirase-scan is not authorized to perform: sts:AssumeRole"),
                RegionGap.membersUnlisted(RegionGap.Cause.FAILED, "organization listing is unavailable"));
        // Wednesday: no reminder, not the digest day; the gaps alone make the scan speak.
        Digest digest = Digest.plan(List.of(), gaps, Instant.parse("2026-12-02T00:00:00Z"), settings).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);

        assertThat(rendered.subject()).isEqualTo("【要確認】RDS 保留中のメンテナンスを確認できないアカウント・リージョンがあります (3件)");
        assertThat(rendered.text())
                .contains("■ 概要\n3件のアカウント・リージョンをスキャンできませんでした。")
                .contains("■ スキャンできなかったアカウント・リージョン\n"
                        + "- アカウント 111111111111 / us-east-1 (バージニア北部): 制限時間内に読み終わりませんでした。\n"
                        + "- アカウント 222222222222 (すべてのリージョン): 読み取り用のロールを引き受けられませんでした "
                        + "(アクセスが拒否されました)。エラー内容 (原文): User: arn:aws:sts::123456789012:assumed-role/scan/"
                        + "shirase-scan is not authorized to perform: sts:AssumeRole\n"
                        + "- 組織のメンバーアカウント: 一覧を取得できなかったため、このアカウントだけをスキャンしました。"
                        + "エラー内容 (原文): organization listing is unavailable\n"
                        + "これらのアカウント・リージョンの保留中のメンテナンスは、この通知に含まれていません。")
                .contains("アクセスが拒否されたアカウントは、読み取り用のロール (転送用のスタックが作ります) があり、"
                        + "このスタックの出力 ReaderTrustedRoleArns のロールを信頼していて")
                .doesNotContain("アクセスが拒否されたリージョンは")
                .contains("対象アカウント: このアカウント、111111111111、222222222222 / 読み取り用のロール: ShiraseReader");
    }

    /** Monday, the digest day: a required action, an optional one, and a region that could not be scanned. */
    private static Digest weekly() {
        Notice required = pending("orders-db", true, "system-update", Instant.parse("2026-12-01T00:00:00Z"));
        Notice optional = pending("reports-db", false, "db-upgrade", null);
        return Digest.plan(List.of(optional, required),
                List.of(RegionGap.notScanned(RegionGap.Cause.THROTTLED, "Rate exceeded").at(Place.home("us-east-1"))),
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
        List<RegionGap> gaps = List.of(
                RegionGap.notScanned(RegionGap.Cause.TIME_RAN_OUT, null).at(Place.home("us-west-2")),
                RegionGap.notScanned(RegionGap.Cause.ACCESS_DENIED,
                        "User: arn:aws:sts::123456789012:assumed-role/scan/shirase is not authorized to perform: "
                                + "rds:DescribePendingMaintenanceActions").at(Place.home("eu-west-1")),
                RegionGap.notScanned(RegionGap.Cause.FAILED, "Unable to execute HTTP request").at(Place.home("us-east-1")));
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
                List.of(RegionGap.detailsUnread(RegionGap.Cause.THROTTLED, "Rate exceeded").at(Place.home("ap-northeast-1"))),
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
        Digest digest = Digest.plan(many, List.of(), Instant.parse("2026-11-30T00:00:00Z"), SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);
        String message = rendered.snsMessage();

        assertThat(Utf8.length(rendered.text())).isGreaterThan(SnsMessage.MAX_BYTES);
        assertThat(Utf8.length(message)).isLessThanOrEqualTo(SnsMessage.MAX_BYTES);
        String text = MAPPER.readTree(message).get("default").asText();
        assertThat(text).contains("■ 必須: AWS が期日に自動で適用 (3000件)").contains("件は SNS の上限 262,144 バイトに収めるため省略しました")
                .contains("■ 推奨対応").contains("■ スキャンの条件");
    }

    @Test
    void aDigestCutToABudgetKeepsTheFirstItemsOfEachListAndCountsTheRest() {
        List<Notice> many = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            // A day before its window (due), a week before it, and optional upgrades: three lists of unequal length.
            Instant autoApply = Instant.parse(i % 5 == 0 ? "2026-11-30T00:00:00Z" : "2026-12-01T00:00:00Z");
            many.add(pending("db-%04d".formatted(i), i % 2 == 0, "system-update", autoApply));
            if (i % 3 == 0) {
                many.add(pending("reports-%04d".formatted(i), false, "db-upgrade", null));
            }
        }
        Digest digest = Digest.plan(many, List.of(), Instant.parse("2026-11-30T00:00:00Z"), SETTINGS).orElseThrow();
        DigestRenderer.Layout layout = DigestRenderer.render(digest).layout();
        String full = layout.text();
        List<String> fullBlocks = List.of(full.split("\n\n■ "));
        assertThat(layout.text(Utf8.length(full) / 8)).contains("件は SNS の上限 262,144 バイトに収めるため省略しました");

        for (int part = 1; part < 8; part++) {
            int budget = (int) ((long) Utf8.length(full) * part / 8);
            String cut = layout.text(budget);

            assertThat(Utf8.length(cut)).isLessThanOrEqualTo(budget);
            // The first cut that fits: the same at its own size, and one byte less takes more items out.
            assertThat(layout.text(Utf8.length(cut))).isEqualTo(cut);
            assertThat(Utf8.length(layout.text(Utf8.length(cut) - 1))).isLessThan(Utf8.length(cut));
            List<String> cutBlocks = List.of(cut.split("\n\n■ "));
            assertThat(cutBlocks).hasSameSizeAs(fullBlocks);
            for (int b = 0; b < fullBlocks.size(); b++) {
                String whole = fullBlocks.get(b);
                String kept = cutBlocks.get(b);
                int note = kept.indexOf("\n(ほか ");
                if (note < 0) {
                    assertThat(kept).isEqualTo(whole);
                    continue;
                }
                String shown = kept.substring(0, note);
                int left = Integer.parseInt(kept.substring(note + "\n(ほか ".length(), kept.indexOf("件は SNS", note)));
                assertThat(whole).startsWith(shown + "\n");
                assertThat(items(shown) + left).as("block %d at %d bytes", b, budget).isEqualTo(items(whole));
            }
        }
    }

    private static int items(String block) {
        return (int) block.lines().filter(line -> line.startsWith("- [")).count();
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

    // AWS Health events in the digest, as the state table hands them back: notices built by the notifier's classifier.

    private static final Notice REBOOT = RenderingFixtures.notice(Events.sample("health-ec2-instance-reboot.json"));
    private static final Notice END_OF_SUPPORT =
            RenderingFixtures.notice(Events.sample("health-rds-end-of-standard-support.json"));
    private static final Notice RETIREMENT = RenderingFixtures.notice(Events.sample("health-ec2-instance-retirement.json"));
    private static final String REBOOT_PAGE = "https://health.aws.amazon.com/health/home#/account/event-log?eventID="
            + "arn:aws:health:ap-northeast-1::event/EC2/AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED/"
            + "AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED_1763600321487&eventTab=details";
    private static final String OVERDUE_HEADING = "■ 期限を過ぎても完了を確認できないもの";
    private static final String TOLD_ONCE = "これらはこの通知で一度だけお知らせし、以降はリマインドしません。";

    @Test
    void aReminderOfAHealthEventNamesWhatItIsWhichInstanceAndWhenAsItsNoticeDoes() {
        // Saturday 2026-11-28 JST: the reboot that starts 2026-12-05 00:00 JST is 7 days away.
        Digest digest = Digest.plan(List.of(), List.of(REBOOT), List.of(), List.of(), Instant.parse("2026-11-28T00:00:00Z"),
                SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);

        assertThat(rendered.subject())
                .isEqualTo("【要対応・必須】EC2 インスタンス再起動のリマインド i-0a1b2c3d4e5f67890 12/5(土) 00:00 予定 (あと 7 日)");
        assertThat(rendered.text())
                .contains("■ 概要\n必須の EC2 インスタンス再起動 (i-0a1b2c3d4e5f67890) の期日が近づいています。"
                        + "実施予定は 2026年12月5日(土) 00:00 JST (あと 7 日) です。\n")
                .contains("■ 期限が近い必須のメンテナンス・予定 (1件)\n"
                        + "- [必須] i-0a1b2c3d4e5f67890: EC2 インスタンス再起動 / ap-northeast-1 (東京) / アカウント 123456789012\n"
                        + "  実施予定: 2026年12月5日(土) 00:00 JST (あと 7 日)\n"
                        + "  停止の目安: 数分\n"
                        + "  AWS Health ダッシュボード: " + REBOOT_PAGE + "\n")
                // The advice table's own words for an EC2 reboot, not a copy of them.
                .contains("\n2. EC2 インスタンス再起動: " + String.join("", AdviceTable.find(Platform.EC2, Category.SYSTEM_REBOOT,
                        "AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED", "").keySteps().stream()
                        .map(dev.shirase.advice.Advice.Step::text).toList()) + "\n")
                .contains("日時を変更できるイベントは、期限までの別の日時に再スケジュールできます。")
                .contains("AWS Health ダッシュボード: https://health.aws.amazon.com/health/home#/account/dashboard/scheduled-changes")
                .contains("リマインド: 期日の 14・7・3・1 日前")
                // Nothing of RDS where there is no RDS action.
                .doesNotContain("RDS", "自分で適用:", "--opt-in-type", "適用予定");
    }

    @Test
    void anEndOfSupportIsADateAndItsReminderSaysByWhen() {
        // Sunday 2027-02-14 JST, 14 days before the end of standard support on 2027-02-28, a date without a time.
        Digest digest = Digest.plan(List.of(), List.of(END_OF_SUPPORT), List.of(), List.of(),
                Instant.parse("2027-02-14T00:00:00Z"), SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);

        assertThat(rendered.subject()).isEqualTo(
                "【要対応・必須】RDS for PostgreSQL 標準サポート終了のリマインド legacy-pg14-app ほか1件 2/28(日)まで (あと 14 日)");
        assertThat(rendered.text())
                .contains("- [必須] legacy-pg14-app、analytics-pg14: RDS for PostgreSQL 標準サポート終了 / ap-northeast-1 (東京)"
                        + " / アカウント 123456789012\n  標準サポート終了: 2027年2月28日(日) (あと 14 日)\n  AWS Health ダッシュボード: ")
                .contains("標準サポート終了は 2027年2月28日(日) (あと 14 日) です。")
                .contains("RDS for PostgreSQL 標準サポート終了: サポート中のバージョンへのアップグレードを計画し、期日より前に実施してください。")
                .doesNotContain("09:00 JST (あと", "停止の目安");
    }

    @Test
    void remindersOfAnRdsActionAndAHealthEventTogetherCountBothAndNameTheEarliest() throws Exception {
        // Saturday 2026-11-28: orders-db's action comes in its window on Tuesday 12/1 03:00 JST (3 days), the reboot in 7.
        Notice action = pending("orders-db", false, "system-update", Instant.parse("2026-11-24T00:00:00Z"));
        Digest digest = Digest.plan(List.of(action), List.of(REBOOT), List.of(), List.of(),
                Instant.parse("2026-11-28T00:00:00Z"), SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);

        assertThat(rendered.subject()).isEqualTo("【要対応・必須】メンテナンスのリマインド orders-db ほか1件 12/1(火) 03:00 (あと 3 日)");
        String text = rendered.text();
        assertThat(text)
                .contains("■ 概要\n必須のメンテナンス・予定 2件の期日が近づいています (RDS の保留中のメンテナンス 1件、"
                        + "AWS Health のイベント 1件)。最も早いものは RDS の OS アップデート (orders-db) で、"
                        + "適用予定は 2026年12月1日(火) 03:00 JST (あと 3 日) です。\n")
                .contains("■ 期限が近い必須のメンテナンス・予定 (2件)\n- [必須] orders-db: OS アップデート")
                .contains("  自分で適用: aws rds apply-pending-maintenance-action")
                .contains("\n- [必須] i-0a1b2c3d4e5f67890: EC2 インスタンス再起動")
                .contains("■ 推奨対応\nRDS の保留中のメンテナンス:\n1. 必須のものは期日より前の")
                .contains("\nAWS Health のイベント:\n5. 各項目のリンクから AWS Health ダッシュボードで")
                .contains("\n6. EC2 インスタンス再起動: ")
                .contains("RDS コンソール ap-northeast-1 (東京): ");
        assertThat(text.indexOf("orders-db: OS")).isLessThan(text.indexOf("i-0a1b2c3d4e5f67890: EC2"));

        String html = rendered.html();
        Document doc = parse(html);
        assertThat(doc.getElementsByTagName("table").getLength()).isEqualTo(1);
        Element table = (Element) doc.getElementsByTagName("table").item(0);
        assertThat(table.getElementsByTagName("th").item(0).getTextContent()).isEqualTo("リソース");
        List<String> rows = rows(table);
        // The action's row and its command's, then the event's one row with its page linked under its date.
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).contains("i-0a1b2c3d4e5f67890", "必須 EC2 インスタンス再起動",
                "実施予定: 2026年12月5日(土) 00:00 JST (あと 7 日)", "停止の目安: 数分");
        assertThat(html).contains("<a style=\"font-size:13px\" href=\"" + HtmlEmail.escape(REBOOT_PAGE) + "\">AWS Health ダッシュボード</a>")
                // The numbering goes on past the label between the two lists of steps.
                .contains("<ol start=\"5\">");
    }

    @Test
    void theWeeklyDigestListsRdsActionsAndHealthEventsInBlocksOfTheirOwnRequiredFirst() {
        // Monday 2026-11-30, with nothing a reminder day away.
        Notice required = pending("orders-db", true, "system-update", Instant.parse("2026-12-01T00:00:00Z"));
        Notice optional = pending("reports-db", false, "db-upgrade", null);
        Digest digest = Digest.plan(List.of(optional, required), List.of(END_OF_SUPPORT, RETIREMENT, REBOOT), List.of(),
                List.of(), Instant.parse("2026-11-30T00:00:00Z"), SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);

        assertThat(rendered.subject()).isEqualTo("【要対応・必須】保留中のメンテナンス・予定 週次まとめ 必須4件・任意1件");
        String text = rendered.text();
        assertThat(text).contains("週次まとめ: 保留中のメンテナンスと予定は全 5件 (必須 4件、任意 1件) です。"
                + "内訳は、RDS の保留中のメンテナンス 2件 (対象のデータベース 2件)、AWS Health のイベント 3件です。");
        List<String> headings = text.lines().filter(line -> line.startsWith("■ ")).toList();
        assertThat(headings).containsSubsequence("■ 必須: RDS の保留中のメンテナンス (1件)", "■ 必須: AWS Health のイベント (3件)",
                "■ 任意: RDS の保留中のメンテナンス (1件)", "■ 推奨対応");
        // Within the events, the earliest first.
        assertThat(text.indexOf("EC2 インスタンス再起動 /")).isLessThan(text.indexOf("EC2 インスタンスのリタイア /"));
        assertThat(text.indexOf("EC2 インスタンスのリタイア /")).isLessThan(text.indexOf("標準サポート終了 /"));
        assertThat(text).contains("  実施予定: 2027年1月11日(月) 18:00 JST (あと 42 日)\n")
                .contains("7. EC2 インスタンスのリタイア: EBS から起動したインスタンスは、期日より前に停止して起動し直すと")
                .contains("8. RDS for PostgreSQL 標準サポート終了: ");
    }

    @Test
    void aWeeklyDigestOfRdsActionsAloneReadsAsBefore() {
        Digest digest = weekly();

        String text = DigestRenderer.render(digest).text();

        assertThat(text).contains("■ 必須: AWS が期日に自動で適用 (1件)", "■ 任意: 自動では適用されない (1件)",
                "■ 推奨対応\n1. 必須のものは", "リマインド: 適用予定の 14・7・3・1 日前")
                .doesNotContain("AWS Health", "RDS の保留中のメンテナンス:", "予定 (");
    }

    @Test
    void overdueStoriesAreReportedOnceWithTheDaysSinceTheirDate() {
        // Friday 2027-01-15: the reboot of 2026-12-05 and the retirement of 2027-01-11 passed with no sign of completion.
        Digest digest = Digest.plan(List.of(), List.of(), List.of(RETIREMENT, REBOOT), List.of(),
                Instant.parse("2027-01-15T00:00:00Z"), SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);

        assertThat(rendered.subject()).isEqualTo("【要確認】期限を過ぎたメンテナンス 2件 (完了を確認できません)");
        assertThat(rendered.text())
                .startsWith("■ 概要\n期限を過ぎても完了を確認できないものが 2件あります。作業が済んでいるか確認してください。\n")
                .contains(OVERDUE_HEADING + " (2件)\n" + TOLD_ONCE + "\n"
                        + "- [必須] i-0a1b2c3d4e5f67890: EC2 インスタンス再起動 / ap-northeast-1 (東京) / アカウント 123456789012\n"
                        + "  実施予定: 2026年12月5日(土) 00:00 JST (41 日経過)\n"
                        + "  AWS Health ダッシュボード: " + REBOOT_PAGE + "\n"
                        + "- [必須] i-0f9e8d7c6b5a43210: EC2 インスタンスのリタイア / ap-northeast-1 (東京) / アカウント 123456789012\n"
                        + "  実施予定: 2027年1月11日(月) 18:00 JST (4 日経過)\n")
                .contains("■ 推奨対応\n1. 期限を過ぎたものは、作業が済んでいるかを対象リソースで確認してください。")
                // How long a change stops says nothing once its date has passed; no RDS steps without RDS actions.
                .doesNotContain("停止の目安", "RDS", "あと ");
        assertThat(rendered.html()).contains("<p style=\"margin:0 0 8px\">" + TOLD_ONCE + "</p>\n<table");
    }

    @Test
    void overdueStoriesOnTheDigestDayAreCountedInItsSubjectAndItsSummary() {
        Digest digest = Digest.plan(List.of(pending("reports-db", false, "db-upgrade", null)), List.of(), List.of(REBOOT),
                List.of(), Instant.parse("2026-12-07T00:00:00Z"), SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);

        assertThat(rendered.subject()).isEqualTo("【要確認】RDS 保留中のメンテナンス 週次まとめ 任意1件・期限経過1件");
        String text = rendered.text();
        assertThat(text).contains("■ 概要\n期限を過ぎても完了を確認できないものが 1件あります。")
                .contains("  実施予定: 2026年12月5日(土) 00:00 JST (2 日経過)")
                .contains("■ 推奨対応\nRDS の保留中のメンテナンス:\n1. ")
                .contains("\n期限を過ぎても完了を確認できないもの:\n5. 期限を過ぎたものは");
        // Reported before the weekly list: it will not be told again.
        assertThat(text.indexOf(OVERDUE_HEADING)).isLessThan(text.indexOf("■ 任意: 自動では適用されない (1件)"));
    }

    @Test
    void aReminderSubjectStaysUnderTheSnsLimitAndKeepsItsDateWhateverTheEventHolds() throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Events.sample("health-ec2-instance-reboot.json"));
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("service", "S".repeat(500));
        ArrayNode entities = detail.putArray("affectedEntities");
        for (int i = 0; i < 40; i++) {
            entities.addObject().put("entityValue", "i-" + "0".repeat(90) + i).put("status", "PENDING");
        }
        Digest digest = Digest.plan(List.of(), List.of(RenderingFixtures.notice(event)), List.of(), List.of(),
                Instant.parse("2026-11-28T00:00:00Z"), SETTINGS).orElseThrow();

        String subject = DigestRenderer.render(digest).subject();

        assertThat(subject).hasSizeLessThanOrEqualTo(Subject.MAX_LENGTH)
                .isEqualTo("【要対応・必須】メンテナンスのリマインド 40件 12/5(土) 00:00 予定 (あと 7 日)");
    }

    @Test
    void aDigestOfThousandsOfHealthEventsFitsSnsAndSaysWhereTheRestAre() throws Exception {
        List<Notice> events = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            events.add(i % 2 == 0 ? RETIREMENT : END_OF_SUPPORT);
        }
        Digest digest = Digest.plan(List.of(), events, List.of(REBOOT), List.of(), Instant.parse("2026-11-30T00:00:00Z"),
                SETTINGS).orElseThrow();

        RenderedDigest rendered = DigestRenderer.render(digest);
        String message = rendered.snsMessage();

        assertThat(Utf8.length(rendered.text())).isGreaterThan(SnsMessage.MAX_BYTES);
        assertThat(Utf8.length(message)).isLessThanOrEqualTo(SnsMessage.MAX_BYTES);
        String text = MAPPER.readTree(message).get("default").asText();
        assertThat(text).contains("■ 必須: AWS Health のイベント (700件)")
                .containsPattern("\\(ほか \\d+件は SNS の上限 262,144 バイトに収めるため省略しました。全件はメールまたは AWS Health "
                        + "ダッシュボードで確認してください\\)")
                .contains(OVERDUE_HEADING + " (1件)\n" + TOLD_ONCE + "\n- [必須] i-0a1b2c3d4e5f67890")
                .contains("■ 推奨対応").contains("■ スキャンの条件");
    }
}
