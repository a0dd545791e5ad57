package dev.shirase.render;

import dev.shirase.advice.Advice;
import dev.shirase.advice.Platform;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Category;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Origin;
import dev.shirase.notice.PendingAction;
import dev.shirase.scan.Digest;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.RegionGap.Cause;
import dev.shirase.scan.ScanAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scan's digest in Japanese: what is due (reminders), then what passed its date without a sign of completion, then
 * on the digest day everything pending grouped by urgency; each RDS action with its database, the moment it will be
 * applied in JST, and the command that applies it, each AWS Health event with its resources, its date and its page in
 * the AWS Health dashboard; then the regions that could not be finished, why, and what that means for what is listed.
 * A digest of RDS actions alone reads as it did before Health events joined it.
 */
public final class DigestRenderer {
    private DigestRenderer() {
    }

    /**
     * One block of the body; the item lists may be cut to fit a budget, the rest is never cut. A list keeps its rows as
     * well as its text items, so the HTML can lay them out as a table; the links block keeps its links.
     *
     * @param lead      a sentence before the items, or null
     * @param elsewhere where the reader finds the items that a cut leaves out
     */
    private record Block(String heading, String lead, List<String> items, String text, List<Row> rows,
            List<Links.Link> links, String elsewhere) {
        Block(String heading, String text) {
            this(heading, null, null, text, List.of(), List.of(), null);
        }

        static Block rows(String heading, String lead, List<Notice> notices, Instant now) {
            List<Row> rows = notices.stream().map(n -> Row.of(n, now)).toList();
            String elsewhere = rows.stream().map(Row::elsewhere).distinct().collect(Collectors.joining("と"));
            return new Block(heading, lead, rows.stream().map(Row::text).toList(), null, rows, List.of(), elsewhere);
        }
    }

    /** One listed notice, as both the text and the HTML show it: an RDS pending action, or any other notice. */
    private sealed interface Row permits ActionRow, EventRow {
        static Row of(Notice n, Instant now) {
            return isPendingAction(n) ? ActionRow.of(n, now) : EventRow.of(n, now);
        }

        /** The plain-text item. */
        String text();

        /** Where the whole list can be read when the SNS text leaves this item out. */
        String elsewhere();

        /** What it is and which resources, for 概要: {@code EC2 インスタンス再起動 (i-0abc ほか2件)}. */
        String summaryName();

        /** When, as a sentence for 概要: {@code 実施予定は 2026年12月5日(土) 00:00 JST (あと 7 日) です。} */
        String summaryDate();
    }

    private static boolean isPendingAction(Notice n) {
        return n.announcement().origin() == Origin.PENDING_MAINTENANCE;
    }

    /** Whether every notice is an RDS pending action: such a digest keeps the wording it had before Health events. */
    private static boolean onlyPendingActions(List<Notice> notices) {
        return notices.stream().allMatch(DigestRenderer::isPendingAction);
    }

    /** {@code ap-northeast-1 (東京) / アカウント prod-web (123456789012)}, the name when it is known. */
    private static String place(Notice n) {
        Announcement a = n.announcement();
        return Shorten.id(Regions.describe(a.region()))
                + (a.account() == null ? "" : " / アカウント " + AccountLabel.of(a.account(), n.accountName()));
    }

