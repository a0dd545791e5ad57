package dev.shirase.render;

import dev.shirase.advice.Platform;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Category;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.PendingAction;
import dev.shirase.scan.Digest;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.RegionGap.Cause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scan's digest in Japanese: what is due (reminders), then on the digest day everything pending grouped by
 * urgency, each action with its database, the moment it will be applied in JST, and the command that applies it; then
 * the regions that could not be finished, why, and what that means for what is listed.
 */
public final class DigestRenderer {
    private DigestRenderer() {
    }

    /**
     * One block of the body; the action lists may be cut to fit a budget, the rest is never cut. An action list keeps
     * its rows as well as its text items, so the HTML can lay them out as a table; the links block keeps its links.
     */
    private record Block(String heading, List<String> items, String text, List<ActionRow> rows, List<Links.Link> links) {
        Block(String heading, String text) {
            this(heading, null, text, List.of(), List.of());
        }

        static Block actions(String heading, List<Notice> notices, Instant now) {
            List<ActionRow> rows = notices.stream().map(n -> ActionRow.of(n, now)).toList();
            return new Block(heading, rows.stream().map(ActionRow::text).toList(), null, rows, List.of());
        }
    }

    /**
     * The facts of one pending action, as both the text and the HTML show them.
     *
     * @param binding   必須 or 任意
     * @param databases the DB identifiers
     * @param where     region, and the account when known
     * @param title     what the action is
     * @param at        when it will be applied, in JST, or null when no date is known
     * @param how       how it will be applied at that moment, or, without a date, what is known instead
     * @param daysLeft  the days left to {@code at}, or null
     * @param dates     the auto-apply and forced-apply dates AWS gave
     * @param window    the maintenance window in JST, or that it is unknown; null without the DB's details
     * @param engine    engine and version, or null
     * @param multiAz   Multi-AZ or Single-AZ with the expected downtime, or null
     * @param described AWS's own description of the action, or null
     * @param command   the CLI command that applies it now
     */
    private record ActionRow(String binding, String databases, String where, String title, String at, String how,
            String daysLeft, List<String> dates, String window, String engine, String multiAz, String described,
            String command) {

        static ActionRow of(Notice n, Instant now) {
            Announcement a = n.announcement();
            DatabaseState db = n.databases().isEmpty() ? null : n.databases().get(0);
            PendingAction action = db == null || db.pendingActions().isEmpty() ? null : db.pendingActions().get(0);
            Deadline d = n.deadline();
            String how;
            if (d != null) {
                how = switch (d.kind()) {
                    case FORCED_APPLY -> " に強制適用";
                    case AUTO_APPLY_FROM -> " 以降の最初のメンテナンスウィンドウで自動適用。ウィンドウは不明です";
                    default -> "、メンテナンスウィンドウの開始時に自動適用";
                };
            } else if ("next-maintenance".equals(a.status())) {
                how = "次のメンテナンスウィンドウ (適用の予約済み)";
            } else {
                how = "なし (自動では適用されません)";
            }
            List<String> dates = new ArrayList<>();
            if (a.schedule().autoApplyAfter() != null) {
                dates.add("自動適用開始日 " + Jst.dateTime(a.schedule().autoApplyAfter()));
            }
            if (a.schedule().forcedApply() != null) {
                dates.add("強制適用日 " + Jst.dateTime(a.schedule().forcedApply()));
            }
            String window = null;
            String engine = null;
            String multiAz = null;
            if (db != null) {
                window = db.window() == null ? "メンテナンスウィンドウ不明" : "メンテナンスウィンドウ " + db.window().toJapanese();
                engine = db.engine() == null ? null : db.engine() + (db.engineVersion() == null ? "" : " " + db.engineVersion());
                boolean aurora = db.engine() != null && db.engine().startsWith("aurora");
                String downtime = Guidance.downtime(n, Guidance.advice(n, Platform.of(n)), dev.shirase.facts.Facts.NONE);
                // Aurora has readers and a writer, not RDS's Single-AZ/Multi-AZ: its downtime is its own.
                multiAz = aurora ? (downtime == null ? null : "停止の目安: " + downtime)
                        : db.multiAz() == null ? null
                        : (db.multiAz() ? "Multi-AZ" : "Single-AZ") + shortImpact(n.category(), db.multiAz());
            }
            return new ActionRow(n.obligation().japanese(), String.join(", ", a.resourceIds()),
                    Regions.describe(a.region()) + (a.account() == null ? "" : " / アカウント " + a.account()), n.title(),
                    d == null ? null : Jst.dateTime(d.at()), how, d == null ? null : Jst.daysLeft(now, d.at()), dates,
                    window, engine, multiAz, action == null ? null : action.description(),
                    ApplyCommand.of(n, "immediate"));
        }

        /** The moment, how, and the days left: {@code 2026年12月8日(火) 03:00 JST、メンテナンスウィンドウの開始時に自動適用 (あと 7 日)}. */
        String when() {
            return at == null ? how : at + how + " (" + daysLeft + ")";
        }

        /** The facts of the database: window, engine, Multi-AZ, those that are known. */
        List<String> databaseFacts() {
            List<String> facts = new ArrayList<>();
            for (String fact : new String[] {window, engine, multiAz}) {
                if (fact != null) {
                    facts.add(fact);
                }
            }
            return facts;
        }

        /** The plain-text item. */
        String text() {
            List<String> lines = new ArrayList<>();
            lines.add("- [" + binding + "] " + databases + ": " + title + " / " + where);
            lines.add("  適用予定: " + when());
            if (!dates.isEmpty()) {
                lines.add("  " + String.join(" / ", dates));
            }
            if (!databaseFacts().isEmpty()) {
                lines.add("  " + String.join(" / ", databaseFacts()));
            }
            if (described != null) {
                lines.add("  内容 (原文): " + described);
            }
            lines.add("  自分で適用: " + command);
            return String.join("\n", lines);
        }
    }

