package dev.shirase.classify;

import static dev.shirase.classify.Rule.Refinement.BY_WORDS;
import static dev.shirase.classify.Rule.Refinement.FIXED;
import static dev.shirase.notice.Category.END_OF_SUPPORT;
import static dev.shirase.notice.Category.ENGINE_UPGRADE;
import static dev.shirase.notice.Category.HARDWARE_RETIREMENT;
import static dev.shirase.notice.Category.INFORMATION;
import static dev.shirase.notice.Category.OS_UPDATE;
import static dev.shirase.notice.Category.SECURITY_PATCH;
import static dev.shirase.notice.Category.SYSTEM_REBOOT;
import static dev.shirase.notice.Stage.ANNOUNCED;
import static dev.shirase.notice.Stage.COMPLETED;
import static dev.shirase.notice.Stage.IN_PROGRESS;

import dev.shirase.notice.Category;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Stage;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The classification rules, as data: what each AWS Health event type code, RDS event id and RDS pending-maintenance
 * action means. Exact codes come first, then {@code *SUFFIX} patterns for families of codes; codes that match no row
 * are classified by the words of their text ({@link #WORDS}) and by their Health event category.
 */
public final class RulesTable {
    private static final Obligation REQUIRED = Obligation.REQUIRED;
    private static final Obligation OPTIONAL = Obligation.OPTIONAL;
    private static final Obligation INFO = Obligation.INFORMATION;
    /** Read the obligation from the event itself. */
    private static final Obligation FROM_EVENT = null;

    public static final List<Rule> RULES = List.of(
            // AWS Health: EC2 reboots and maintenance
            health("AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "インスタンス再起動"),
            health("AWS_EC2_INSTANCE_REBOOT_FLEXIBLE_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "インスタンス再起動 (日時変更可)"),
            health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "システム再起動"),
            health("AWS_EC2_INSTANCE_NETWORK_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "ネットワークメンテナンス"),
            health("AWS_EC2_INSTANCE_POWER_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "電源メンテナンス"),
            health("AWS_EC2_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "定期メンテナンス"),
            health("AWS_EC2_DEDICATED_HOST_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "専有ホストのメンテナンス"),
            // AWS Health: EC2 retirement and stop
            health("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", HARDWARE_RETIREMENT, REQUIRED, "インスタンスのリタイア"),
            health("AWS_EC2_INSTANCE_RETIREMENT_EXPEDITED", HARDWARE_RETIREMENT, REQUIRED, "インスタンスのリタイア (前倒し)"),
            health("AWS_EC2_PERSISTENT_INSTANCE_RETIREMENT_SCHEDULED", HARDWARE_RETIREMENT, REQUIRED, "インスタンスのリタイア"),
            health("AWS_EC2_INSTANCE_STOP_SCHEDULED", HARDWARE_RETIREMENT, REQUIRED, "インスタンスの停止"),
            health("AWS_EC2_INSTANCE_TERMINATION_SCHEDULED", HARDWARE_RETIREMENT, REQUIRED, "インスタンスの終了"),
            health("AWS_EC2_DEDICATED_HOST_RETIREMENT_SCHEDULED", HARDWARE_RETIREMENT, REQUIRED, "専有ホストのリタイア"),
            // AWS Health: RDS
            healthByWords("AWS_RDS_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "定期メンテナンス"),
            health("AWS_RDS_HARDWARE_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "ハードウェアメンテナンス"),
            health("AWS_RDS_AURORA_HARDWARE_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "ハードウェアメンテナンス"),
            health("AWS_RDS_SYSTEM_UPGRADE_SCHEDULED", OS_UPDATE, REQUIRED, "OS アップデート"),
            healthByWords("AWS_RDS_SECURITY_NOTIFICATION", INFORMATION, FROM_EVENT, "セキュリティに関するお知らせ"),
            healthByWords("AWS_RDS_OPERATIONAL_NOTIFICATION", INFORMATION, FROM_EVENT, "運用に関するお知らせ"),
            healthByWords("AWS_RDS_INSTANCE_OPERATIONAL_NOTIFICATION", INFORMATION, FROM_EVENT, "運用に関するお知らせ"),
            health("AWS_RDS_PLANNED_LIFECYCLE_EVENT", END_OF_SUPPORT, REQUIRED, "標準サポート終了"),
            // AWS Health: other services with the same shapes
            healthByWords("AWS_DOCDB_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "定期メンテナンス"),
            healthByWords("AWS_NEPTUNE_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "定期メンテナンス"),
            healthByWords("AWS_ELASTICACHE_UPDATE_AVAILABLE", SECURITY_PATCH, OPTIONAL, "サービスアップデート (適用可能)"),
            healthByWords("AWS_ELASTICACHE_BEFORE_UPDATE_DUE_NOTIFICATION", SECURITY_PATCH, REQUIRED, "サービスアップデートの期限"),
            new Rule(Origin.HEALTH_EVENT, "AWS_ELASTICACHE_UPDATE_COMPLETED", SECURITY_PATCH, INFO, COMPLETED,
                    "サービスアップデート", BY_WORDS),
            health("AWS_ES_SERVICE_SOFTWARE_UPDATE_AVAILABLE", SECURITY_PATCH, OPTIONAL, "サービスソフトウェア更新 (適用可能)"),
            health("AWS_ES_SERVICE_SOFTWARE_UPDATE_REQUIRED", SECURITY_PATCH, REQUIRED, "サービスソフトウェア更新 (必須)"),
            health("AWS_ES_SERVICE_SOFTWARE_UPDATE_SCHEDULED", SECURITY_PATCH, REQUIRED, "サービスソフトウェア更新"),
            health("AWS_KAFKA_SECURITY_PATCHING_EVENT", SECURITY_PATCH, REQUIRED, "セキュリティパッチ適用"),
            healthByWords("AWS_KAFKA_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "定期メンテナンス"),
            healthByWords("AWS_REDSHIFT_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "定期メンテナンス"),
            health("AWS_ECS_TASK_PATCHING_RETIREMENT", SECURITY_PATCH, REQUIRED, "Fargate タスクの入れ替え (セキュリティパッチ)"),
            health("AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT", END_OF_SUPPORT, REQUIRED, "ランタイムのサポート終了"),
            health("AWS_EKS_PLANNED_LIFECYCLE_EVENT", END_OF_SUPPORT, REQUIRED, "Kubernetes バージョンの標準サポート終了"),
            // AWS Health: families of codes, for services and codes not named above
            health("*_PLANNED_LIFECYCLE_EVENT", END_OF_SUPPORT, REQUIRED, "標準サポート終了"),
            health("*_RETIREMENT_SCHEDULED", HARDWARE_RETIREMENT, REQUIRED, "リタイア"),
            health("*_SECURITY_PATCHING_EVENT", SECURITY_PATCH, REQUIRED, "セキュリティパッチ適用"),
            healthByWords("*_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "定期メンテナンス"),
            healthByWords("*_SECURITY_NOTIFICATION", INFORMATION, FROM_EVENT, "セキュリティに関するお知らせ"),
            healthByWords("*_OPERATIONAL_NOTIFICATION", INFORMATION, FROM_EVENT, "運用に関するお知らせ"),
            health("*_OPERATIONAL_ISSUE", INFORMATION, INFO, "障害情報"),

            // Amazon RDS events, by EventID
            rds("RDS-EVENT-0004", SYSTEM_REBOOT, INFO, IN_PROGRESS, "DB インスタンスのシャットダウン"),
            rds("RDS-EVENT-0006", SYSTEM_REBOOT, INFO, COMPLETED, "DB インスタンスの再起動"),
            rds("RDS-EVENT-0026", OS_UPDATE, INFO, IN_PROGRESS, "オフラインパッチの適用"),
            rds("RDS-EVENT-0027", OS_UPDATE, INFO, COMPLETED, "オフラインパッチの適用"),
            rds("RDS-EVENT-0047", OS_UPDATE, INFO, COMPLETED, "パッチの適用"),
            rds("RDS-EVENT-0048", ENGINE_UPGRADE, INFO, ANNOUNCED, "エンジンアップグレードの延期 (リードレプリカあり)"),
            rds("RDS-EVENT-0153", INFORMATION, INFO, ANNOUNCED, "停止期間の上限による自動起動"),
            rds("RDS-EVENT-0154", INFORMATION, INFO, ANNOUNCED, "停止期間の上限による自動起動"),
            rds("RDS-EVENT-0155", ENGINE_UPGRADE, OPTIONAL, ANNOUNCED, "マイナーバージョンアップグレード (適用可能)"),
            rds("RDS-EVENT-0156", ENGINE_UPGRADE, OPTIONAL, ANNOUNCED, "マイナーバージョンアップグレード (適用可能)"),
            rds("RDS-EVENT-0158", ENGINE_UPGRADE, OPTIONAL, ANNOUNCED, "アップグレードできない状態"),
            rds("RDS-EVENT-0173", ENGINE_UPGRADE, INFO, COMPLETED, "エンジンバージョンのアップグレード"),
            rds("RDS-EVENT-0176", ENGINE_UPGRADE, INFO, COMPLETED, "メジャーバージョンアップグレード"),
            rds("RDS-EVENT-0177", ENGINE_UPGRADE, INFO, IN_PROGRESS, "エンジンバージョンのアップグレード"),
            rds("RDS-EVENT-0178", ENGINE_UPGRADE, INFO, IN_PROGRESS, "エンジンバージョンのアップグレード"),
            rds("RDS-EVENT-0230", OS_UPDATE, OPTIONAL, ANNOUNCED, "システムアップデート (適用可能)"),
            rds("RDS-EVENT-0264", ENGINE_UPGRADE, INFO, IN_PROGRESS, "アップグレード前チェック"),
            rds("RDS-EVENT-0265", ENGINE_UPGRADE, INFO, IN_PROGRESS, "アップグレード前チェック"),
            rds("RDS-EVENT-0266", ENGINE_UPGRADE, INFO, IN_PROGRESS, "アップグレードによる停止"),
            rds("RDS-EVENT-0267", ENGINE_UPGRADE, INFO, IN_PROGRESS, "エンジンバージョンのアップグレード"),
            rds("RDS-EVENT-0268", ENGINE_UPGRADE, INFO, COMPLETED, "エンジンバージョンのアップグレード"),
            rds("RDS-EVENT-0269", ENGINE_UPGRADE, INFO, IN_PROGRESS, "アップグレード後の処理"),
            rds("RDS-EVENT-0270", ENGINE_UPGRADE, OPTIONAL, ANNOUNCED, "エンジンアップグレードの失敗 (ロールバック)"),
            rds("RDS-EVENT-0286", ENGINE_UPGRADE, INFO, IN_PROGRESS, "エンジンバージョンのアップグレード"),
            rds("RDS-EVENT-0287", OS_UPDATE, REQUIRED, ANNOUNCED, "OS アップグレード"),
            rds("RDS-EVENT-0288", OS_UPDATE, INFO, IN_PROGRESS, "OS アップグレード"),
            rds("RDS-EVENT-0289", OS_UPDATE, INFO, COMPLETED, "OS アップグレード"),
            rds("RDS-EVENT-0290", ENGINE_UPGRADE, INFO, COMPLETED, "パッチの適用 (エンジンバージョンの更新)"),
            rds("RDS-EVENT-0389", OS_UPDATE, OPTIONAL, ANNOUNCED, "OS アップグレードの失敗"),
            rds("RDS-EVENT-0396", SYSTEM_REBOOT, REQUIRED, ANNOUNCED, "リードレプリカの再起動予定"),
            rds("RDS-EVENT-0422", SYSTEM_REBOOT, REQUIRED, ANNOUNCED, "ホストの置き換え"),
            rds("RDS-EVENT-0425", OS_UPDATE, OPTIONAL, ANNOUNCED, "OS アップグレードを実行できない (IP アドレス不足)"),
            rds("RDS-EVENT-0429", OS_UPDATE, OPTIONAL, ANNOUNCED, "OS アップグレードを実行できない (容量不足)"),
            rds("RDS-EVENT-0501", SYSTEM_REBOOT, REQUIRED, ANNOUNCED, "サーバー証明書のローテーション"),
            rds("RDS-EVENT-0502", SYSTEM_REBOOT, REQUIRED, ANNOUNCED, "サーバー証明書のローテーション予定"),

            // RDS pending maintenance actions; required or not is read from their dates
            pending("system-update", OS_UPDATE, "OS アップデート (system-update)"),
            pending("os-upgrade", OS_UPDATE, "OS アップグレード (os-upgrade)"),
            pending("db-upgrade", ENGINE_UPGRADE, "エンジンバージョンのアップグレード (db-upgrade)"),
            pending("hardware-maintenance", SYSTEM_REBOOT, "ハードウェアメンテナンス (hardware-maintenance)"),
            pending("ca-certificate-rotation", SYSTEM_REBOOT, "CA 証明書のローテーション (ca-certificate-rotation)"),
            pending("serverless-platform-version-update", SYSTEM_REBOOT,
                    "Serverless プラットフォームの更新 (serverless-platform-version-update)"));

    /**
     * Words in AWS's English text, strongest first. The first rule that matches names the category of a code the
     * table does not know, or of a broad code ({@link Rule.Refinement#BY_WORDS}).
     */
    public static final List<WordRule> WORDS = List.of(
            WordRule.strong(END_OF_SUPPORT,
                    "end[ -]of[ -](standard )?support|end[ -]of[ -]life|\\bextended support\\b|no longer (be )?supported"
                            + "|\\bend(ing)? (standard )?support\\b|will be deprecated|is deprecated"
                            // "deprecation", but not the "version deprecation policy" boilerplate of many notices
                            + "|\\bdeprecation\\b(?! policy)", "標準サポート終了"),
            WordRule.strong(HARDWARE_RETIREMENT,
                    "\\bretire(d|ment)?\\b|degraded hardware|hardware degradation", "リタイア"),
            WordRule.strong(OS_UPDATE,
                    "operating[ -]system|\\bos (update|upgrade|patch)|\\bsystem (update|upgrade)", "OS アップデート"),
            WordRule.strong(SYSTEM_REBOOT,
                    "certificate authority|\\bca certificate|certificate rotation|rotate (the |your )?(ssl/tls |server )?certificate",
                    "サーバー証明書の更新"),
            // "security" alone is boilerplate in many notices ("enhance security, performance and stability").
            WordRule.strong(SECURITY_PATCH,
                    "\\bsecurity (patch|fix|update|upgrade|improvement|issue|vulnerabilit|bulletin|enhancement|risk)"
                            + "|\\b(important|critical) security\\b|\\bcve-\\d{4}-\\d+|vulnerabilit",
                    "セキュリティパッチ"),
            // An Auto Minor Version Upgrade campaign talks of "patch ordering" and "patch times": an engine upgrade.
            WordRule.strong(ENGINE_UPGRADE, "auto minor version upgrade", "マイナーバージョンの自動アップグレード"),
            WordRule.strong(SECURITY_PATCH, "\\bpatch(es|ed|ing)?\\b", "セキュリティパッチ"),
            WordRule.weak(ENGINE_UPGRADE,
                    "\\b(minor|major) (engine )?version\\b|\\bengine version\\b|\\bversion upgrade\\b",
                    "エンジンバージョンのアップグレード"),
            WordRule.weak(SYSTEM_REBOOT, "\\breboot|\\brestart", "再起動"),
            WordRule.weak(SYSTEM_REBOOT, "\\bmaintenance\\b", "メンテナンス"));

    /**
     * "RDS will upgrade ...", "Amazon EKS will update ...": AWS names itself as the one who acts. The service name is
     * possessive: a space must follow it, so giving back its characters could never match.
     */
    static final Pattern AWS_WILL_ACT = Pattern.compile(
            "\\b(we|aws|rds|amazon [\\w-]++|eks|ecs|lambda|elasticache) will (automatically )?(upgrade|update|apply|patch"
                    + "|reboot|restart|replace|stop|retire|migrate|enrol)"
                    + "|will be (performed|applied|upgraded|updated|patched|rebooted|restarted|replaced) automatically"
                    + "|will (be )?automatically|automatically (upgrade|update|appl|patch|reboot|restart|migrat|enrol)");

    /** Words that make a notice required: AWS will act by itself, or the reader must. */
    static final Pattern REQUIRED_WORDS = Pattern.compile(AWS_WILL_ACT.pattern()
            + "|\\bmandatory\\b|\\baction (is )?required\\b|\\brequires? (your )?action\\b"
            + "|\\brequired (upgrade|update|maintenance|action)|\\bmust (upgrade|update|apply|take action|migrate|be updated)"
            + "|scheduled to be (upgraded|updated|patched|applied)");

    /** Words that say nothing is to be done; they also hide the "action is required" inside "no action is required". */
    static final Pattern NO_ACTION_WORDS = Pattern.compile(
            "\\bno (further )?action is (required|needed|necessary)|\\bno action (required|needed)"
                    + "|(do|does) not need to (do anything|take (any )?action)|\\bno (customer )?action\\b");

    /** Words in an RDS message of an unknown id that say something finished. */
    static final Pattern COMPLETED_WORDS = Pattern.compile(
            "\\b(finished|completed|complete)\\b|has been (upgraded|patched|applied|restarted|rebooted)");

    private RulesTable() {
    }

    /** The first row for this code: exact rows before patterns, which are listed after them. */
    public static Optional<Rule> find(Origin origin, String code) {
        return RULES.stream().filter(r -> !r.isPattern() && r.matches(origin, code)).findFirst()
                .or(() -> RULES.stream().filter(r -> r.isPattern() && r.matches(origin, code)).findFirst());
    }

    private static Rule health(String code, Category category, Obligation obligation, String title) {
        return new Rule(Origin.HEALTH_EVENT, code, category, obligation, ANNOUNCED, title, FIXED);
    }

    private static Rule healthByWords(String code, Category category, Obligation obligation, String title) {
        return new Rule(Origin.HEALTH_EVENT, code, category, obligation, ANNOUNCED, title, BY_WORDS);
    }

    private static Rule rds(String eventId, Category category, Obligation obligation, Stage stage, String title) {
        return new Rule(Origin.RDS_EVENT, eventId, category, obligation, stage, title, FIXED);
    }

    private static Rule pending(String action, Category category, String title) {
        return new Rule(Origin.PENDING_MAINTENANCE, action, category, FROM_EVENT, ANNOUNCED, title, FIXED);
    }
}