    /**
     * The facts of one AWS Health event (or of another notice that is not a pending action), taken from the notice the
     * event was told by, so that the digest words each as its notice did.
     *
     * @param binding  必須, 任意 or 情報
     * @param facts    the first resources by their human name, their count, the days left
     * @param where    region, and the account when known
     * @param title    the service and what happens
     * @param label    what the date is, as 日時 names it for the deadline's kind ({@code 実施予定}, {@code 標準サポート終了},
     *                 {@code 期限} ...), or null without a date
     * @param moment   the date in JST, a time only where AWS gave one, or null
     * @param downtime 停止の目安 as the notice gives it, or null
     * @param link     where the reader looks next: the event in the AWS Health dashboard; null without one
     * @param brief    the date for a subject or a chat line ({@code 12/5(土) 00:00 予定}, {@code 2/28(日)まで}), or null
     * @param health   whether it is an AWS Health event
     */
    private record EventRow(String binding, KeyFacts facts, String where, String title, String label, String moment,
            String downtime, Links.Link link, String brief, boolean health) implements Row {

        static EventRow of(Notice n, Instant now) {
            NoticeContent c = NoticeContent.of(n, now);
            Deadline d = n.deadline();
            Timing timing = d == null ? null : Timing.of(n, Platform.of(n));
            String brief = null;
            if (d != null) {
                // A notice's short date says 期限経過 once its date has passed; the days after it say that here.
                brief = Jst.daysBetween(now, d.at()) >= 0 ? c.deadlineShort()
                        : Jst.isDateOnly(d.at()) ? Jst.shortDate(d.at(), now) : Jst.shortDateTime(d.at(), now);
            }
            // How long it stops matters before the date, not after it.
            String downtime = d != null && Jst.daysBetween(now, d.at()) < 0 ? null : c.downtime();
            return new EventRow(c.keyFacts().binding(), c.keyFacts(), place(n),
                    c.service() + " " + n.title(), timing == null ? null : timing.label(),
                    timing == null ? null : timing.moment(), downtime, c.links().isEmpty() ? null : c.links().get(0),
                    brief, n.announcement().origin() == Origin.HEALTH_EVENT);
        }

        /** {@code i-0abc、i-0def ほか 1件 (全 3件)} */
        String names() {
            return HtmlEmail.names(facts);
        }

        String daysLeft() {
            return facts.daysLeft();
        }

        /** The date with what it is, and the days left: {@code 実施予定: 2026年12月5日(土) 00:00 JST (あと 11 日)}. */
        String when() {
            return label == null ? "日時の記載はありません" : label + ": " + moment + " (" + daysLeft() + ")";
        }

        @Override
        public String text() {
            List<String> lines = new ArrayList<>();
            lines.add("- [" + binding + "] " + names() + ": " + title + " / " + where);
            lines.add("  " + when());
            if (downtime != null) {
                lines.add("  停止の目安: " + downtime);
            }
            if (link != null) {
                lines.add("  " + link.label() + ": " + link.url());
            }
            return String.join("\n", lines);
        }

        @Override
        public String elsewhere() {
            return health ? "AWS Health ダッシュボード" : "RDS コンソール";
        }

        @Override
        public String summaryName() {
            // The first resource and a count: the body's list of names would put parentheses inside these.
            List<String> names = facts.names();
            return title + (names.isEmpty() ? "" : " (" + names.get(0)
                    + (facts.resourceCount() > 1 ? " ほか" + (facts.resourceCount() - 1) + "件" : "") + ")");
        }

        @Override
        public String summaryDate() {
            return label + "は " + moment + " (" + daysLeft() + ") です。";
        }

        /** The subject's and the chat's date: {@code 12/5(土) 00:00 予定 (あと 7 日)}. */
        String brieflyWhen() {
            return brief == null ? "" : brief + " (" + daysLeft() + ")";
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
            String command) implements Row {

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
                // Aurora has readers and a writer, not RDS's Single-AZ/Multi-AZ: its downtime is its own. Looked up
                // for Aurora alone: finding the platform reads the description, for each of thousands of rows.
                String downtime = aurora
                        ? Guidance.downtime(n, Guidance.advice(n, Platform.of(n)), dev.shirase.facts.Facts.NONE) : null;
                multiAz = aurora ? (downtime == null ? null : "停止の目安: " + downtime)
                        : db.multiAz() == null ? null
                        : (db.multiAz() ? "Multi-AZ" : "Single-AZ") + shortImpact(n.category(), db.multiAz());
            }
            return new ActionRow(n.obligation().japanese(), String.join(", ", a.resourceIds()), place(n), n.title(),
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

        @Override
        public String elsewhere() {
            return "RDS コンソール";
        }

        @Override
        public String summaryName() {
            return "RDS の" + Characters.afterJapanese(title) + " (" + databases + ")";
        }

        @Override
        public String summaryDate() {
            return "適用予定は " + at + " (" + daysLeft + ") です。";
        }

        @Override
        public String text() {
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
        private final String full;
        /** By block: the bytes it takes in {@link #full}. */
        private final int[] wholeBytes;
        private final int fullBytes;
        /** Made at the first cut and kept: SNS asks again for less when escaping made a cut too long. */
        private Sizes sizes;

        private Layout(List<Block> blocks) {
            this.blocks = List.copyOf(blocks);
            int[] ends = new int[this.blocks.size()];
            this.full = join(this.blocks, shownInFull(this.blocks), ends);
            // Each block measured where it stands: one pass gives the whole and every block's part of it.
            wholeBytes = new int[ends.length];
            int bytes = 1;
            for (int i = 0, start = 0; i < ends.length; start = ends[i] + 2, i++) {
                wholeBytes[i] = Utf8.length(full, start, ends[i]);
                bytes += wholeBytes[i] + (i > 0 ? 2 : 0);
            }
            this.fullBytes = bytes;
        }

        public String text() {
            return full;
        }

        /**
         * The body within {@code maxBytes}: action items are dropped from the end, and counted, until it fits. The sizes
         * of the cuts are counted rather than written out, so that the text is joined once however many cuts it takes.
         */
        public String text(int maxBytes) {
            if (fullBytes <= maxBytes) {
                return full;
            }
            Sizes sizes = this.sizes;
            if (sizes == null) {
                sizes = new Sizes(blocks, wholeBytes);
                this.sizes = sizes;
            }
            int[] shown = shownInFull(blocks);
            int bytes = fullBytes;
            // Drop the last tenth of the longest list until the text fits (a digest of thousands of actions).
            while (bytes > maxBytes) {
                int longest = longest(shown);
                if (shown[longest] == 0) {
                    return Utf8.truncate(join(blocks, shown), maxBytes);
                }
                int before = sizes.of(longest, shown[longest]);
                shown[longest] -= Math.max(1, shown[longest] / 10);
                bytes += sizes.of(longest, shown[longest]) - before;
            }
            String text = join(blocks, shown);
            // The count is exact; the check keeps the promise even if a block ever writes what the count does not see.
            return Utf8.length(text) <= maxBytes ? text : Utf8.truncate(text, maxBytes);
        }

        /** The first of the longest lists: the one the next cut takes from. */
        private static int longest(int[] shown) {
            int longest = 0;
            for (int i = 1; i < shown.length; i++) {
                if (shown[i] > shown[longest]) {
                    longest = i;
                }
            }
            return longest;
        }

        /** Items shown by block when nothing is cut; 0 for a block without a list. */
        private static int[] shownInFull(List<Block> blocks) {
            return blocks.stream().mapToInt(b -> b.items() == null ? 0 : b.items().size()).toArray();
        }

        /** What each block takes in UTF-8 with some of its items shown, counted as {@link #block} writes it. */
        private static final class Sizes {
            private final List<Block> blocks;
            private final int[] whole;
            private final int[] head;
            /** By block: the bytes of its first n items with their line breaks, at index n. */
            private final int[][] items;

            Sizes(List<Block> blocks, int[] whole) {
                this.blocks = blocks;
                this.whole = whole;
                head = new int[blocks.size()];
                items = new int[blocks.size()][];
                for (int i = 0; i < blocks.size(); i++) {
                    Block b = blocks.get(i);
                    if (b.items() != null) {
                        head[i] = Utf8.length(head(b));
                        items[i] = new int[b.items().size() + 1];
                        for (int n = 0; n < b.items().size(); n++) {
                            items[i][n + 1] = items[i][n] + Utf8.length(b.items().get(n)) + 1;
                        }
                    }
                }
            }

            /** A cut list ends with its note, which no trailing line break of an item can follow. */
            int of(int block, int shown) {
                Block b = blocks.get(block);
                if (b.items() == null || shown == b.items().size()) {
                    return whole[block];
                }
                StringBuilder note = new StringBuilder(note(b, shown));
                trimEnd(note);
                return head[block] + items[block][shown] + Utf8.length(note.toString());
            }
        }

        private static String join(List<Block> blocks, int[] shown) {
            return join(blocks, shown, new int[blocks.size()]);
        }

        /** The blocks joined; where each ends in the text goes into {@code ends}. */
        private static String join(List<Block> blocks, int[] shown, int[] ends) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < blocks.size(); i++) {
                if (i > 0) {
                    text.append("\n\n");
                }
                block(text, blocks.get(i), shown[i]);
                ends[i] = text.length();
            }
            return text.append('\n').toString();
        }

        /** One block with the first {@code shown} of its items, and a note of the rest when some are left out. */
        private static void block(StringBuilder text, Block b, int shown) {
            text.append(head(b));
            if (b.items() != null) {
                b.items().stream().limit(shown).forEach(item -> text.append(item).append('\n'));
                if (shown < b.items().size()) {
                    text.append(note(b, shown));
                }
                trimEnd(text);
            } else {
                text.append(b.text());
            }
        }

        private static String head(Block b) {
            return "■ " + b.heading() + "\n" + (b.lead() == null ? "" : b.lead() + "\n");
        }

        private static String note(Block b, int shown) {
            return String.format(Locale.ROOT,
                    "(ほか %d件は SNS の上限 262,144 バイトに収めるため省略しました。全件はメールまたは %sで確認してください)%n",
                    b.items().size() - shown, b.elsewhere());
        }

        private static void trimEnd(StringBuilder s) {
            while (!s.isEmpty() && s.charAt(s.length() - 1) == '\n') {
                s.setLength(s.length() - 1);
            }
        }
    }

