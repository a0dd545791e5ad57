package dev.shirase.render;

import dev.shirase.advice.Advice;
import dev.shirase.advice.AdviceTable;
import dev.shirase.advice.Platform;
import dev.shirase.advice.StatedFacts;
import dev.shirase.facts.FactSentences;
import dev.shirase.facts.Facts;
import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Category;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Origin;
import dev.shirase.notice.PendingAction;
import dev.shirase.notice.Stage;
import dev.shirase.notice.Translation;
import dev.shirase.render.Links.Link;
import dev.shirase.state.Changes;
import dev.shirase.state.Revision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Japanese pieces of one notice, in the order the style guide gives them. Plain text, HTML and chat notices are
 * all laid out from this one record, so they never disagree.
 *
 * @param urgency        要対応・必須, 要確認, 情報 or 完了
 * @param service        the service or engine ({@code EC2}, {@code Aurora PostgreSQL})
 * @param title          what happens, with the stage ({@code OS アップデート}, {@code オフラインパッチの適用完了})
 * @param deadlineShort  the deadline for a subject line ({@code 3/1(月)から自動適用}), or null
 * @param summary        概要: what AWS will do, in one or two sentences
 * @param facts          概要's key facts from the English text (versions, runtimes, ids, dates, downtime, charges), one
 *                       short line each, none that the sentences above already state
 * @param classification 区分: category and how binding, in words a manager understands
 * @param scope          the heading's detail for 対象リソース: count, account, region
 * @param resourceLines  one line per resource shown, its id shortened past {@link Shorten#MAX_ID_CHARS} like every id
 *                       in these Japanese pieces, so that they stay bounded whatever the event holds
 * @param resourceNote   how many were not listed and how they break down, or null
 * @param databases      one line per RDS database with its window, Multi-AZ state and pending actions
 * @param dateLines      日時: every time in JST, with the days left
 * @param impact         影響
 * @param downtime       停止の目安 for the key facts ({@code 数分}, {@code 約 10 分}), or null when nothing is stated
 * @param steps          推奨対応
 * @param original       原文: the English text as AWS wrote it
 * @param links          リンク
 * @param identifiers    the event type, ARN and rule, for whoever looks further
 * @param readError      why the input could not be read, or null
 * @param raw            the input itself, for a notice that could not be classified; else null
 * @param keyFacts       how binding, the days left, which resources where: the values the formats put first
 * @param update         whether this is an update of a notice already sent (its subject starts 【更新】)
 * @param changes        変更点: what changed since the previous notice, one line each; empty for a first notice
 * @param accountName    the affected account's name, fit to show, or null when none is known: the subject names it
 * @param translation    和訳 (機械翻訳): the original in Japanese by a translation service, or null when none was asked
 */
public record NoticeContent(
        String urgency,
        String service,
        String title,
        String deadlineShort,
        String summary,
        List<String> facts,
        String classification,
        String scope,
        List<String> resourceLines,
        String resourceNote,
        List<String> databases,
        List<String> dateLines,
        String impact,
        String downtime,
        List<Step> steps,
        String original,
        List<Link> links,
        List<String> identifiers,
        String readError,
        String raw,
        KeyFacts keyFacts,
        boolean update,
        List<String> changes,
        String accountName,
        Translation translation) {

    public NoticeContent {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** Resources listed one per line; the rest are counted. */
    static final int LISTED_RESOURCES = 100;

    private static final Map<String, String> ENTITY_STATUS = Map.of(
            "IMPAIRED", "影響あり", "UNIMPAIRED", "影響なし", "PENDING", "対応待ち", "RESOLVED", "解決済み",
            "UNKNOWN", "状態不明");

    public static NoticeContent of(Notice notice, Instant now) {
        return of(notice, now, Revision.FIRST);
    }

    /** The notice as the {@code revision}-th of its story: an update opens with what changed. */
    public static NoticeContent of(Notice notice, Instant now, Revision revision) {
        return of(notice, now, revision, null);
    }

    /** As {@link #of(Notice, Instant, Revision)}, with the original's machine translation (null: none asked). */
    public static NoticeContent of(Notice notice, Instant now, Revision revision, Translation translation) {
        Announcement a = notice.announcement();
        // Found once: the platform reads the description, and every piece below depends on it.
        Platform platform = Platform.of(notice);
        Advice advice = Guidance.advice(notice, platform);
        String service = Shorten.id(Labels.service(notice, platform));
        String title = titleWithStage(notice);
        Timing timing = Timing.of(notice, platform);
        Facts facts = facts(notice);
        return new NoticeContent(
                urgency(notice),
                service,
                title,
                deadlineShort(notice, timing, now),
                revision.changes().observed() != Changes.Observation.NONE && notice.stage() == Stage.COMPLETED
                        // Our own finding, not AWS's word: say it is taken as done, and why, under 変更点.
                        ? service + " の" + Characters.afterJapanese(notice.title()) + "は、完了したとみなしました (理由は変更点のとおり)。"
                                + "対象リソースが正常に動いていることを確認してください。"
                        : summary(notice, platform, service, timing, facts, now),
                statedFacts(notice, platform, facts),
                classification(notice, timing),
                scope(notice),
                resourceLines(a, notice.stage() == Stage.COMPLETED),
                resourceNote(a),
                databaseLines(notice),
                dateLines(notice, timing, now),
                Guidance.impact(notice, advice, facts),
                Guidance.downtime(notice, advice, facts),
                Guidance.steps(notice, advice, now),
                a.description(),
                Links.of(notice),
                identifiers(notice),
                a.readError(),
                notice.category() == Category.UNCLASSIFIED ? a.raw() : null,
                KeyFacts.of(notice, now),
                revision.kind() == Revision.Kind.UPDATE,
                ChangeLines.of(revision.changes()),
                a.account() == null ? null : AccountLabel.name(notice.accountName(), a.account()),
                translation);
    }

    static String urgency(Notice notice) {
        if (notice.stage() == Stage.COMPLETED) {
            return "完了";
        }
        return switch (notice.obligation()) {
            case REQUIRED -> "要対応・必須";
            case OPTIONAL -> "要確認";
            // Information that could not be classified still needs a person to read it.
            case INFORMATION -> notice.category() == Category.UNCLASSIFIED ? "要確認" : "情報";
        };
    }

    private static String titleWithStage(Notice notice) {
        // "お知らせ完了" says nothing: only a change that is carried out starts and finishes.
        if (notice.category() == Category.INFORMATION || notice.category() == Category.UNCLASSIFIED) {
            return notice.title();
        }
        return switch (notice.stage()) {
            case ANNOUNCED -> notice.title();
            case IN_PROGRESS -> notice.title() + "開始";
            case COMPLETED -> notice.title() + "完了";
        };
    }

    private static String deadlineShort(Notice notice, Timing timing, Instant now) {
        Deadline d = notice.deadline();
        if (d == null) {
            return null;
        }
        if (Jst.daysBetween(now, d.at()) < 0) {
            // AWS repeats reminders for resources still pending after the date; say so, with the year.
            return Jst.shortDateWithYear(d.at()) + " 期限経過";
        }
        if (timing.inWindow() && d.kind() == Deadline.Kind.SCHEDULED_START) {
            return timing.shortWindow(now);
        }
        return switch (d.kind()) {
            case SCHEDULED_START -> Jst.isDateOnly(d.at()) ? Jst.shortDate(d.at(), now) + " 予定"
                    : Jst.shortDateTime(d.at(), now) + " 予定";
            case AUTO_APPLY_FROM -> Jst.shortDate(d.at(), now) + "から自動適用";
            case FORCED_APPLY -> Jst.shortDate(d.at(), now) + " 強制適用";
            case END_OF_SUPPORT, ACT_BY -> Jst.shortDate(d.at(), now) + "まで";
        };
    }

    private static String summary(Notice notice, Platform platform, String service, Timing timing, Facts facts,
            Instant now) {
        Announcement a = notice.announcement();
        if (notice.category() == Category.UNCLASSIFIED) {
            return a.origin() == Origin.UNRECOGNIZED
                    ? "自動で分類できない入力を受け取りました。通知の見落としがないよう、下の理由と受信した内容を確認してください。"
                    : "AWS から " + service + " に関する通知 (" + Shorten.id(a.code())
                            + ") が届きましたが、自動で分類できませんでした。原文を確認し、対応が必要か判断してください。";
        }
        String subject = service + " の" + Characters.afterJapanese(notice.title());
        if (notice.stage() == Stage.COMPLETED) {
            return subject + "が完了しました。対象リソースが正常に動いていることを確認してください。";
        }
        if (notice.stage() == Stage.IN_PROGRESS) {
            return subject + "が始まりました。" + (Guidance.saysOffline(notice)
                    ? "完了するまで、対象リソースには接続できません。"
                    : "完了するまで、対象リソースに接続できない、または性能が落ちる場合があります。");
        }
        // A fact that only repeats the title adds nothing.
        String said = notice.category() == Category.INFORMATION ? StatedFacts.of(a.description()).stream()
                .filter(fact -> !fact.contains(notice.title())).collect(Collectors.joining()) : "";
        return what(notice, platform, service, subject, FactSentences.versions(facts.endOfSupport())) + said
                + when(notice, platform, timing, facts, now);
    }

    /** What the English text states, read once; dates before it was written are history, not what is coming. */
    private static Facts facts(Notice notice) {
        Announcement a = notice.announcement();
        Instant written = a.schedule().lastUpdated() != null ? a.schedule().lastUpdated() : a.schedule().start();
        return Facts.extract(a.description(), written);
    }

    /**
     * What the English text states beyond the sentences of 概要: the deadline and the resource count are already there
     * and 影響 states the downtime, so a date equal to the deadline, the counts and the downtimes are left out. Only an announced change has facts to act on.
     */
    private static List<String> statedFacts(Notice notice, Platform platform, Facts facts) {
        if (notice.stage() != Stage.ANNOUNCED || notice.category() == Category.UNCLASSIFIED) {
            return List.of();
        }
        Deadline d = notice.deadline();
        List<String> lines = new ArrayList<>();
        // After an EC2 event's start, "the event deadline" is how late it can be rescheduled, not when it happens.
        boolean ec2Scheduled = platform == Platform.EC2 && d != null
                && d.kind() == Deadline.Kind.SCHEDULED_START;
        List<Facts.StatedDate> dates = new ArrayList<>();
        for (Facts.StatedDate date : facts.dates()) {
            if (d != null && Jst.date(date.at()).equals(Jst.date(d.at()))) {
                continue;
            }
            if (ec2Scheduled && date.purpose() == Facts.Purpose.ACT_BY && date.at().isAfter(d.at())) {
                lines.add("日時を変更できる期限: " + Jst.dateOrDateTime(date.at()));
            } else {
                dates.add(date);
            }
        }
        Facts shown = new Facts(facts.upgrades(), List.of(), facts.versions(), facts.runtimes(),
                facts.products(), facts.identifiers(), dates, List.of(), List.of(), facts.charges(),
                d == null ? facts.whens() : List.of());
        lines.addAll(0, FactSentences.japanese(shown));
        return lines.stream().map(Shorten::id).toList();
    }

    /** What AWS will do, or what it tells, in one sentence written for the kind of change. */
    private static String what(Notice notice, Platform platform, String service, String subject,
            String endingVersions) {
        boolean required = notice.obligation() == Obligation.REQUIRED;
        if (required && AdviceTable.carriedOutByAws(platform) && notice.category() != Category.END_OF_SUPPORT) {
            return "AWS は " + subject + "を予定しています。";
        }
        return switch (notice.category()) {
            case SECURITY_PATCH, OS_UPDATE -> subject + (required ? "が必要です。"
                    : notice.obligation() == Obligation.OPTIONAL ? "を適用できます。" : "についてのお知らせです。");
            case ENGINE_UPGRADE -> subject + (required ? "が必要です。"
                    : notice.obligation() == Obligation.OPTIONAL ? "ができます。" : "についてのお知らせです。");
            case SYSTEM_REBOOT -> "AWS は " + subject + "を予定しています。";
            case END_OF_SUPPORT -> endingVersions.isEmpty()
                    ? service + " で使っている" + AdviceTable.supportedThing(platform) + "の標準サポートが終了します。"
                    : endingVersions + " の標準サポートが終了します。";
            case HARDWARE_RETIREMENT -> "EC2".equals(notice.announcement().service())
                    ? "基盤となるハードウェアの問題により、AWS は対象のインスタンスを" + retirementVerb(notice) + "します。"
                    : "AWS は " + subject + "を予定しています。";
            case INFORMATION -> notice.announcement().origin() == Origin.RDS_EVENT
                    ? service + " で「" + notice.title() + "」のイベントが発生しました。"
                    : "AWS から " + service + " について「" + notice.title() + "」の通知が届いています。";
            case UNCLASSIFIED -> throw new IllegalStateException("handled by the caller");
        };
    }

    private static String retirementVerb(Notice notice) {
        String code = notice.announcement().code() == null ? "" : notice.announcement().code();
        return code.contains("STOP") ? "停止" : code.contains("TERMINATION") ? "終了" : "停止または終了";
    }

    /** When it happens, from the deadline; without one, what is known and where to look. */
    private static String when(Notice notice, Platform platform, Timing timing, Facts facts, Instant now) {
        Deadline d = notice.deadline();
        if (d == null) {
            // A notice that announces a change names its date; one that reports a state (a lost volume) has none to miss.
            boolean change = notice.category() != Category.INFORMATION
                    && facts.whens().isEmpty();
            return change && notice.obligation() == Obligation.REQUIRED
                    ? "原文には実施日の記載がありません。" + whereToLook(platform) : "";
        }
        String date = timing.when();
        boolean past = Jst.daysBetween(now, d.at()) < 0;
        if (notice.obligation() == Obligation.INFORMATION) {
            // Information has no deadline to miss: a date only says when the change comes.
            return past ? "" : date + " から実施されます。";
        }
        if (past) {
            return "期日の " + date + " は過ぎています。";
        }
        if (timing.inWindow()) {
            String openings = timing.windowStart().isEmpty() ? "" : "各 DB のメンテナンスウィンドウでは、"
                    + timing.windowStart().stream().map(o -> o.database() + " が " + o.window())
                            .collect(Collectors.joining("、")) + " です。";
            return date + " 以降の最初のメンテナンスウィンドウで、AWS が" + (d.kind() == Deadline.Kind.AUTO_APPLY_FROM
                    ? "未対応のリソースに自動で適用します。" : "実施します。") + openings;
        }
        Instant end = notice.announcement().schedule().end();
        return switch (d.kind()) {
            case SCHEDULED_START -> notice.category() == Category.HARDWARE_RETIREMENT ? "期日は " + date + " です。"
                    : end != null && d.at().equals(notice.announcement().schedule().start())
                    ? Jst.dateTime(d.at()).replace(" JST", "") + "〜" + endTime(d.at(), end) + " に実施される予定です。"
                    : date + " に実施される予定です。";
            case AUTO_APPLY_FROM -> throw new IllegalStateException("always in a window");
            case FORCED_APPLY -> date + " には、メンテナンスウィンドウに関係なく AWS が適用します。";
            case END_OF_SUPPORT -> "標準サポートの終了日は " + date + " です。";
            case ACT_BY -> date + " までの対応が求められています。";
        };
    }

    /** The end of a scheduled span: its time alone on the same day, else its full date and time. */
    private static String endTime(Instant start, Instant end) {
        boolean sameDay = Jst.daysBetween(start, end) == 0;
        return sameDay ? String.format(java.util.Locale.ROOT, "%02d:%02d JST", end.atZone(Jst.ZONE).getHour(),
                end.atZone(Jst.ZONE).getMinute()) : Jst.dateTime(end);
    }

    /** Where the date of a required change can be read when the event does not state it. */
    private static String whereToLook(Platform platform) {
        return switch (platform) {
            case RDS, AURORA, AURORA_SERVERLESS -> "予定は RDS コンソールの「メンテナンスとバックアップ」タブか、"
                    + "aws rds describe-pending-maintenance-actions で確認できます。";
            case EC2 -> "予定は EC2 コンソールの「スケジュールされたイベント」で確認できます。";
            default -> "";
        };
    }

    /**
     * A title in parentheses. A title's own qualifier ({@code システムアップデート (適用可能)}) joins it after a comma
     * instead, since parentheses inside parentheses read badly: {@code (システムアップデート、適用可能)}.
     */
    static String parenthesised(String title) {
        return "(" + title.replace(" (", "、").replace('(', '、').replace(")", "") + ")";
    }

    private static String classification(Notice notice, Timing timing) {
        if (notice.category() == Category.UNCLASSIFIED) {
            return "未分類。ルールで判定できなかったため、内容を人が確認する必要があります。";
        }
        String categoryName = notice.category().japanese();
        // A title that is, or holds, the category's own name says it alone: no "定期メンテナンス (定期メンテナンス)".
        String kind = notice.title().contains(categoryName) || categoryName.contains(notice.title()) ? notice.title()
                : notice.category().japanese() + " " + parenthesised(notice.title());
        if (notice.stage() != Stage.ANNOUNCED) {
            return kind + "。" + (notice.stage() == Stage.COMPLETED ? "完了の通知です。" : "実施中の通知です。");
        }
        Deadline d = notice.deadline();
        return kind + " / " + notice.obligation().japanese() + "。" + switch (notice.obligation()) {
            case REQUIRED -> notice.category() == Category.END_OF_SUPPORT
                    ? "期日に標準サポートが終了するため、それまでに対応が必要です。"
                    : d == null ? "AWS が対応を求めています。"
                    : d.kind() == Deadline.Kind.ACT_BY ? "AWS が期日までの対応を求めています。"
                    : timing.inWindow() ? "対応しなくても、期日以降のメンテナンスウィンドウで AWS が実施します。"
                    : "対応しなくても、予定日時に AWS が実施します。";
            case OPTIONAL -> notice.category() == Category.INFORMATION
                    ? "AWS は必須としていませんが、内容を確認して対応の要否を判断してください。"
                    : d != null
                    ? "AWS は必須としていませんが、期日までに要否を判断してください。"
                    : "AWS は自動で実施する期日を示していません。内容を確認し、計画的に対応してください。";
            case INFORMATION -> "AWS から対応を求める記載はありません。";
        };
    }

    private static String scope(Notice notice) {
        Announcement a = notice.announcement();
        List<String> parts = new ArrayList<>();
        if (!a.resources().isEmpty()) {
            parts.add(a.resources().size() + "件");
        }
        if (a.account() != null) {
            parts.add("アカウント " + AccountLabel.of(a.account(), notice.accountName()));
        }
        parts.add(Shorten.id(Regions.describe(a.region())));
        return String.join(" / ", parts);
    }

    /** Ids are shortened here, not in the English original or the raw input, which the plain text can cut. */
    private static List<String> resourceLines(Announcement a, boolean completed) {
        return a.resources().stream().limit(LISTED_RESOURCES).map(r -> Shorten.id(r.id()) + statusSuffix(r, completed))
                .toList();
    }

    /** A resource's status; "pending" on a finished event is stale (AWS does not always update it), so it is left out. */
    private static String statusSuffix(AffectedResource r, boolean completed) {
        // UNKNOWN says nothing the reader can use.
        if (r.status() == null || "UNKNOWN".equals(r.status()) || (completed && "PENDING".equals(r.status()))) {
            return "";
        }
        return " (" + entityStatus(r.status()) + ")";
    }

    /** A Health entity status in Japanese ({@code RESOLVED}: 解決済み). */
    static String entityStatus(String status) {
        return status == null || "null".equals(status) ? "(なし)" : ENTITY_STATUS.getOrDefault(status, Shorten.id(status));
    }

    private static String resourceNote(Announcement a) {
        List<String> notes = new ArrayList<>();
        int total = a.resources().size();
        if (total == 0) {
            notes.add(a.origin() == Origin.UNRECOGNIZED ? "入力から対象リソースを読み取れませんでした。"
                    : "イベントに対象リソースの記載はありません (アカウント全体、またはリージョン全体が対象の通知です)。");
        }
        if (total > LISTED_RESOURCES) {
            // Statuses AWS does not document are counted together: one group each could outgrow any limit.
            Map<String, Long> byStatus = a.resources().stream().filter(r -> r.status() != null)
                    .collect(Collectors.groupingBy(r -> ENTITY_STATUS.getOrDefault(r.status(), "その他の状態"),
                            LinkedHashMap::new, Collectors.counting()));
            String breakdown = byStatus.isEmpty() ? "" : " 内訳: " + byStatus.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + "件").collect(Collectors.joining("、")) + "。";
            notes.add(moreResources(LISTED_RESOURCES, total) + "。" + breakdown
                    + "全件は AWS Health ダッシュボードまたは原文で確認できます。");
        }
        if (a.paging() != null && a.paging().isPaged()) {
            notes.add("このイベントは " + a.paging().totalPages() + " ページに分けて届きます。これは " + a.paging().page()
                    + " ページ目で、ほかのページの対象リソースは別の通知で届きます。");
        }
        return notes.isEmpty() ? null : String.join("\n", notes);
    }

    /**
     * {@code ほか 1490件 (全 1500件)}: the resources a format did not list. Each format lists its own number of them, so
     * each counts the rest with this, and the chat can put its count where the note has the body's.
     */
    static String moreResources(int listed, int total) {
        return "ほか " + (total - listed) + "件 (全 " + total + "件)";
    }

    private static List<String> databaseLines(Notice notice) {
        List<String> lines = new ArrayList<>();
        for (DatabaseState db : notice.databases()) {
            StringBuilder line = new StringBuilder(Shorten.id(db.id())).append(": ");
            List<String> facts = new ArrayList<>();
            if (db.engine() != null) {
                facts.add(db.engine() + (db.engineVersion() == null ? "" : " " + db.engineVersion()));
            }
            if (db.multiAz() != null) {
                facts.add(db.multiAz() ? "Multi-AZ" : "Single-AZ");
            }
            facts.add(db.window() == null ? "メンテナンスウィンドウ不明"
                    : "メンテナンスウィンドウ " + db.window().toJapanese() + " (UTC " + db.window().toAwsString() + ")");
            line.append(String.join(" / ", facts));
            lines.add(line.toString());
            for (PendingAction p : db.pendingActions()) {
                lines.add("  保留中のメンテナンス: " + p.action() + (p.isRequired() ? " (必須)" : " (任意)")
                        + (p.autoApplyAfter() == null ? "" : " 自動適用開始 " + Jst.dateTime(p.autoApplyAfter()))
                        + (p.forcedApply() == null ? "" : " 強制適用 " + Jst.dateTime(p.forcedApply()))
                        + (p.description() == null ? "" : " - " + p.description()));
            }
        }
        return lines;
    }

    private static List<String> dateLines(Notice notice, Timing timing, Instant now) {
        Announcement a = notice.announcement();
        List<String> lines = new ArrayList<>();
        Deadline d = notice.deadline();
        boolean upcoming = notice.stage() == Stage.ANNOUNCED;
        boolean scheduled = "scheduledChange".equals(a.eventCategory()) && upcoming;
        if (a.origin() == Origin.RDS_EVENT && a.schedule().start() != null) {
            lines.add("発生日時: " + Jst.dateTime(a.schedule().start()));
        } else if (a.origin() == Origin.PENDING_MAINTENANCE && a.schedule().start() != null) {
            boolean isDeadline = d != null && d.at().equals(a.schedule().start());
            lines.add("適用予定: " + Jst.dateTime(a.schedule().start()) + " (自動適用開始日のあとの最初のメンテナンスウィンドウ)"
                    + (isDeadline ? " (" + Jst.daysLeft(now, d.at()) + ")" : ""));
            if (a.schedule().start().isBefore(now)) {
                lines.add("この日時は過ぎていますが、まだ適用されていません。次のメンテナンスウィンドウで適用される見込みです。");
            }
        } else if (a.schedule().start() != null) {
            boolean isDeadline = d != null && d.at().equals(a.schedule().start());
            if (isDeadline && timing.inWindow()) {
                lines.add("実施: " + timing.when() + " 以降の最初のメンテナンスウィンドウ (" + Jst.daysLeft(now, d.at()) + ")");
            } else if (isDeadline && d.kind() == Deadline.Kind.END_OF_SUPPORT) {
                // A support end is a date; AWS's midnight UTC start time is no 09:00 JST event.
                lines.add("標準サポート終了: " + Jst.dateOrDateTime(d.at()) + " (" + Jst.daysLeft(now, d.at()) + ")");
            } else {
                lines.add((scheduled ? "開始予定: " : "イベント開始: ") + Jst.dateTime(a.schedule().start())
                        + (isDeadline ? " (" + Jst.daysLeft(now, d.at()) + ")" : ""));
            }
        }
        timing.windowStart().forEach(o -> lines.add("メンテナンスウィンドウ " + o.database() + ": " + o.window()));
        if (a.schedule().end() != null) {
            lines.add((scheduled ? "終了予定: " : "イベント終了: ") + Jst.dateTime(a.schedule().end()));
        }
        // The auto-apply and forced dates, unless the deadline line below already states them.
        if (a.schedule().autoApplyAfter() != null && !(d != null && d.kind() == Deadline.Kind.AUTO_APPLY_FROM)) {
            lines.add("自動適用開始日: " + Jst.dateTime(a.schedule().autoApplyAfter()) + " 以降の最初のメンテナンスウィンドウ");
        }
        if (a.schedule().forcedApply() != null && !(d != null && d.kind() == Deadline.Kind.FORCED_APPLY)) {
            lines.add("強制適用日: " + Jst.dateTime(a.schedule().forcedApply()));
        }
        if (d != null && !d.at().equals(a.schedule().start())) {
            String after = d.kind() == Deadline.Kind.AUTO_APPLY_FROM ? " 以降の最初のメンテナンスウィンドウ" : "";
            lines.add(Timing.label(d.kind()) + ": " + Jst.dateOrDateTime(d.at()) + after + " (" + Jst.daysLeft(now, d.at())
                    + ")");
        }
        if (a.schedule().lastUpdated() != null) {
            lines.add("最終更新: " + Jst.dateTime(a.schedule().lastUpdated()));
        }
        if (a.origin() == Origin.PENDING_MAINTENANCE && d == null) {
            lines.add("next-maintenance".equals(a.status())
                    ? "適用予定: 次のメンテナンスウィンドウ (適用の予約済み)"
                    : "適用予定: なし (自動では適用されません)");
        }
        if (lines.isEmpty()) {
            lines.add("日時の記載はありません。");
        }
        return lines;
    }

    private static List<String> identifiers(Notice notice) {
        Announcement a = notice.announcement();
        List<String> lines = new ArrayList<>();
        if (a.code() != null) {
            boolean noCategory = a.eventCategory() == null || a.eventCategory().isBlank();
            lines.add("イベントの種類: " + Shorten.id(a.code())
                    + (noCategory ? "" : " (" + Shorten.id(a.eventCategory()) + ")"));
        }
        if (a.detailType() != null) {
            lines.add("入力: " + Shorten.id(a.detailType()));
        }
        if (a.status() != null) {
            lines.add("状態: " + Shorten.id(a.status()));
        }
        if (a.eventArn() != null) {
            lines.add("イベント ARN: " + Shorten.id(a.eventArn()));
        }
        if (a.eventId() != null) {
            lines.add("イベント ID: " + Shorten.id(a.eventId()));
        }
        lines.add("分類: " + notice.category() + " / " + notice.obligation() + " (" + notice.rule() + ")");
        return lines;
    }
}
