package dev.shirase.render;

import dev.shirase.advice.Advice;
import dev.shirase.advice.AdviceTable;
import dev.shirase.advice.Platform;
import dev.shirase.classify.AnalysedText;
import dev.shirase.facts.FactSentences;
import dev.shirase.facts.Facts;
import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Category;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 影響, 停止の目安 and 推奨対応, from the row of {@link AdviceTable} for the notice's platform and kind. What a service
 * needs lives in the table; this class only fills in the notice's own names, dates and commands.
 */
final class Guidance {
    /** Resources named in one command that takes many ({@code --instance-ids a b c}). */
    private static final int RESOURCES_PER_COMMAND = 20;

    private Guidance() {
    }

    /** The table's row for the notice; the renderer finds it once and hands it to each piece below. */
    static Advice advice(Notice notice, Platform platform) {
        return AdviceTable.find(platform, notice.category(), notice.announcement().code(), notice.title());
    }

    static String impact(Notice notice, Advice advice, Facts facts) {
        if (notice.stage() == Stage.COMPLETED) {
            return notice.category() == Category.INFORMATION ? "影響の有無は原文を確認してください。" : "作業は終わっています。";
        }
        if (notice.stage() == Stage.IN_PROGRESS) {
            return saysOffline(notice) ? "作業が終わるまで、対象リソースには接続できません。"
                    : "作業中は対象リソースに接続できない、または性能が落ちる場合があります。";
        }
        String stated = FactSentences.downtime(facts.downtimes());
        String downtime = stated != null ? "停止時間の目安は、原文によると" + Characters.afterJapanese(stated) + "です。"
                : advice.downtime() != null
                ? "停止時間の一般的な目安は" + Characters.afterJapanese(advice.downtime()) + "です。" : "";
        return advice.impact() + downtime + multiAzNote(notice);
    }

    /**
     * 停止の目安: how long the resource is expected to be unreachable. The figure the English text states wins over the
     * table's, which is what AWS documents for the kind in general.
     */
    static String downtime(Notice notice, Advice advice, Facts facts) {
        if (notice.stage() != Stage.ANNOUNCED) {
            return null;
        }
        String stated = FactSentences.downtime(facts.downtimes());
        return stated != null ? stated : advice.downtime();
    }


    static List<Step> steps(Notice notice, Advice advice, Instant now) {
        Announcement a = notice.announcement();
        List<Step> steps = new ArrayList<>();
        if (notice.stage() == Stage.COMPLETED) {
            steps.add(Step.of("対象リソースとアプリケーションが正常に動いていることを確認してください。"));
            return steps;
        }
        if (notice.stage() == Stage.IN_PROGRESS) {
            steps.add(Step.of("完了の通知を待ち、完了後に対象リソースとアプリケーションの動作を確認してください。"));
            return steps;
        }
        boolean pending = a.origin() == Origin.PENDING_MAINTENANCE;
        if (pending) {
            steps.add(Step.run("業務影響の少ない時間帯に、自分で今すぐ適用できます:", ApplyCommand.of(notice, "immediate")));
            steps.add(Step.run("次のメンテナンスウィンドウで適用するなら:", ApplyCommand.of(notice, "next-maintenance")));
        }
        Placeholders fill = new Placeholders(notice, now);
        for (Advice.Step row : advice.steps()) {
            // The pending action's own commands above already say how to apply it.
            if (pending && row.command() != null && row.command().contains("apply-pending-maintenance-action")) {
                continue;
            }
            steps.add(new Step(fill.in(row.text()), row.command() == null ? null : fill.in(row.command())));
        }
        if (notice.category() == Category.UNCLASSIFIED && a.origin() != Origin.UNRECOGNIZED && a.code() != null) {
            steps.add(Step.of("繰り返し届く種類の通知なら、分類ルールへの追加を検討してください (" + Shorten.id(a.code()) + ")。"));
        }
        return steps;
    }

    /**
     * A row's key steps as one sentence for a summary of many events: text only, since the commands name one event's
     * resources and each event's own notice has them; the deadline is each event's, so {@code {before}} is 期日より前に.
     */
    static String keySteps(Advice advice) {
        return advice.keySteps().stream().map(step -> step.text().replace("{before}", "期日より前に"))
                .collect(Collectors.joining());
    }

    /** The notice's own values for the table's placeholders. */
    private record Placeholders(Notice notice, Instant now) {

        String in(String template) {
            Announcement a = notice.announcement();
            String region = a.region() == null || !Regions.isRegionCode(a.region()) ? "<リージョン>" : a.region();
            return template
                    .replace("{before}", before())
                    .replace("{region}", region)
                    .replace("{resources}", resources())
                    .replace("{resource}", a.resources().isEmpty() ? "<リソース名>"
                            : Shorten.id(Subject.shortName(a.resources().get(0).id())))
                    .replace("{arn}", arn())
                    .replace("{action}", action());
        }

        /** The deadline to act before, or "early" when there is none or it has passed. */
        private String before() {
            Deadline d = notice.deadline();
            if (d == null || Jst.daysBetween(now, d.at()) < 0) {
                return "早めに";
            }
            return Jst.shortDate(d.at(), now) + "より前に";
        }

        private String resources() {
            List<AffectedResource> resources = notice.announcement().resources();
            if (resources.isEmpty()) {
                return "<リソース名>";
            }
            return resources.stream().limit(RESOURCES_PER_COMMAND).map(r -> Shorten.id(Subject.shortName(r.id())))
                    .collect(Collectors.joining(" "));
        }

        /** The first resource's ARN; for an RDS-family id without one, the DB instance ARN it must have. */
        private String arn() {
            Announcement a = notice.announcement();
            if (a.resources().isEmpty()) {
                return "<ARN>";
            }
            AffectedResource first = a.resources().get(0);
            if (first.arn() != null) {
                return Shorten.id(first.arn());
            }
            if (first.id().startsWith("arn:")) {
                return Shorten.id(first.id());
            }
            boolean known = a.account() != null && Regions.isRegionCode(a.region());
            return known ? Shorten.id("arn:aws:rds:" + a.region() + ":" + a.account() + ":db:" + first.id()) : "<ARN>";
        }

        /** The pending-maintenance action: the event's own, or the one its kind always is. */
        private String action() {
            Announcement a = notice.announcement();
            if (a.origin() == Origin.PENDING_MAINTENANCE && a.code() != null) {
                return a.code();
            }
            return switch (notice.category()) {
                case OS_UPDATE -> "system-update";
                case SECURITY_PATCH, ENGINE_UPGRADE -> "db-upgrade";
                default -> "<アクション名>";
            };
        }
    }

    /** Words by which AWS says the resource is down while the work runs, not only that it may be. */
    private static final Pattern OFFLINE = Pattern.compile("\\boff-?line\\b|\\b(is|will be|are) (unavailable|not available)\\b"
            + "|\\b(shutting|shut) down\\b|\\brestarting\\b");

    static boolean saysOffline(Notice notice) {
        return OFFLINE.matcher(AnalysedText.of(notice.announcement().description()).lower()).find();
    }

    /** What RDS told us about Multi-AZ, where the enrichment found it: {@code db-1 は Single-AZ、db-2 は Multi-AZ です。} */
    private static String multiAzNote(Notice notice) {
        List<String> known = notice.databases().stream().filter(db -> db.multiAz() != null)
                .map(db -> Shorten.id(db.id()) + " は " + (db.multiAz() ? "Multi-AZ" : "Single-AZ")).toList();
        return known.isEmpty() ? "" : String.join("、", known) + " です。";
    }
}