    public static RenderedDigest render(Digest digest) {
        return render(digest, Map.of());
    }

    /** @param sequences by story id, the SEQUENCE of its calendar entry as the state table knows it */
    public static RenderedDigest render(Digest digest, Map<String, Integer> sequences) {
        String subject = subject(digest);
        Layout layout = layout(digest);
        return new RenderedDigest(subject, layout.text(), html(subject, layout), chat(digest, subject), layout,
                Lazy.of(() -> Optional.ofNullable(DigestCalendar.of(digest, sequences))));
    }

    static String subject(Digest d) {
        Instant now = d.now();
        if (!d.due().isEmpty()) {
            if (!onlyPendingActions(d.due())) {
                return reminderSubject(d);
            }
            Notice first = d.due().get(0);
            List<String> ids = resourceIds(d.due());
            String resources = ids.size() == 1 ? ids.get(0) : ids.get(0) + " ほか" + (ids.size() - 1) + "件";
            String when = Jst.shortDateTime(first.deadline().at(), now) + " (" + Jst.daysLeft(now, first.deadline().at()) + ")";
            String full = "【要対応・必須】RDS 必須メンテナンスのリマインド " + resources + " " + when;
            return full.length() <= Subject.MAX_LENGTH ? full
                    : "【要対応・必須】RDS 必須メンテナンスのリマインド " + ids.size() + "件 " + when;
        }
        if (d.weekly() && !d.pending().isEmpty()) {
            return (d.requiredCount() > 0 ? "【要対応・必須】" : "【要確認】")
                    + (onlyPendingActions(d.pending()) ? "RDS 保留中のメンテナンス" : "保留中のメンテナンス・予定")
                    + " 週次まとめ " + counts(d) + (d.overdue().isEmpty() ? "" : "・期限経過" + d.overdue().size() + "件");
        }
        // A passed date is told once, so it goes before the regions, which the next scan tells again if they still fail.
        if (!d.overdue().isEmpty()) {
            return "【要確認】期限を過ぎたメンテナンス " + d.overdue().size() + "件 (完了を確認できません)";
        }
        if (!d.notScanned().isEmpty()) {
            return "【要確認】RDS 保留中のメンテナンスを確認できない" + placesWord(d.notScanned()) + "があります ("
                    + d.notScanned().size() + "件)";
        }
        return "【要確認】RDS 保留中のメンテナンス " + counts(d) + " (DB の詳細を読めなかったリージョン "
                + d.detailsUnread().size() + "件)";
    }