    /** The body as blocks, so it can be cut to a byte budget item by item. */
    public static final class Layout {
        private final List<Block> blocks;

        private Layout(List<Block> blocks) {
            this.blocks = List.copyOf(blocks);
        }

        public String text() {
            return text(Integer.MAX_VALUE);
        }

        /** The body within {@code maxBytes}: action items are dropped from the end, and counted, until it fits. */
        public String text(int maxBytes) {
            String full = join(blocks, Map.of());
            if (Utf8.length(full) <= maxBytes) {
                return full;
            }
            Map<Integer, Integer> kept = new java.util.HashMap<>();
            for (int i = 0; i < blocks.size(); i++) {
                kept.put(i, blocks.get(i).items() == null ? 0 : blocks.get(i).items().size());
            }
            String text = full;
            // Drop the last item of the longest list until the text fits (a digest of thousands of actions).
            while (Utf8.length(text) > maxBytes) {
                int longest = kept.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
                if (longest < 0 || kept.get(longest) == 0) {
                    return Utf8.truncate(text, maxBytes);
                }
                int drop = Math.max(1, kept.get(longest) / 10);
                kept.put(longest, kept.get(longest) - drop);
                text = join(blocks, kept);
            }
            return text;
        }

        private static String join(List<Block> blocks, Map<Integer, Integer> kept) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append("■ ").append(b.heading()).append('\n');
                if (b.items() != null) {
                    int shown = kept.getOrDefault(i, b.items().size());
                    b.items().stream().limit(shown).forEach(item -> text.append(item).append('\n'));
                    if (shown < b.items().size()) {
                        text.append(String.format(Locale.ROOT,
                                "(ほか %d件は SNS の上限 262,144 バイトに収めるため省略しました。全件はメールまたは RDS コンソールで確認してください)%n",
                                b.items().size() - shown));
                    }
                    trimEnd(text);
                } else {
                    text.append(b.text());
                }
            }
            return text.append('\n').toString();
        }

        private static void trimEnd(StringBuilder s) {
            while (!s.isEmpty() && s.charAt(s.length() - 1) == '\n') {
                s.setLength(s.length() - 1);
            }
        }
    }

    public static RenderedDigest render(Digest digest) {
        String subject = subject(digest);
        Layout layout = layout(digest);
        return new RenderedDigest(subject, layout.text(), html(subject, layout), chat(digest, subject), layout);
    }

    static String subject(Digest d) {
        Instant now = d.now();
        if (!d.due().isEmpty()) {
            Notice first = d.due().get(0);
            List<String> ids = resourceIds(d.due());
            String resources = ids.size() == 1 ? ids.get(0) : ids.get(0) + " ほか" + (ids.size() - 1) + "件";
            String when = Jst.shortDateTime(first.deadline().at(), now) + " (" + Jst.daysLeft(now, first.deadline().at()) + ")";
            String full = "【要対応・必須】RDS 必須メンテナンスのリマインド " + resources + " " + when;
            return full.length() <= Subject.MAX_LENGTH ? full
                    : "【要対応・必須】RDS 必須メンテナンスのリマインド " + ids.size() + "件 " + when;
        }
        if (d.weekly() && !d.pending().isEmpty()) {
            return (d.requiredCount() > 0 ? "【要対応・必須】" : "【要確認】") + "RDS 保留中のメンテナンス 週次まとめ "
                    + counts(d);
        }
        if (!d.notScanned().isEmpty()) {
            return "【要確認】RDS 保留中のメンテナンスを確認できないリージョンがあります (" + d.notScanned().size() + "件)";
        }
        return "【要確認】RDS 保留中のメンテナンス " + counts(d) + " (DB の詳細を読めなかったリージョン "
                + d.detailsUnread().size() + "件)";
    }

    /** {@code 必須2件・任意1件} of the listed actions, each part only when there is one. */
    private static String counts(Digest d) {
        long required = d.requiredCount();
        long optional = d.pending().size() - required;
        return (required > 0 ? "必須" + required + "件" + (optional > 0 ? "・" : "") : "")
                + (optional > 0 ? "任意" + optional + "件" : "");
    }

    private static Layout layout(Digest d) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block("概要", summary(d)));
        if (!d.due().isEmpty()) {
            blocks.add(Block.actions("期限が近い必須のメンテナンス (" + d.due().size() + "件)", d.due(), d.now()));
        }
        if (d.weekly()) {
            List<Notice> required = d.pending().stream().filter(n -> n.obligation() == Obligation.REQUIRED).toList();
            List<Notice> optional = d.pending().stream().filter(n -> n.obligation() != Obligation.REQUIRED).toList();
            if (!required.isEmpty()) {
                blocks.add(Block.actions("必須: AWS が期日に自動で適用 (" + required.size() + "件)", required, d.now()));
            }
            if (!optional.isEmpty()) {
                blocks.add(Block.actions("任意: 自動では適用されない (" + optional.size() + "件)", optional, d.now()));
            }
        } else if (!d.pending().isEmpty()) {
            blocks.add(Block.actions("DB の詳細を読めなかったリージョンの保留中のメンテナンス (" + d.pending().size() + "件)",
                    d.pending(), d.now()));
        }
        if (!d.notScanned().isEmpty()) {
            blocks.add(new Block("スキャンできなかったリージョン", gapLines(d.notScanned())
                    + "\nこれらのリージョンの保留中のメンテナンスは、この通知に含まれていません。RDS コンソールで確認してください。"
                    + accessHint(d.notScanned())));
        }
        if (!d.detailsUnread().isEmpty()) {
            blocks.add(new Block("DB の詳細を読めなかったリージョン", gapLines(d.detailsUnread())
                    + "\nこれらのリージョンの保留中のメンテナンスも一覧に含めています。詳細を読めなかった DB は、名前を ARN から取っています。"
                    + "メンテナンスウィンドウが分からないため、適用予定とリマインドは自動適用開始日を基準にしています。"
                    + "実際の適用はその日以降の最初のメンテナンスウィンドウで、表示より最大 7 日遅くなることがあります。"
                    + accessHint(d.detailsUnread())));
        }
        blocks.add(new Block("推奨対応", String.join("\n",
                "1. 必須のものは期日より前の、業務影響の少ない時間帯に自分で適用してください (各項目のコマンド、または RDS コンソールの「メンテナンスとバックアップ」)。",
                "2. 次のメンテナンスウィンドウで適用するなら、コマンドの --opt-in-type を next-maintenance にしてください。",
                "3. Aurora 以外の本番環境は Multi-AZ 構成にして、停止時間を短くすることを検討してください。",
                "4. メンテナンスウィンドウが業務時間外に設定されていることを確認してください。")));
        List<Links.Link> links = consoleLinks(d);
        blocks.add(new Block("リンク", null, links.stream().map(link -> link.label() + ": " + link.url())
                .collect(Collectors.joining("\n")), List.of(), links));
        blocks.add(new Block("スキャンの条件", "スキャン日時: " + Jst.dateTime(d.now())
                + "\n対象リージョン: " + d.settings().regions().stream().map(Regions::describe).collect(Collectors.joining(", "))
                + "\nリマインド: 適用予定の " + d.settings().reminderDays().stream().sorted(java.util.Comparator.reverseOrder())
                        .map(String::valueOf).collect(Collectors.joining("・")) + " 日前"
                + " / 週次まとめ: 毎週" + Jst.weekday(d.settings().digestDay()) + "曜日"));
        return new Layout(blocks);
    }

    private static String summary(Digest d) {
        List<String> lines = new ArrayList<>();
        if (!d.due().isEmpty()) {
            Notice first = d.due().get(0);
            lines.add("RDS の必須のメンテナンス " + d.due().size() + "件の適用が近づいています。最も早いものは "
                    + Jst.dateTime(first.deadline().at()) + " (" + Jst.daysLeft(d.now(), first.deadline().at())
                    + ") に AWS が自動で適用します。適用中はデータベースに接続できない時間があります。");
        }
        if (d.weekly()) {
            long required = d.requiredCount();
            lines.add(d.pending().isEmpty() ? "保留中のメンテナンスはありません。"
                    : "週次まとめ: 保留中のメンテナンスは全 " + d.pending().size() + "件 (必須 " + required + "件、任意 "
                            + (d.pending().size() - required) + "件)、対象のデータベースは " + resourceIds(d.pending()).size()
                            + "件です。");
        }
        if (!d.notScanned().isEmpty()) {
            lines.add(d.notScanned().size() + "件のリージョンをスキャンできませんでした。");
        }
        if (!d.detailsUnread().isEmpty()) {
            lines.add(d.detailsUnread().size() + "件のリージョンで DB の詳細 (メンテナンスウィンドウなど) を読めませんでした。"
                    + "詳細を読めなかった DB の適用予定は、自動適用開始日で示しています。");
        }
        return String.join("\n", lines);
    }

    /** One line per region: {@code - us-east-1 (バージニア北部): アクセスが拒否されました。エラー内容 (原文): ...}. */
    private static String gapLines(Map<String, RegionGap> gaps) {
        return gaps.entrySet().stream()
                .map(e -> "- " + Regions.describe(e.getKey()) + ": " + why(e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    private static String why(RegionGap gap) {
        String cause = switch (gap.cause()) {
            case TIME_RAN_OUT -> "制限時間内に読み終わりませんでした。";
            case THROTTLED -> "スロットリング (API 呼び出しの制限) が続きました。";
            case ACCESS_DENIED -> "アクセスが拒否されました。";
            case FAILED -> "API の呼び出しに失敗しました。";
        };
        return gap.error() == null ? cause : cause + "エラー内容 (原文): " + gap.error();
    }

    /** What to check when a region refused access: the one cause the reader can fix in the scan's own setup. */
    private static String accessHint(Map<String, RegionGap> gaps) {
        return gaps.values().stream().anyMatch(gap -> gap.cause() == Cause.ACCESS_DENIED)
                ? "\nアクセスが拒否されたリージョンは、スキャンに使うロールの権限 (rds:Describe*) を確認してください。" : "";
    }

    /** The downtime AWS states for RDS OS updates; other actions get no figure. */
    private static String shortImpact(Category category, boolean multiAz) {
        if (category != Category.OS_UPDATE) {
            return "";
        }
        return multiAz ? " (停止の目安: フェイルオーバーの 60〜120 秒)" : " (停止の目安: 約 10 分)";
    }

    private static List<Links.Link> consoleLinks(Digest d) {
        Set<String> regions = new LinkedHashSet<>();
        d.due().forEach(n -> regions.add(n.announcement().region()));
        d.pending().forEach(n -> regions.add(n.announcement().region()));
        regions.addAll(d.gaps().keySet());
        if (regions.isEmpty()) {
            regions.addAll(d.settings().regions());
        }
        return regions.stream().filter(Regions::isRegionCode)
                .map(r -> new Links.Link("RDS コンソール " + Regions.describe(r), "https://" + r
                        + ".console.aws.amazon.com/rds/home?region=" + r + "#databases:"))
                .toList();
    }

    private static List<String> resourceIds(List<Notice> notices) {
        return notices.stream().flatMap(n -> n.announcement().resourceIds().stream()).distinct().toList();
    }

    /**
     * The digest as HTML: each list of actions a table with a row per action (database, action and how binding, when
     * in JST with the days left, window) and its command beneath, every other block as paragraphs and lists. Unlike
     * the SNS text, nothing is cut.
     */
    private static String html(String subject, Layout layout) {
        StringBuilder h = new StringBuilder(4096);
        HtmlEmail.start(h, subject);
        HtmlEmail.banner(h, subject.startsWith("【要対応・必須】") ? "要対応・必須" : "要確認", subject);
        for (Block b : layout.blocks) {
            HtmlEmail.section(h, b.heading());
            if (!b.rows().isEmpty()) {
                table(h, b.rows());
            } else if (!b.links().isEmpty()) {
                h.append("<ul>\n");
                b.links().forEach(link -> h.append("<li><a href=\"").append(HtmlEmail.escape(link.url())).append("\">")
                        .append(HtmlEmail.escape(link.label())).append("</a></li>\n"));
                h.append("</ul>\n");
            } else {
                paragraphs(h, b.items() == null ? b.text() : String.join("\n", b.items()));
            }
        }
        return HtmlEmail.end(h).toString();
    }

    private static final String TH = HtmlEmail.CELL + "background:#f5f5f5;font-size:13px;";
    private static final String SMALL = "font-size:13px;color:#555";

    /**
     * One group of actions, a row each: the database on the left; on the right what it is and how binding, when it
     * will be applied with the days left, and the window; the command beneath, across both. Two columns, not five, so
     * that a 390 px screen still reads each fact on a line or two. Fixed layout in percentages: no value can widen it.
     */
    private static void table(StringBuilder h, List<ActionRow> rows) {
        h.append("<table style=\"").append(HtmlEmail.TABLE).append("border:1px solid #ddd\">\n")
                .append("<colgroup><col style=\"width:35%\" /><col style=\"width:65%\" /></colgroup>\n")
                .append("<thead><tr><th style=\"").append(TH).append("\">データベース</th><th style=\"").append(TH)
                .append("\">メンテナンスと適用予定 (JST)</th></tr></thead>\n<tbody>\n");
        String cell = HtmlEmail.CELL + "border-bottom:none;";
        for (ActionRow r : rows) {
            h.append("<tr><td style=\"").append(cell).append("\"><strong>").append(HtmlEmail.escape(r.databases()))
                    .append("</strong>");
            small(h, r.where());
            small(h, r.engine());
            small(h, r.multiAz());
            h.append("</td>\n<td style=\"").append(cell).append("\"><strong style=\"color:")
                    .append(HtmlEmail.bindingColour(r.binding())).append("\">").append(HtmlEmail.escape(r.binding()))
                    .append("</strong> ").append(HtmlEmail.escape(r.title())).append("<br />");
            if (r.at() != null) {
                // As the text says it, with the days left in bold: the moment and how are one phrase.
                h.append(HtmlEmail.escape(r.at() + r.how())).append(" <strong>(").append(HtmlEmail.escape(r.daysLeft()))
                        .append(")</strong>");
            } else {
                h.append(HtmlEmail.escape(r.how()));
            }
            small(h, r.window());
            r.dates().forEach(date -> small(h, date));
            small(h, r.described() == null ? null : "内容 (原文): " + r.described());
            h.append("</td></tr>\n<tr><td colspan=\"2\" style=\"").append(HtmlEmail.CELL).append("padding-top:0\">")
                    .append("<span style=\"").append(SMALL).append("\">自分で適用:</span>");
            HtmlEmail.command(h, r.command()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** A secondary fact on its own line, when there is one. */
    private static void small(StringBuilder h, String fact) {
        if (fact != null) {
            h.append("<br /><span style=\"").append(SMALL).append("\">").append(HtmlEmail.escape(fact)).append("</span>");
        }
    }

    /** Text as paragraphs, with runs of {@code - } lines as a list and of {@code 1. } lines as a numbered one. */
    private static void paragraphs(StringBuilder h, String text) {
        String open = null;
        for (String line : text.split("\n", -1)) {
            String tag = line.startsWith("- ") ? "ul" : line.matches("\\d+\\. .*") ? "ol" : null;
            if (!java.util.Objects.equals(tag, open)) {
                if (open != null) {
                    h.append("</").append(open).append(">\n");
                }
                if (tag != null) {
                    h.append('<').append(tag).append(">\n");
                }
                open = tag;
            }
            if (tag != null) {
                h.append("<li>").append(HtmlEmail.escape(line.substring(line.indexOf(' ') + 1))).append("</li>\n");
            } else if (!line.isBlank()) {
                h.append("<p style=\"margin:0 0 8px\">").append(HtmlEmail.escape(line)).append("</p>\n");
            }
        }
        if (open != null) {
            h.append("</").append(open).append(">\n");
        }
    }

    private static String chat(Digest d, String subject) {
        // Laid out as the notice's chat is (see ChatNotification.description): paragraphs apart, "- " lists, no markup.
        StringBuilder description = new StringBuilder(ChatText.neutralise(summary(d)).replace("\n", "\n\n")).append('\n');
        List<Notice> listed = d.due().isEmpty() ? d.pending() : d.due();
        listed.stream().limit(ChatNotification.LISTED_LINES)
                .forEach(n -> description.append("\n- ").append(chatItem(n, d.now())));
        if (listed.size() > ChatNotification.LISTED_LINES) {
            description.append("\n").append(NoticeContent.moreResources(ChatNotification.LISTED_LINES, listed.size()));
        }
        return new ChatNotification.Builder(subject, description.toString())
                .nextStep("期日より前の業務影響の少ない時間帯に、自分で適用してください。")
                .nextStep("詳細はメールまたは RDS コンソールで確認してください。")
                .summary(subject)
                .eventType("RDS_PENDING_MAINTENANCE_DIGEST")
                .json();
    }

    /** One action as a chat bullet: its resources (made inert, shortened), what it is, and when. */
    private static String chatItem(Notice n, Instant now) {
        String resources = Shorten.middle(ChatText.inline(String.join(", ", n.announcement().resourceIds()
                .stream().limit(ChatNotification.LISTED_LINES).toList())), ChatNotification.MAX_LISTED_LINE);
        return resources + ": " + ChatText.inline(n.title())
                + (n.deadline() == null ? "" : " " + Jst.shortDateTime(n.deadline().at(), now)
                        + " (" + Jst.daysLeft(now, n.deadline().at()) + ")");
    }
}
