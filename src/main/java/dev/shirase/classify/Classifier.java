package dev.shirase.classify;

import dev.shirase.notice.Announcement;
import dev.shirase.notice.Category;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Stage;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

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
        return classify(a, read(Text.of(a)));
    }

    /**
     * A classifier for many announcements that share few texts (a digest's thousands of pending actions share a
     * handful): each distinct text is read once, and only the deadline and the obligation, which read the schedule,
     * are decided per announcement. It keeps every text it was given, so it is meant for one batch; not thread-safe.
     */
    public Batch batch() {
        return new Batch();
    }

    /** See {@link #batch()}. */
    public final class Batch {
        private final Map<Text, Judgement> judged = new HashMap<>();

        private Batch() {
        }

        /** Exactly what {@link Classifier#classify} gives. */
        public Notice classify(Announcement a) {
            if (a.origin() == Origin.UNRECOGNIZED) {
                return Classifier.this.classify(a);
            }
            return Classifier.this.classify(a, judged.computeIfAbsent(Text.of(a), Classifier.this::read));
        }
    }

    /**
     * All that the costly part of classification reads of an announcement; its schedule, resources, actionability and
     * account are read only by {@link #classify(Announcement, Judgement)}, per announcement.
     */
    private record Text(Origin origin, String code, String eventCategory, String status, String description) {
        static Text of(Announcement a) {
            return new Text(a.origin(), a.code(), a.eventCategory(), a.status(), a.description());
        }
    }

    /**
     * What the text decides: the kind and the stage, the text the deadline is read from, and what the text says of the
     * obligation, each found only when the obligation asks for it, and then once.
     */
    private static final class Judgement {
        final Kind kind;
        final Optional<Rule> rule;
        final Stage stage;
        final AnalysedText description;
        private final Reading reading;
        private Boolean saysRequired;
        private Boolean saysNoAction;

        Judgement(Kind kind, Optional<Rule> rule, Stage stage, AnalysedText description, Reading reading) {
            this.kind = kind;
            this.rule = rule;
            this.stage = stage;
            this.description = description;
            this.reading = reading;
        }

        /** Whether the text says that AWS will act, or that the reader must. */
        boolean saysRequired() {
            if (saysRequired == null) {
                saysRequired = reading.asserts(RulesTable.AWS_WILL_ACT) || reading.asserts(RulesTable.READER_MUST);
            }
            return saysRequired;
        }

        /** Whether the text says outright that nothing is to be done. */
        boolean saysNoAction() {
            if (saysNoAction == null) {
                saysNoAction = reading.statesUnconditionally(RulesTable.NO_ACTION_WORDS);
            }
            return saysNoAction;
        }
    }

    private Judgement read(Text t) {
        AnalysedText description = AnalysedText.of(t.description(), limits.maxChars());
        Reading reading = Reading.of(description);
        Optional<Rule> rule = RulesTable.find(t.origin(), t.code());
        String ruleName = rule.map(r -> "table: " + r.key()).orElse(null);
        if (rule.isEmpty() && t.origin() == Origin.RDS_EVENT && t.code() == null) {
            // An old RDS event without an EventID: its message says which event it is.
            rule = RulesTable.findRdsMessage(reading.lower());
            ruleName = rule.map(r -> "RDS message: " + r.key()).orElse(null);
        }
        String name = ruleName;
        Kind kind = minorVersionsRetired(
                rule.map(r -> kindFromRule(r, name, reading)).orElseGet(() -> kindWithoutRule(t, reading)), reading);
        return new Judgement(kind, rule, stage(t, rule, reading.lower()), description, reading);
    }

    private Notice classify(Announcement a, Judgement j) {
        Category category = j.kind.category();
        Deadline deadline = j.stage == Stage.ANNOUNCED
                ? Deadlines.find(a, category, j.description, limits.maxDates()) : null;
        Obligation obligation = obligation(a, j, deadline);
        return new Notice(a, category, obligation, j.stage, deadline, j.kind.title(), j.kind.rule(), List.of());
    }

    /**
     * Deprecated minor versions that AWS upgrades by itself are an engine upgrade, not an end of support: no Extended
     * Support follows, only the automatic upgrade to a newer minor version.
     */
    private static Kind minorVersionsRetired(Kind kind, Reading reading) {
        if (kind.category() == Category.END_OF_SUPPORT && RulesTable.MINOR_VERSION.matcher(reading.lower()).find()
                && RulesTable.AWS_WILL_ACT.matcher(reading.lower()).find()
                && !RulesTable.EXTENDED_SUPPORT.matcher(reading.lower()).find()) {
            return new Kind(Category.ENGINE_UPGRADE, "マイナーバージョンアップグレード", kind.rule() + " + minor versions");
        }
        return kind;
    }

    private static Kind kindFromRule(Rule rule, String name, Reading reading) {
        if (rule.refinement() == Rule.Refinement.FIXED) {
            return new Kind(rule.category(), rule.title(), name);
        }
        boolean broad = rule.category() == Category.INFORMATION;
        Optional<WordRule> named = namedBy(reading, "", words -> words.strong() || broad);
        if (named.isEmpty() || named.get().category() == rule.category() && !broad) {
            return new Kind(rule.category(), rule.title(), name);
        }
        return new Kind(named.get().category(), titleFor(named.get(), reading.lower()), name + " + words");
    }

    private static Kind kindWithoutRule(Text a, Reading reading) {
        // The code itself often names the kind (AWS_X_REBOOT_SCHEDULED); its words count as much as the text's.
        String codeWords = a.code() == null ? "" : a.code().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        Optional<WordRule> named = namedBy(reading, codeWords, words -> true);
        if (named.isPresent()) {
            return new Kind(named.get().category(), titleFor(named.get(), codeWords + "\n" + reading.lower()), "words");
        }
        String eventCategory = a.eventCategory() == null ? "" : a.eventCategory();
        if (a.origin() == Origin.RDS_EVENT) {
            return rdsCategory(eventCategory);
        }
        return switch (eventCategory) {
            case "issue" -> new Kind(Category.INFORMATION, "障害情報", "event category: issue");
            case "investigation" -> new Kind(Category.INFORMATION, "調査中の事象", "event category: investigation");
            // A notice to the account that names nothing AWS will do is information, unless its text says otherwise.
            case "accountNotification" ->
                    new Kind(Category.INFORMATION, "アカウント宛てのお知らせ", "event category: accountNotification");
            default -> new Kind(Category.UNCLASSIFIED, "未分類の通知", "no rule");
        };
    }

    /**
     * The word rule that names the category: the one said where the notice announces its change (its first paragraph)
     * before one said only later; among equals, the strongest, in the order of {@link RulesTable#WORDS}. Words said in
     * a condition, after a negation or in boilerplate name nothing; the words of the code count as announced.
     */
    private static Optional<WordRule> namedBy(Reading reading, String codeWords, Predicate<WordRule> eligible) {
        WordRule best = null;
        Reading.Weight bestWeight = Reading.Weight.NONE;
        for (WordRule words : RulesTable.WORDS) {
            if (!eligible.test(words)) {
                continue;
            }
            Reading.Weight weight = !codeWords.isEmpty() && words.matches(codeWords) ? Reading.Weight.LEAD
                    : words.weightIn(reading);
            if (weight.compareTo(bestWeight) > 0) {
                best = words;
                bestWeight = weight;
            }
            if (bestWeight == Reading.Weight.LEAD) {
                break;
            }
        }
        return Optional.ofNullable(best);
    }

    /** An RDS event id the table does not know (or an old payload without one), by its RDS event categories. */
    private static Kind rdsCategory(String categories) {
        String rule = "RDS event category: " + categories;
        if (categories.contains("security patching")) {
            return new Kind(Category.OS_UPDATE, "OS アップデート", rule);
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
        // The title follows the service name ("RDS バックアップ"): it neither repeats it nor keeps AWS's English.
        return new Kind(Category.INFORMATION, switch (categories) {
            case "failover" -> "フェイルオーバー";
            case "backup" -> "バックアップ";
            case "configuration change" -> "設定の変更";
            case "low storage" -> "ストレージ容量の不足";
            case "read replica" -> "リードレプリカ";
            case "recovery" -> "復旧";
            case "restoration" -> "復元";
            case "creation" -> "作成";
            case "deletion" -> "削除";
            case "failure" -> "障害";
            default -> "イベント通知";
        }, rule);
    }

    private static String titleFor(WordRule words, String text) {
        if (words.category() == Category.SECURITY_PATCH && text.contains("upgrade")) {
            return "セキュリティアップグレード";
        }
        return words.title();
    }

    private static Stage stage(Text a, Optional<Rule> rule, String text) {
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

    /**
     * How binding the notice is. The table's word is final; then what the text says AWS will do (or the reader must
     * do) outweighs AWS's own "may be required", though not its "informational"; then AWS's actionability; then the
     * text alone: a deadline it states makes a notice required, words that nothing is to be done make it information.
     */
    private static Obligation obligation(Announcement a, Judgement j, Deadline deadline) {
        Optional<Rule> rule = j.rule;
        if (j.stage != Stage.ANNOUNCED) {
            return Obligation.INFORMATION;
        }
        // Where the table speaks, it wins: an EC2 reboot is required even if AWS tags it ACTION_MAY_BE_REQUIRED.
        if (rule.isPresent() && rule.get().obligation() != null) {
            return rule.get().obligation();
        }
        boolean textRequires = j.saysRequired() || deadline != null && AWS_ACTS_ON.contains(deadline.kind());
        Obligation native_ = fromActionability(a.actionability());
        if (textRequires && native_ != Obligation.INFORMATION) {
            return Obligation.REQUIRED;
        }
        if (native_ != null) {
            return native_;
        }
        if (a.origin() == Origin.PENDING_MAINTENANCE) {
            return a.schedule().autoApplyAfter() != null || a.schedule().forcedApply() != null
                    ? Obligation.REQUIRED : Obligation.OPTIONAL;
        }
        if ("scheduledChange".equals(a.eventCategory())) {
            return Obligation.REQUIRED;
        }
        if (j.saysNoAction()) {
            return Obligation.INFORMATION;
        }
        if (deadline != null) {
            // "Upgrade before March 1" asks the reader to act; "Beginning March 1, App Runner will publish" only dates.
            return deadline.kind() == Deadline.Kind.ACT_BY ? Obligation.REQUIRED : Obligation.OPTIONAL;
        }
        // An issue that names the account's own resources (a degraded drive) needs a look; a public one does not.
        if ("issue".equals(a.eventCategory()) && !a.resources().isEmpty()) {
            return Obligation.OPTIONAL;
        }
        return j.kind.category() == Category.INFORMATION ? Obligation.INFORMATION : Obligation.OPTIONAL;
    }

    /** Deadlines that say AWS itself acts on that date: support ends, or the change is applied automatically. */
    private static final Set<Deadline.Kind> AWS_ACTS_ON =
            EnumSet.of(Deadline.Kind.END_OF_SUPPORT, Deadline.Kind.AUTO_APPLY_FROM, Deadline.Kind.FORCED_APPLY);

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