    /**
     * A reminder that includes an AWS Health event: what it is when it is the only one, else that it is a reminder; the
     * resources, then as a count, then left out, until it fits; the earliest date and the days left always whole.
     */
    private static String reminderSubject(Digest d) {
        Notice first = d.due().get(0);
        Row row = Row.of(first, d.now());
        String when = switch (row) {
            case ActionRow action -> Jst.shortDateTime(first.deadline().at(), d.now()) + " (" + action.daysLeft() + ")";
            case EventRow event -> Subject.clean(event.brieflyWhen());
        };
        List<String> whats = new ArrayList<>();
        if (d.due().size() == 1 && row instanceof EventRow event) {
            whats.add(Subject.clean(event.title()) + "のリマインド");
        }
        whats.add("メンテナンスのリマインド");
        List<String> resources = new ArrayList<>(Subject.resourceForms(resourceIds(d.due())));
        resources.add("");
        for (String what : whats) {
            for (String named : resources) {
                String subject = "【要対応・必須】" + what + (named.isEmpty() ? "" : " " + named) + " " + when;
                if (subject.length() <= Subject.MAX_LENGTH) {
                    return subject;
                }
            }
        }
        return Shorten.end("【要対応・必須】メンテナンスのリマインド " + when, Subject.MAX_LENGTH);
    }

    /** {@code 必須2件・任意1件} of the listed actions, each part only when there is one. */
    private static String counts(Digest d) {
        long required = d.requiredCount();
        long optional = d.pending().size() - required;
        return (required > 0 ? "必須" + required + "件" + (optional > 0 ? "・" : "") : "")
                + (optional > 0 ? "任意" + optional + "件" : "");
    }

    /**
     * What a digest holds, for the advice that fits it.
     *
     * @param actions RDS pending actions are listed, or regions of the RDS scan are missing, or nothing else is there
     * @param events  AWS Health events (or other notices than pending actions) are listed as due or pending
     * @param overdue stories past their date are reported
     */
    private record Contents(boolean actions, boolean events, boolean overdue) {
        static Contents of(Digest d) {
            List<Notice> listed = new ArrayList<>(d.due());
            listed.addAll(d.pending());
            boolean events = !onlyPendingActions(listed);
            boolean overdue = !d.overdue().isEmpty();
            boolean actions = listed.stream().anyMatch(DigestRenderer::isPendingAction) || !d.gaps().isEmpty()
                    || (!events && !overdue);
            return new Contents(actions, events, overdue);
        }

        /** Each part of the advice is named only when there is more than one. */
        boolean several() {
            return (actions ? 1 : 0) + (events ? 1 : 0) + (overdue ? 1 : 0) > 1;
        }
    }

    private static final String OVERDUE_HEADING = "期限を過ぎても完了を確認できないもの";
    private static final String OVERDUE_STEP = "期限を過ぎたものは、作業が済んでいるかを対象リソースで確認してください。"
            + "済んでいなければ、AWS Health ダッシュボードやサービスのコンソールで今の予定を確認してください。";

