package dev.shirase.classify;

import dev.shirase.notice.Announcement;
import dev.shirase.notice.Category;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Stage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Decides what an announcement is, how binding, where it stands and by when. Pure: no I/O, no clock. */
public final class Classifier {

    private record Kind(Category category, String title, String rule) {
    }

    private final TextLimits limits;

    public Classifier() {
        this(TextLimits.PRODUCTION);
    }

    /** Reads descriptions only as far as {@code limits} say; production reads {@link TextLimits#PRODUCTION}. */
    public Classifier(TextLimits limits) {
        this.limits = limits;
    }

    public Notice classify(Announcement a) {
        if (a.origin() == Origin.UNRECOGNIZED) {
            return new Notice(a, Category.UNCLASSIFIED, Obligation.OPTIONAL, Stage.ANNOUNCED, null, "未分類の通知",
                    "unrecognized input", List.of());
        }
        Optional<Rule> rule = RulesTable.find(a.origin(), a.code());
        AnalysedText description = AnalysedText.of(a.description(), limits.maxChars());
        String text = description.lower();
        Kind kind = rule.map(r -> kindFromRule(r, text)).orElseGet(() -> kindWithoutRule(a, text));
        Stage stage = stage(a, rule, text);
        Obligation obligation = obligation(a, rule, kind.category(), stage, text);
        Deadline deadline = stage == Stage.ANNOUNCED
                ? Deadlines.find(a, kind.category(), description, limits.maxDates()) : null;
        return new Notice(a, kind.category(), obligation, stage, deadline, kind.title(), kind.rule(), List.of());
    }

    private static Kind kindFromRule(Rule rule, String text) {
        String name = "table: " + rule.key();
        if (rule.refinement() == Rule.Refinement.FIXED) {
            return new Kind(rule.category(), rule.title(), name);
        }
        boolean broad = rule.category() == Category.INFORMATION;
        for (WordRule words : RulesTable.WORDS) {
            if ((words.strong() || broad) && words.matches(text)) {
                if (words.category() == rule.category()) {
                    return new Kind(rule.category(), rule.title(), name);
                }
                return new Kind(words.category(), titleFor(words, text), name + " + words");
            }
        }
        return new Kind(rule.category(), rule.title(), name);
    }

    private static Kind kindWithoutRule(Announcement a, String text) {
        // The code itself often names the kind (AWS_X_REBOOT_SCHEDULED); its words count as much as the text's.
        String codeWords = a.code() == null ? "" : a.code().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        String all = codeWords + "\n" + text;
        for (WordRule words : RulesTable.WORDS) {
            if (words.matches(all)) {
                return new Kind(words.category(), titleFor(words, all), "words");
            }
        }
        String eventCategory = a.eventCategory() == null ? "" : a.eventCategory();
        if (a.origin() == Origin.RDS_EVENT) {
            return rdsCategory(eventCategory);
        }
        return switch (eventCategory) {
            case "issue" -> new Kind(Category.INFORMATION, "障害情報", "event category: issue");
            case "investigation" -> new Kind(Category.INFORMATION, "調査中の事象", "event category: investigation");
            default -> new Kind(Category.UNCLASSIFIED, "未分類の通知", "no rule");
        };
    }

    /** An RDS event id the table does not know (or an old payload without one), by its RDS event categories. */
    private static Kind rdsCategory(String categories) {
        String rule = "RDS event category: " + categories;
        if (categories.contains("security patching")) {
            return new Kind(Category.OS_UPDATE, "システムアップデート", rule);
        }
        if (categories.contains("maintenance")) {
            return new Kind(Category.SYSTEM_REBOOT, "メンテナンス", rule);
        }
        if (categories.contains("availability")) {
            return new Kind(Category.SYSTEM_REBOOT, "停止・再起動", rule);
        }
        if (categories.isBlank()) {
            return new Kind(Category.UNCLASSIFIED, "未分類の通知", "no rule");
        }
        return new Kind(Category.INFORMATION, switch (categories) {
            case "failover" -> "フェイルオーバー";
            case "backup" -> "バックアップ";
            case "notification" -> "お知らせ";
            case "configuration change" -> "設定の変更";
            default -> "RDS イベント (" + categories + ")";
        }, rule);
    }

    private static String titleFor(WordRule words, String text) {
        if (words.category() == Category.SECURITY_PATCH && text.contains("upgrade")) {
            return "セキュリティアップグレード";
        }
        return words.title();
    }

    private static Stage stage(Announcement a, Optional<Rule> rule, String text) {
        if ("closed".equals(a.status())) {
            return Stage.COMPLETED;
        }
        // Public issue events are often updated to "[RESOLVED] ..." before their status changes.
        if ("issue".equals(a.eventCategory()) && a.description().startsWith("[RESOLVED]")) {
            return Stage.COMPLETED;
        }
        if (rule.isPresent()) {
            return rule.get().stage();
        }
        if (a.origin() == Origin.RDS_EVENT && RulesTable.COMPLETED_WORDS.matcher(text).find()) {
            return Stage.COMPLETED;
        }
        return Stage.ANNOUNCED;
    }

    private static Obligation obligation(Announcement a, Optional<Rule> rule, Category category, Stage stage,
            String text) {
        if (stage != Stage.ANNOUNCED) {
            return Obligation.INFORMATION;
        }
        // Where the table speaks, it wins: an EC2 reboot is required even if AWS tags it ACTION_MAY_BE_REQUIRED.
        if (rule.isPresent() && rule.get().obligation() != null) {
            return rule.get().obligation();
        }
        Obligation native_ = fromActionability(a.actionability());
        if (native_ != null) {
            return native_;
        }
        if (a.origin() == Origin.PENDING_MAINTENANCE) {
            return a.schedule().autoApplyAfter() != null || a.schedule().forcedApply() != null
                    ? Obligation.REQUIRED : Obligation.OPTIONAL;
        }
        String withoutNoAction = RulesTable.NO_ACTION_WORDS.matcher(text).replaceAll(" ");
        if (RulesTable.REQUIRED_WORDS.matcher(withoutNoAction).find() || "scheduledChange".equals(a.eventCategory())) {
            return Obligation.REQUIRED;
        }
        if (!withoutNoAction.equals(text)) {
            return Obligation.INFORMATION;
        }
        // An issue that names the account's own resources (a degraded drive) needs a look; a public one does not.
        if ("issue".equals(a.eventCategory()) && !a.resources().isEmpty()) {
            return Obligation.OPTIONAL;
        }
        return category == Category.INFORMATION ? Obligation.INFORMATION : Obligation.OPTIONAL;
    }

    private static Obligation fromActionability(String actionability) {
        if (actionability == null) {
            return null;
        }
        return switch (actionability.toUpperCase(Locale.ROOT)) {
            case "ACTION_REQUIRED" -> Obligation.REQUIRED;
            case "ACTION_MAY_BE_REQUIRED" -> Obligation.OPTIONAL;
            case "INFORMATIONAL" -> Obligation.INFORMATION;
            default -> null;
        };
    }
}
