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
            health("AWS_EC2_INSTANCE_REBOOT_FLEXIBLE_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "インスタンス再起動"),
            health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "システム再起動"),
            health("AWS_EC2_INSTANCE_NETWORK_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "ネットワークメンテナンス"),
            health("AWS_EC2_INSTANCE_POWER_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "電源メンテナンス"),
            health("AWS_EC2_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "定期メンテナンス"),
            health("AWS_EC2_DEDICATED_HOST_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "専有ホストのメンテナンス"),
            // AWS Health: EC2 retirement and stop
            health("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", HARDWARE_RETIREMENT, REQUIRED, "インスタンスのリタイア"),
            health("AWS_EC2_INSTANCE_RETIREMENT_EXPEDITED", HARDWARE_RETIREMENT, REQUIRED, "インスタンスの早期リタイア"),
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
            healthByWords("AWS_ELASTICACHE_UPDATE_AVAILABLE", SECURITY_PATCH, OPTIONAL, "サービスアップデート"),
            healthByWords("AWS_ELASTICACHE_BEFORE_UPDATE_DUE_NOTIFICATION", SECURITY_PATCH, REQUIRED, "サービスアップデート"),
            new Rule(Origin.HEALTH_EVENT, "AWS_ELASTICACHE_UPDATE_COMPLETED", SECURITY_PATCH, INFO, COMPLETED,
                    "サービスアップデート", BY_WORDS),
            health("AWS_ES_SERVICE_SOFTWARE_UPDATE_AVAILABLE", SECURITY_PATCH, OPTIONAL, "サービスソフトウェア更新"),
            health("AWS_ES_SERVICE_SOFTWARE_UPDATE_REQUIRED", SECURITY_PATCH, REQUIRED, "サービスソフトウェア更新"),
            health("AWS_ES_SERVICE_SOFTWARE_UPDATE_SCHEDULED", SECURITY_PATCH, REQUIRED, "サービスソフトウェア更新"),
            health("AWS_KAFKA_SECURITY_PATCHING_EVENT", SECURITY_PATCH, REQUIRED, "セキュリティパッチ適用"),
            healthByWords("AWS_KAFKA_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "定期メンテナンス"),
            healthByWords("AWS_REDSHIFT_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "定期メンテナンス"),
            health("AWS_ECS_TASK_PATCHING_RETIREMENT", SECURITY_PATCH, REQUIRED, "Fargate タスクの入れ替え"),
            health("AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT", END_OF_SUPPORT, REQUIRED, "ランタイムのサポート終了"),
            health("AWS_EKS_PLANNED_LIFECYCLE_EVENT", END_OF_SUPPORT, REQUIRED, "Kubernetes バージョンの標準サポート終了"),
            // AWS Health: resources that failed or degraded, and account-level notices; the title names no service,
            // since the service is shown before it
            health("AWS_EC2_INSTANCE_STORE_DRIVE_PERFORMANCE_DEGRADED", INFORMATION, OPTIONAL, "インスタンスストアの性能低下"),
            health("AWS_EBS_VOLUME_LOST", INFORMATION, REQUIRED, "ボリュームの損失"),
            health("AWS_EBS_DEGRADED_EBS_VOLUME_PERFORMANCE", INFORMATION, OPTIONAL, "ボリュームの性能低下"),
            // Renewed, expired or due to expire: the text and AWS's actionability say whether to act.
            health("AWS_ACM_RENEWAL_STATE_CHANGE", INFORMATION, FROM_EVENT, "証明書の更新状況"),
            health("AWS_ACM_RENEWAL_FAILURE", INFORMATION, REQUIRED, "証明書の自動更新の失敗"),
            health("AWS_RISK_CREDENTIALS_EXPOSED", INFORMATION, REQUIRED, "アクセスキーの漏えい"),
            // A charge or a bill, even when it names an end of support (RDS Extended Support charges).
            health("AWS_BILLING_NOTIFICATION", INFORMATION, FROM_EVENT, "請求に関するお知らせ"),
            // One VPN tunnel (or Direct Connect link) is down: the connection still works, without redundancy.
            health("AWS_VPN_SINGLE_TUNNEL_NOTIFICATION", INFORMATION, OPTIONAL, "片側のトンネルのみで稼働"),
            // AWS Health: families of codes, for services and codes not named above
            health("*_PLANNED_LIFECYCLE_EVENT", END_OF_SUPPORT, REQUIRED, "標準サポート終了"),
            health("*_RETIREMENT_SCHEDULED", HARDWARE_RETIREMENT, REQUIRED, "リタイア"),
            health("*_SECURITY_PATCHING_EVENT", SECURITY_PATCH, REQUIRED, "セキュリティパッチ適用"),
            healthByWords("*_MAINTENANCE_SCHEDULED", SYSTEM_REBOOT, REQUIRED, "定期メンテナンス"),
            healthByWords("*_SECURITY_NOTIFICATION", INFORMATION, FROM_EVENT, "セキュリティに関するお知らせ"),
            healthByWords("*_OPERATIONAL_NOTIFICATION", INFORMATION, FROM_EVENT, "運用に関するお知らせ"),
            health("*_OPERATIONAL_ISSUE", INFORMATION, INFO, "障害情報"),
            health("*_REDUNDANCY_LOSS", INFORMATION, OPTIONAL, "冗長性の低下"),

            // Amazon RDS events, by EventID
            rds("RDS-EVENT-0004", SYSTEM_REBOOT, INFO, IN_PROGRESS, "DB インスタンスのシャットダウン"),
            rds("RDS-EVENT-0006", SYSTEM_REBOOT, INFO, COMPLETED, "DB インスタンスの再起動"),
            rds("RDS-EVENT-0026", OS_UPDATE, INFO, IN_PROGRESS, "オフラインパッチの適用"),
            rds("RDS-EVENT-0027", OS_UPDATE, INFO, COMPLETED, "オフラインパッチの適用"),
            rds("RDS-EVENT-0047", OS_UPDATE, INFO, COMPLETED, "パッチの適用"),
            rds("RDS-EVENT-0048", ENGINE_UPGRADE, INFO, ANNOUNCED, "エンジンアップグレードの延期"),
            rds("RDS-EVENT-0153", INFORMATION, INFO, ANNOUNCED, "停止期間の上限による自動起動"),
            rds("RDS-EVENT-0154", INFORMATION, INFO, ANNOUNCED, "停止期間の上限による自動起動"),
            rds("RDS-EVENT-0155", ENGINE_UPGRADE, OPTIONAL, ANNOUNCED, "マイナーバージョンアップグレード"),
            rds("RDS-EVENT-0156", ENGINE_UPGRADE, OPTIONAL, ANNOUNCED, "マイナーバージョンアップグレード"),
            rds("RDS-EVENT-0158", ENGINE_UPGRADE, OPTIONAL, ANNOUNCED, "アップグレードできない状態"),
            rds("RDS-EVENT-0173", ENGINE_UPGRADE, INFO, COMPLETED, "エンジンバージョンのアップグレード"),
            rds("RDS-EVENT-0176", ENGINE_UPGRADE, INFO, COMPLETED, "メジャーバージョンアップグレード"),
            rds("RDS-EVENT-0177", ENGINE_UPGRADE, INFO, IN_PROGRESS, "エンジンバージョンのアップグレード"),
            rds("RDS-EVENT-0178", ENGINE_UPGRADE, INFO, IN_PROGRESS, "エンジンバージョンのアップグレード"),
            // Oracle time zone file: an update of the engine's time zone data, not a reboot of the instance.
            rds("RDS-EVENT-0191", INFORMATION, OPTIONAL, ANNOUNCED, "タイムゾーンファイルの更新"),
            rds("RDS-EVENT-0192", INFORMATION, INFO, IN_PROGRESS, "タイムゾーンファイルの更新"),
            rds("RDS-EVENT-0193", INFORMATION, INFO, ANNOUNCED, "タイムゾーンファイルは最新"),
            rds("RDS-EVENT-0194", INFORMATION, INFO, COMPLETED, "タイムゾーンファイルの更新"),
            rds("RDS-EVENT-0195", INFORMATION, OPTIONAL, ANNOUNCED, "タイムゾーンファイルの更新の失敗"),
            rds("RDS-EVENT-0230", OS_UPDATE, OPTIONAL, ANNOUNCED, "OS アップデート"),
            rds("RDS-EVENT-0264", ENGINE_UPGRADE, INFO, IN_PROGRESS, "アップグレード前チェック"),
            rds("RDS-EVENT-0265", ENGINE_UPGRADE, INFO, IN_PROGRESS, "アップグレード前チェック"),
            rds("RDS-EVENT-0266", ENGINE_UPGRADE, INFO, IN_PROGRESS, "アップグレードによる停止"),
            rds("RDS-EVENT-0267", ENGINE_UPGRADE, INFO, IN_PROGRESS, "エンジンバージョンのアップグレード"),
            rds("RDS-EVENT-0268", ENGINE_UPGRADE, INFO, COMPLETED, "エンジンバージョンのアップグレード"),
            rds("RDS-EVENT-0269", ENGINE_UPGRADE, INFO, IN_PROGRESS, "アップグレード後の処理"),
            rds("RDS-EVENT-0270", ENGINE_UPGRADE, OPTIONAL, ANNOUNCED, "エンジンアップグレードの失敗とロールバック"),
            rds("RDS-EVENT-0286", ENGINE_UPGRADE, INFO, IN_PROGRESS, "エンジンバージョンのアップグレード"),
            rds("RDS-EVENT-0287", OS_UPDATE, REQUIRED, ANNOUNCED, "OS アップグレード"),
            rds("RDS-EVENT-0288", OS_UPDATE, INFO, IN_PROGRESS, "OS アップグレード"),
            rds("RDS-EVENT-0289", OS_UPDATE, INFO, COMPLETED, "OS アップグレード"),
            rds("RDS-EVENT-0290", ENGINE_UPGRADE, INFO, COMPLETED, "パッチの適用"),
            rds("RDS-EVENT-0389", OS_UPDATE, OPTIONAL, ANNOUNCED, "OS アップグレードの失敗"),
            rds("RDS-EVENT-0396", SYSTEM_REBOOT, REQUIRED, ANNOUNCED, "リードレプリカの再起動"),
            rds("RDS-EVENT-0422", SYSTEM_REBOOT, REQUIRED, ANNOUNCED, "ホストの置き換え"),
            rds("RDS-EVENT-0425", OS_UPDATE, OPTIONAL, ANNOUNCED, "IP アドレス不足による OS アップグレードの保留"),
            rds("RDS-EVENT-0429", OS_UPDATE, OPTIONAL, ANNOUNCED, "容量不足による OS アップグレードの保留"),
            rds("RDS-EVENT-0501", SYSTEM_REBOOT, REQUIRED, ANNOUNCED, "サーバー証明書のローテーション"),
            rds("RDS-EVENT-0502", SYSTEM_REBOOT, REQUIRED, ANNOUNCED, "サーバー証明書のローテーション"),

            // RDS pending maintenance actions; required or not is read from their dates
            pending("system-update", OS_UPDATE, "OS アップデート"),
            pending("os-upgrade", OS_UPDATE, "OS アップグレード"),
            pending("db-upgrade", ENGINE_UPGRADE, "エンジンバージョンのアップグレード"),
            pending("hardware-maintenance", SYSTEM_REBOOT, "ハードウェアメンテナンス"),
            pending("ca-certificate-rotation", SYSTEM_REBOOT, "CA 証明書のローテーション"),
            pending("serverless-platform-version-update", SYSTEM_REBOOT, "Serverless プラットフォームの更新"));

    /**
     * Words in AWS's English text, strongest first. The first rule that matches names the category of a code the
     * table does not know, or of a broad code ({@link Rule.Refinement#BY_WORDS}).
     */
    public static final List<WordRule> WORDS = List.of(
            WordRule.strong(END_OF_SUPPORT,
                    "end[ -]of[ -](standard )?support|end[ -]of[ -]life|\\bextended support\\b|no longer (be )?supported"
                            + "|\\bend(ing)? (standard )?support\\b"
                            // "support for Python 3.8 ends": a bounded gap, read once from each "support"
                            + "|\\bsupport (for [^,;\\n]{1,60} )?(ends|will end)\\b|\\b(is|are|will be|being) deprecated"
                            // "deprecation", but not the "version deprecation policy" boilerplate of many notices
                            + "|\\bdeprecation\\b(?! policy)", "標準サポート終了"),
            // A time zone file (tzdata, DST) update changes the engine's data, not the instance: not a reboot.
            WordRule.strong(INFORMATION, "time ?zone (file|data)|\\btzdata\\b|\\bdstv\\d", "タイムゾーンファイルの更新"),
            // Retired of an instance or a host; a VPN endpoint "replaced when underlying hardware is retired" is not.
            WordRule.strong(HARDWARE_RETIREMENT,
                    "\\bretire(d|ment)?\\b|degraded hardware|hardware degradation", "リタイア")
                    .about("\\b(instances?|hosts?|nodes?|servers?|brokers?)\\b"),
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
                    "\\b(minor|major) (engine )?versions?\\b|\\bengine versions?\\b|\\bversion upgrades?\\b",
                    "エンジンバージョンのアップグレード"),
            WordRule.weak(SYSTEM_REBOOT, "\\breboot|\\brestart", "再起動"),
            // "during your maintenance window" says when, not what: it names no maintenance.
            WordRule.weak(SYSTEM_REBOOT, "\\bmaintenance\\b(?! windows?\\b)", "メンテナンス"));

    /**
     * "RDS will upgrade ...", "Amazon EKS will update ...": AWS names itself as the one who acts. The service name is
     * possessive: a space must follow it, so giving back its characters could never match.
     */
    static final Pattern AWS_WILL_ACT = Pattern.compile(
            "\\b(we|aws|rds|amazon [\\w-]++|eks|ecs|lambda|elasticache) will (automatically )?(upgrade|update|apply|patch"
                    + "|reboot|restart|replace|stop|retire|migrate|enrol|rotate)"
                    + "|will be (performed|applied|upgraded|updated|patched|rebooted|restarted|replaced|scheduled|enrolled"
                    + "|migrated) automatically"
                    // acting on the resources: "will automatically enable a new metric" is no maintenance
                    + "|automatically (be )?(upgrad|updat|appl|patch|reboot|restart|migrat|enrol|replac|stop|terminat"
                    + "|rotat|schedul)");

    /** A minor version named as such: "minor version 11.16", "minor versions". */
    static final Pattern MINOR_VERSION = Pattern.compile("\\bminor versions?\\b");
    static final Pattern EXTENDED_SUPPORT = Pattern.compile("\\bextended support\\b");

    /** Words that say the reader must act. */
    static final Pattern READER_MUST = Pattern.compile("\\bmandatory\\b|\\baction (is )?required\\b|\\brequires? (your )?action\\b"
            + "|\\brequired (upgrade|update|maintenance|action)|\\bmust (upgrade|update|apply|take action|migrate|be updated)"
            + "|scheduled to be (upgraded|updated|patched|applied)");

    /** Words that say nothing is to be done. */
    static final Pattern NO_ACTION_WORDS = Pattern.compile(
            "\\bno (further )?action is (required|needed|necessary)|\\bno action (required|needed)"
                    + "|(do|does) not need to (do anything|take (any )?action)|\\bno (customer )?action\\b");

    /** Words in an RDS message of an unknown id that say something finished. */
    static final Pattern COMPLETED_WORDS = Pattern.compile(
            "\\b(finished|completed|complete)\\b|has been (upgraded|patched|applied|restarted|rebooted)");

    /**
     * Old RDS events carry no EventID (or {@code (null)}): their message, as the RDS event message table words it,
     * names the event. The first match wins, so a "finished" message comes before the message it finishes.
     */
    static final List<RdsMessage> RDS_MESSAGES = List.of(
            new RdsMessage("finished applying off-line patches|offline maintenance of the db instance is complete",
                    "RDS-EVENT-0027"),
            new RdsMessage("applying off-line patches|offline maintenance of the db instance is taking place",
                    "RDS-EVENT-0026"),
            new RdsMessage("\\bdb instance restarted", "RDS-EVENT-0006"),
            new RdsMessage("\\bdb instance shutdown", "RDS-EVENT-0004"),
            new RdsMessage("\\bdb instance (was |has been )?patched", "RDS-EVENT-0047"),
            new RdsMessage("database cluster has been patched", "RDS-EVENT-0173"),
            new RdsMessage("major version has been upgraded", "RDS-EVENT-0176"),
            new RdsMessage("database cluster is being upgraded|upgrade (is )?in progress", "RDS-EVENT-0177"),
            new RdsMessage("delaying database engine upgrade|patching of the db instance has been delayed",
                    "RDS-EVENT-0048"),
            new RdsMessage("exceeding the maximum allowed time being stopped", "RDS-EVENT-0154"),
            new RdsMessage("(operating system|system) update is available", "RDS-EVENT-0230"),
            new RdsMessage("minor version upgrade (is )?(available|required)", "RDS-EVENT-0155"),
            new RdsMessage("time zone file has begun", "RDS-EVENT-0192"),
            new RdsMessage("time zone file has completed", "RDS-EVENT-0194"),
            new RdsMessage("time zone file failed", "RDS-EVENT-0195"),
            new RdsMessage("time zone file update is available", "RDS-EVENT-0191"));

    /** An RDS event message, as words, and the event id it stands for. */
    record RdsMessage(Pattern words, String eventId) {
        RdsMessage(String regex, String eventId) {
            this(Pattern.compile(regex), eventId);
        }
    }

    private RulesTable() {
    }

    /** The row of the RDS event an old message (with no EventID) stands for. */
    static Optional<Rule> findRdsMessage(String lowerCaseMessage) {
        return RDS_MESSAGES.stream().filter(m -> m.words().matcher(lowerCaseMessage).find()).findFirst()
                .flatMap(m -> find(Origin.RDS_EVENT, m.eventId()));
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