    private static Layout layout(Digest d) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block("概要", summary(d)));
        if (!d.due().isEmpty()) {
            blocks.add(Block.rows((onlyPendingActions(d.due()) ? "期限が近い必須のメンテナンス (" : "期限が近い必須のメンテナンス・予定 (")
                    + d.due().size() + "件)", null, d.due(), d.now()));
        }
        if (!d.overdue().isEmpty()) {
            blocks.add(Block.rows(OVERDUE_HEADING + " (" + d.overdue().size() + "件)",
                    "これらはこの通知で一度だけお知らせし、以降はリマインドしません。", d.overdue(), d.now()));
        }
        if (d.weekly()) {
            weekly(d, blocks);
        } else if (!d.pending().isEmpty()) {
            blocks.add(Block.rows("DB の詳細を読めなかったリージョンの保留中のメンテナンス (" + d.pending().size() + "件)", null,
                    d.pending(), d.now()));
        }
        if (!d.notScanned().isEmpty()) {
            String places = placesWord(d.notScanned());
            blocks.add(new Block("スキャンできなかった" + places, gapLines(d.notScanned())
                    + "\nこれらの" + places + "の保留中のメンテナンスは、この通知に含まれていません。RDS コンソールで確認してください。"
                    + accessHint(d.notScanned())));
        }
        if (!d.detailsUnread().isEmpty()) {
            blocks.add(new Block("DB の詳細を読めなかったリージョン", gapLines(d.detailsUnread())
                    + "\nこれらのリージョンの保留中のメンテナンスも一覧に含めています。詳細を読めなかった DB は、名前を ARN から取っています。"
                    + "メンテナンスウィンドウが分からないため、適用予定とリマインドは自動適用開始日を基準にしています。"
                    + "実際の適用はその日以降の最初のメンテナンスウィンドウで、表示より最大 7 日遅くなることがあります。"
                    + accessHint(d.detailsUnread())));
        }
        blocks.add(new Block("推奨対応", steps(d)));
        List<Links.Link> links = consoleLinks(d);
        blocks.add(new Block("リンク", null, null, links.stream().map(link -> link.label() + ": " + link.url())
                .collect(Collectors.joining("\n")), List.of(), links, null));
        List<Notice> told = new ArrayList<>(d.due());
        told.addAll(d.pending());
        told.addAll(d.overdue());
        blocks.add(new Block("スキャンの条件", "スキャン日時: " + Jst.dateTime(d.now())
                + "\n対象リージョン: " + d.settings().regions().stream().map(Regions::describe).collect(Collectors.joining(", "))
                + scannedAccounts(d.settings().accounts())
                + "\nリマインド: " + (onlyPendingActions(told) ? "適用予定" : "期日") + "の "
                + d.settings().reminderDays().stream().sorted(java.util.Comparator.reverseOrder())
                        .map(String::valueOf).collect(Collectors.joining("・")) + " 日前"
                + " / 週次まとめ: 毎週" + Jst.weekday(d.settings().digestDay()) + "曜日"));
        return new Layout(blocks);
    }

    /**
     * Everything pending, required first. With AWS Health events, RDS actions and events stand in blocks of their own
     * within each urgency rather than in one list by date: their rows differ (an action has its window and the command
     * that applies it, an event the kind of its date and its page in the dashboard), and each heading can then say what
     * holds for every row under it, which "AWS applies it on the date" does not for an end of support or a date to act by.
     */
    private static void weekly(Digest d, List<Block> blocks) {
        List<Notice> required = d.pending().stream().filter(n -> n.obligation() == Obligation.REQUIRED).toList();
        List<Notice> optional = d.pending().stream().filter(n -> n.obligation() != Obligation.REQUIRED).toList();
        if (onlyPendingActions(d.pending())) {
            if (!required.isEmpty()) {
                blocks.add(Block.rows("必須: AWS が期日に自動で適用 (" + required.size() + "件)", null, required, d.now()));
            }
            if (!optional.isEmpty()) {
                blocks.add(Block.rows("任意: 自動では適用されない (" + optional.size() + "件)", null, optional, d.now()));
            }
            return;
        }
        for (List<Notice> group : List.of(required, optional)) {
            // 任意, or 情報 for an event that only informs, as its rows say.
            String binding = group.stream().map(n -> n.obligation().japanese()).distinct().collect(Collectors.joining("・"));
            List<Notice> actions = group.stream().filter(DigestRenderer::isPendingAction).toList();
            List<Notice> events = group.stream().filter(n -> !isPendingAction(n)).toList();
            if (!actions.isEmpty()) {
                blocks.add(Block.rows(binding + ": RDS の保留中のメンテナンス (" + actions.size() + "件)", null, actions, d.now()));
            }
            if (!events.isEmpty()) {
                blocks.add(Block.rows(binding + ": AWS Health のイベント (" + events.size() + "件)", null, events, d.now()));
            }
        }
    }

    private static final List<String> RDS_STEPS = List.of(
            "必須のものは期日より前の、業務影響の少ない時間帯に自分で適用してください (各項目のコマンド、または RDS コンソールの「メンテナンスとバックアップ」)。",
            "次のメンテナンスウィンドウで適用するなら、コマンドの --opt-in-type を next-maintenance にしてください。",
            "Aurora 以外の本番環境は Multi-AZ 構成にして、停止時間を短くすることを検討してください。",
            "メンテナンスウィンドウが業務時間外に設定されていることを確認してください。");

    /**
     * 推奨対応: the RDS steps as they always were; for AWS Health events, where to read each and, per kind of change,
     * the key steps of its row in the advice table; for what is overdue, to check it was done.
     */
    private static String steps(Digest d) {
        Contents contents = Contents.of(d);
        List<String> lines = new ArrayList<>();
        int number = 0;
        if (contents.actions()) {
            if (contents.several()) {
                lines.add("RDS の保留中のメンテナンス:");
            }
            for (String step : RDS_STEPS) {
                lines.add(++number + ". " + step);
            }
        }
        if (contents.events()) {
            if (contents.several()) {
                lines.add("AWS Health のイベント:");
            }
            lines.add(++number + ". 各項目のリンクから AWS Health ダッシュボードで、イベントの内容と対象リソースを確認してください。"
                    + "イベントごとの推奨対応とコマンドは、それぞれの通知にあります。");
            // One line per kind of change, named by its earliest event: the same row's advice for every event of it.
            Map<Advice, String> kinds = new LinkedHashMap<>();
            for (Notice n : d.due()) {
                kind(n, kinds);
            }
            for (Notice n : d.pending()) {
                kind(n, kinds);
            }
            for (Map.Entry<Advice, String> kind : kinds.entrySet()) {
                lines.add(++number + ". " + kind.getValue() + ": " + Guidance.keySteps(kind.getKey()));
            }
        }
        if (contents.overdue()) {
            if (contents.several()) {
                lines.add(OVERDUE_HEADING + ":");
            }
            lines.add(++number + ". " + OVERDUE_STEP);
        }
        return String.join("\n", lines);
    }

    private static void kind(Notice n, Map<Advice, String> kinds) {
        if (!isPendingAction(n)) {
            Platform platform = Platform.of(n);
            kinds.putIfAbsent(Guidance.advice(n, platform), Shorten.id(Labels.service(n, platform)) + " " + n.title());
        }
    }

    private static String summary(Digest d) {
        List<String> lines = new ArrayList<>();
        if (!d.due().isEmpty()) {
            Notice first = d.due().get(0);
            if (onlyPendingActions(d.due())) {
                lines.add("RDS の必須のメンテナンス " + d.due().size() + "件の適用が近づいています。最も早いものは "
                        + Jst.dateTime(first.deadline().at()) + " (" + Jst.daysLeft(d.now(), first.deadline().at())
                        + ") に AWS が自動で適用します。適用中はデータベースに接続できない時間があります。");
            } else {
                Row row = Row.of(first, d.now());
                lines.add(d.due().size() == 1
                        ? "必須の" + Characters.afterJapanese(row.summaryName()) + " の期日が近づいています。" + row.summaryDate()
                        : "必須のメンテナンス・予定 " + d.due().size() + "件の期日が近づいています" + breakdown(d.due())
                                + "。最も早いものは " + row.summaryName() + " で、" + row.summaryDate());
            }
        }
        if (!d.overdue().isEmpty()) {
            lines.add("期限を過ぎても完了を確認できないものが " + d.overdue().size() + "件あります。作業が済んでいるか確認してください。");
        }
        if (d.weekly()) {
            long required = d.requiredCount();
            if (d.pending().isEmpty()) {
                lines.add("保留中のメンテナンスはありません。");
            } else if (onlyPendingActions(d.pending())) {
                lines.add("週次まとめ: 保留中のメンテナンスは全 " + d.pending().size() + "件 (必須 " + required + "件、任意 "
                        + (d.pending().size() - required) + "件)、対象のデータベースは " + resourceIds(d.pending()).size()
                        + "件です。");
            } else {
                lines.add("週次まとめ: 保留中のメンテナンスと予定は全 " + d.pending().size() + "件 (必須 " + required + "件、任意 "
                        + (d.pending().size() - required) + "件) です。" + composition(d.pending()));
            }
        }
        if (!d.notScanned().isEmpty()) {
            lines.add(d.notScanned().size() + "件の" + placesWord(d.notScanned()) + "をスキャンできませんでした。");
        }
        if (!d.detailsUnread().isEmpty()) {
            lines.add(d.detailsUnread().size() + "件のリージョンで DB の詳細 (メンテナンスウィンドウなど) を読めませんでした。"
                    + "詳細を読めなかった DB の適用予定は、自動適用開始日で示しています。");
        }
        return String.join("\n", lines);
    }

    /** {@code  (RDS の保留中のメンテナンス 1件、AWS Health のイベント 2件)} when both are there, else nothing. */
    private static String breakdown(List<Notice> notices) {
        long actions = notices.stream().filter(DigestRenderer::isPendingAction).count();
        long events = notices.size() - actions;
        return actions == 0 || events == 0 ? ""
                : " (RDS の保留中のメンテナンス " + actions + "件、AWS Health のイベント " + events + "件)";
    }

    /** How many of the pending are RDS actions, on how many databases, and how many AWS Health events. */
    private static String composition(List<Notice> notices) {
        List<Notice> actions = notices.stream().filter(DigestRenderer::isPendingAction).toList();
        if (actions.isEmpty()) {
            return "すべて AWS Health のイベントです。";
        }
        return "内訳は、RDS の保留中のメンテナンス " + actions.size() + "件 (対象のデータベース " + resourceIds(actions).size()
                + "件)、AWS Health のイベント " + (notices.size() - actions.size()) + "件です。";
    }

    /** What the gaps are of: regions of this account alone, or member accounts too. */
    private static String placesWord(List<RegionGap> gaps) {
        return gaps.stream().allMatch(gap -> gap.account() == null && gap.region() != null) ? "リージョン" : "アカウント・リージョン";
    }

    /**
     * One line per gap: {@code - us-east-1 (バージニア北部): アクセスが拒否されました。エラー内容 (原文): ...}, with the account
     * first in a member account ({@code - アカウント 111111111111 / us-east-1 (バージニア北部): ...}), a whole member account
     * whose reader role could not be assumed, or the organization's list.
     */
    private static String gapLines(List<RegionGap> gaps) {
        return gaps.stream().map(gap -> "- " + switch (gap.missing()) {
            case MEMBER_ACCOUNTS -> "組織のメンバーアカウント: 一覧を取得できなかったため、このアカウントだけをスキャンしました。"
                    + original(gap);
            case ACCOUNT -> "アカウント " + Shorten.id(gap.account()) + " (すべてのリージョン): " + roleNotAssumed(gap);
            case PENDING_ACTIONS, DATABASE_DETAILS -> (gap.account() == null ? "" : "アカウント " + Shorten.id(gap.account())
                    + " / ") + Regions.describe(gap.region()) + ": " + why(gap);
        }).collect(Collectors.joining("\n"));
    }

    private static String roleNotAssumed(RegionGap gap) {
        return switch (gap.cause()) {
            case TIME_RAN_OUT -> "読み取り用のロールを制限時間内に引き受けられませんでした。";
            case THROTTLED -> "読み取り用のロールを引き受けられませんでした (スロットリングが続きました)。";
            case ACCESS_DENIED -> "読み取り用のロールを引き受けられませんでした (アクセスが拒否されました)。";
            case FAILED -> "読み取り用のロールを引き受けられませんでした。";
        } + original(gap);
    }

    private static String original(RegionGap gap) {
        return gap.error() == null ? "" : "エラー内容 (原文): " + gap.error();
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

    /** What to check when access was refused: the one cause the reader can fix in the scan's own setup. */
    private static String accessHint(List<RegionGap> gaps) {
        boolean home = gaps.stream().anyMatch(gap -> gap.cause() == Cause.ACCESS_DENIED && gap.account() == null);
        boolean member = gaps.stream().anyMatch(gap -> gap.cause() == Cause.ACCESS_DENIED && gap.account() != null);
        return (home ? "\nアクセスが拒否されたリージョンは、スキャンに使うロールの権限 (rds:Describe*) を確認してください。" : "")
                + (member ? "\nアクセスが拒否されたアカウントは、読み取り用のロール (転送用のスタックが作ります) があり、"
                        + "このスタックの出力 ReaderTrustedRoleArns のロールを信頼していて、rds:Describe* を許可しているかを確認してください。"
                        : "");
    }

    /** {@code \n対象アカウント: このアカウント、111111111111、222222222222} when the scan reads member accounts. */
    private static String scannedAccounts(ScanAccounts accounts) {
        if (accounts.members().isEmpty() && !accounts.organization()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        names.add("このアカウント");
        accounts.members().forEach(names::add);
        return "\n対象アカウント: " + String.join("、", names) + (accounts.organization() ? " (組織の有効なアカウント)" : "")
                + " / 読み取り用のロール: " + accounts.readerRole();
    }

    /** The downtime AWS states for RDS OS updates; other actions get no figure. */
    private static String shortImpact(Category category, boolean multiAz) {
        if (category != Category.OS_UPDATE) {
            return "";
        }
        return multiAz ? " (停止の目安: フェイルオーバーの 60〜120 秒)" : " (停止の目安: 約 10 分)";
    }

    /**
     * The RDS console of each region with pending actions or a gap (of every scanned region when nothing is listed), and
     * the AWS Health dashboard's scheduled changes when an event is listed; each event's own page is on its row.
     */
    private static List<Links.Link> consoleLinks(Digest d) {
        Set<String> regions = new LinkedHashSet<>();
        d.due().stream().filter(DigestRenderer::isPendingAction).forEach(n -> regions.add(n.announcement().region()));
        d.pending().stream().filter(DigestRenderer::isPendingAction).forEach(n -> regions.add(n.announcement().region()));
        d.gaps().stream().map(RegionGap::region).filter(java.util.Objects::nonNull).forEach(regions::add);
        boolean health = java.util.stream.Stream.of(d.due(), d.pending(), d.overdue()).flatMap(List::stream)
                .anyMatch(n -> n.announcement().origin() == Origin.HEALTH_EVENT);
        if (regions.isEmpty() && !health) {
            regions.addAll(d.settings().regions());
        }
        List<Links.Link> links = new ArrayList<>(regions.stream().filter(Regions::isRegionCode)
                .map(r -> new Links.Link("RDS コンソール " + Regions.describe(r), "https://" + r
                        + ".console.aws.amazon.com/rds/home?region=" + r + "#databases:"))
                .toList());
        if (health) {
            links.add(new Links.Link("AWS Health ダッシュボード", Links.SCHEDULED_CHANGES));
        }
        return links;
    }

    private static List<String> resourceIds(List<Notice> notices) {
        return notices.stream().flatMap(n -> n.announcement().resourceIds().stream()).distinct().toList();
    }

    /**
     * The digest as HTML: each list a table with a row per item (an RDS action's database, what and how binding, when
     * in JST with the days left, window, and its command beneath; an event's resources, what, its date and its page in
     * the AWS Health dashboard), every other block as paragraphs and lists. Unlike the SNS text, nothing is cut.
     */
    private static String html(String subject, Layout layout) {
        // Sized for the whole page at once, the tables' markup taking about three times the text: a digest of
        // thousands of rows otherwise grows the builder a dozen times, copying megabytes each time.
        StringBuilder h = new StringBuilder(Math.max(4096, layout.full.length() / 2 * 7));
        HtmlEmail.start(h, subject);
        HtmlEmail.banner(h, subject.startsWith("【要対応・必須】") ? "要対応・必須" : "要確認", subject);
        for (Block b : layout.blocks) {
            HtmlEmail.section(h, b.heading());
            if (b.lead() != null) {
                paragraphs(h, b.lead());
            }
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
     * One group, a row each: the database or resources on the left; on the right what it is and how binding, when with
     * the days left, and the window or the event's page; an action's command beneath, across both. Two columns, not
     * five, so that a 390 px screen still reads each fact on a line or two. Fixed layout in percentages: no value can
     * widen it.
     */
    private static void table(StringBuilder h, List<Row> rows) {
        boolean actions = rows.stream().allMatch(r -> r instanceof ActionRow);
        h.append("<table style=\"").append(HtmlEmail.TABLE).append("border:1px solid #ddd\">\n")
                .append("<colgroup><col style=\"width:35%\" /><col style=\"width:65%\" /></colgroup>\n")
                .append("<thead><tr><th style=\"").append(TH).append("\">").append(actions ? "データベース" : "リソース")
                .append("</th><th style=\"").append(TH).append("\">")
                .append(actions ? "メンテナンスと適用予定 (JST)" : "内容と予定 (JST)").append("</th></tr></thead>\n<tbody>\n");
        for (Row row : rows) {
            switch (row) {
                case ActionRow r -> actionRow(h, r);
                case EventRow r -> eventRow(h, r);
            }
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void actionRow(StringBuilder h, ActionRow r) {
        String cell = HtmlEmail.CELL + "border-bottom:none;";
        h.append("<tr><td style=\"").append(cell).append("\"><strong>").append(HtmlEmail.escape(r.databases()))
                .append("</strong>");
        small(h, r.where());
        small(h, r.engine());
        small(h, r.multiAz());
        h.append("</td>\n<td style=\"").append(cell).append("\">");
        bindingAndTitle(h, r.binding(), r.title());
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

    /** An event in one row: it has no command, and its link sits under its date. */
    private static void eventRow(StringBuilder h, EventRow r) {
        h.append("<tr><td style=\"").append(HtmlEmail.CELL).append("\"><strong>").append(HtmlEmail.escape(r.names()))
                .append("</strong>");
        small(h, r.where());
        small(h, r.downtime() == null ? null : "停止の目安: " + r.downtime());
        h.append("</td>\n<td style=\"").append(HtmlEmail.CELL).append("\">");
        bindingAndTitle(h, r.binding(), r.title());
        if (r.label() != null) {
            h.append(HtmlEmail.escape(r.label() + ": " + r.moment())).append(" <strong>(")
                    .append(HtmlEmail.escape(r.daysLeft())).append(")</strong>");
        } else {
            h.append(HtmlEmail.escape(r.when()));
        }
        if (r.link() != null) {
            h.append("<br /><a style=\"font-size:13px\" href=\"").append(HtmlEmail.escape(r.link().url())).append("\">")
                    .append(HtmlEmail.escape(r.link().label())).append("</a>");
        }
        h.append("</td></tr>\n");
    }

    private static void bindingAndTitle(StringBuilder h, String binding, String title) {
        h.append("<strong style=\"color:").append(HtmlEmail.bindingColour(binding)).append("\">")
                .append(HtmlEmail.escape(binding)).append("</strong> ").append(HtmlEmail.escape(title)).append("<br />");
    }

    /** A secondary fact on its own line, when there is one. */
    private static void small(StringBuilder h, String fact) {
        if (fact != null) {
            h.append("<br /><span style=\"").append(SMALL).append("\">").append(HtmlEmail.escape(fact)).append("</span>");
        }
    }

    /**
     * Text as paragraphs, with runs of {@code - } lines as a list and of {@code 1. } lines as a numbered one, which starts
     * at its first number: steps numbered on across a label between them keep their numbers.
     */
    private static void paragraphs(StringBuilder h, String text) {
        String open = null;
        for (String line : text.split("\n", -1)) {
            String tag = line.startsWith("- ") ? "ul" : line.matches("\\d+\\. .*") ? "ol" : null;
            if (!java.util.Objects.equals(tag, open)) {
                if (open != null) {
                    h.append("</").append(open).append(">\n");
                }
                if (tag != null) {
                    String first = "ol".equals(tag) ? line.substring(0, line.indexOf('.')) : "1";
                    h.append('<').append(tag).append("1".equals(first) ? "" : " start=\"" + first + "\"").append(">\n");
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

    /** Overdue items a chat lists; the mail lists them all. */
    private static final int OVERDUE_CHAT_LINES = 3;

    private static String chat(Digest d, String subject) {
        // Laid out as the notice's chat is (see ChatNotification.description): paragraphs apart, "- " lists, no markup.
        StringBuilder description = new StringBuilder(ChatText.neutralise(summary(d)).replace("\n", "\n\n")).append('\n');
        List<Notice> listed = d.due().isEmpty() ? d.pending() : d.due();
        listed.stream().limit(ChatNotification.LISTED_LINES)
                .forEach(n -> description.append("\n- ").append(chatItem(n, d.now())));
        if (listed.size() > ChatNotification.LISTED_LINES) {
            description.append("\n").append(NoticeContent.moreResources(ChatNotification.LISTED_LINES, listed.size()));
        }
        if (!d.overdue().isEmpty()) {
            description.append(listed.isEmpty() ? "\n" : "\n\n").append("■ ").append(OVERDUE_HEADING)
                    .append(" (").append(d.overdue().size()).append("件)");
            d.overdue().stream().limit(OVERDUE_CHAT_LINES)
                    .forEach(n -> description.append("\n- ").append(chatItem(n, d.now())));
            if (d.overdue().size() > OVERDUE_CHAT_LINES) {
                description.append("\n").append(NoticeContent.moreResources(OVERDUE_CHAT_LINES, d.overdue().size()));
            }
        }
        Contents contents = Contents.of(d);
        ChatNotification.Builder chat = new ChatNotification.Builder(subject, description.toString());
        if (contents.actions()) {
            chat.nextStep("期日より前の業務影響の少ない時間帯に、自分で適用してください。")
                    .nextStep("詳細はメールまたは RDS コンソールで確認してください。");
        }
        if (contents.events()) {
            chat.nextStep("AWS Health のイベントは、AWS Health ダッシュボードで内容と対象リソースを確認してください: "
                    + Links.SCHEDULED_CHANGES);
        }
        if (contents.overdue()) {
            chat.nextStep(OVERDUE_STEP);
        }
        return chat.summary(subject)
                .eventType("RDS_PENDING_MAINTENANCE_DIGEST")
                .json();
    }

    /** One item as a chat bullet: its resources (made inert, shortened), what it is, and when. */
    private static String chatItem(Notice n, Instant now) {
        if (!isPendingAction(n)) {
            EventRow e = EventRow.of(n, now);
            return Shorten.middle(ChatText.inline(e.names()), ChatNotification.MAX_LISTED_LINE) + ": "
                    + ChatText.inline(e.title()) + (e.brief() == null ? "" : " " + ChatText.inline(e.brieflyWhen()));
        }
        String resources = Shorten.middle(ChatText.inline(String.join(", ", n.announcement().resourceIds()
                .stream().limit(ChatNotification.LISTED_LINES).toList())), ChatNotification.MAX_LISTED_LINE);
        return resources + ": " + ChatText.inline(n.title())
                + (n.deadline() == null ? "" : " " + Jst.shortDateTime(n.deadline().at(), now)
                        + " (" + Jst.daysLeft(now, n.deadline().at()) + ")");
    }
}
