package dev.shirase.facts;

import dev.shirase.facts.Facts.Charge;
import dev.shirase.facts.Facts.Count;
import dev.shirase.facts.Facts.Downtime;
import dev.shirase.facts.Facts.Identifier;
import dev.shirase.facts.Facts.Purpose;
import dev.shirase.facts.Facts.Runtime;
import dev.shirase.facts.Facts.StatedDate;
import dev.shirase.facts.Facts.Upgrade;
import dev.shirase.facts.Facts.Version;
import dev.shirase.facts.Facts.When;
import dev.shirase.notice.Jst;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@link Facts} in short Japanese phrases and sentences, for 概要: versions, runtimes, ids, dates and what they are
 * for, downtime, counts, charges and when AWS acts. Each line is written from its fact; nothing is added that the
 * facts do not hold, and a fact whose meaning the text did not give (a date beside no cue) is left out.
 */
public final class FactSentences {
    private static final String LIST = "、";

    private static final Map<Count.Noun, String> NOUNS = new EnumMap<>(Map.ofEntries(
            Map.entry(Count.Noun.DB_INSTANCE, "DB インスタンス"), Map.entry(Count.Noun.DB_CLUSTER, "DB クラスター"),
            Map.entry(Count.Noun.INSTANCE, "インスタンス"), Map.entry(Count.Noun.CLUSTER, "クラスター"),
            Map.entry(Count.Noun.DATABASE, "データベース"), Map.entry(Count.Noun.FUNCTION, "関数"),
            Map.entry(Count.Noun.BROKER, "ブローカー"), Map.entry(Count.Noun.NODE, "ノード"),
            Map.entry(Count.Noun.DOMAIN, "ドメイン"), Map.entry(Count.Noun.TASK, "タスク"),
            Map.entry(Count.Noun.REPLICATION_GROUP, "レプリケーショングループ"),
            Map.entry(Count.Noun.RESOURCE, "リソース")));

    private static final Map<Identifier.Kind, String> IDENTIFIERS = new EnumMap<>(Map.of(
            Identifier.Kind.CVE, "関連する CVE",
            Identifier.Kind.ELASTICACHE_UPDATE, "サービス更新",
            Identifier.Kind.SERVICE_SOFTWARE, "サービスソフトウェアのバージョン",
            Identifier.Kind.CERTIFICATE_AUTHORITY, "認証局"));

    /** A date's label, for the purposes stated as "label: date". */
    private static final Map<Purpose, String> DATE_LABELS = new EnumMap<>(Map.of(
            Purpose.EXPIRES, "有効期限",
            Purpose.FORCED_APPLY, "強制適用日",
            Purpose.ACT_BY, "期限",
            Purpose.END_OF_STANDARD_SUPPORT, "標準サポート終了日",
            Purpose.END_OF_EXTENDED_SUPPORT, "延長サポート終了日",
            Purpose.END_OF_SUPPORT, "サポート終了日",
            Purpose.DEPRECATION, "非推奨日",
            Purpose.BLOCK_CREATE, "新規作成ができなくなる日",
            Purpose.BLOCK_UPDATE, "更新ができなくなる日"));

    private FactSentences() {
    }

    /** The facts as Japanese lines, most telling first: versions, runtimes, ids, dates, downtime, counts, charges. */
    public static List<String> japanese(Facts facts) {
        List<String> lines = new ArrayList<>();
        versions(facts, lines);
        runtimes("対象のランタイム: ", facts.runtimes().stream().filter(r -> !r.target()).toList(), lines);
        runtimes("移行先のランタイム: ", facts.runtimes().stream().filter(Runtime::target).toList(), lines);
        for (Identifier.Kind kind : Identifier.Kind.values()) {
            List<String> values = facts.identifiers().stream().filter(i -> i.kind() == kind).map(Identifier::value)
                    .toList();
            if (!values.isEmpty()) {
                lines.add(IDENTIFIERS.get(kind) + ": " + String.join(LIST, values));
            }
        }
        dates(facts, lines);
        whens(facts, lines);
        downtimes(facts.downtimes(), lines);
        for (Count c : facts.counts()) {
            String noun = NOUNS.get(c.noun());
            // a space between Japanese and a Latin word, as in the rest of the notice: "1 件の DB インスタンス"
            String space = noun.charAt(0) < 0x80 ? " " : "";
            lines.add(c.number() + (c.orMore() ? " 件以上の" : " 件の") + space + noun + "が対象です");
        }
        for (Charge c : facts.charges()) {
            lines.add(charge(c));
        }
        return List.copyOf(lines);
    }

    // ---- versions ----

    private static void versions(Facts facts, List<String> lines) {
        Upgrade previous = null;
        for (Upgrade u : facts.upgrades()) {
            // "to Aurora PostgreSQL 15 or 16": a second target with nothing of its own to leave is an alternative.
            if (previous != null && u.from().isEmpty() && u.to() != null && previous.to() != null && !u.example()
                    && Objects.equals(previous.to().product(), u.to().product()) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.getLast() + " または " + u.to().number() + (u.orLater() ? " 以降" : ""));
                continue;
            }
            lines.add(upgrade(u));
            previous = u;
        }
        boolean endOfSupportDated = facts.dates().stream().filter(d -> endOfSupport(d.purpose())).count() == 1;
        if (!facts.endOfSupport().isEmpty() && !endOfSupportDated) {
            lines.add("サポートが終了するバージョン: " + versionList(facts.endOfSupport()));
        }
        if (facts.upgrades().isEmpty() && facts.endOfSupport().isEmpty() && !facts.versions().isEmpty()) {
            lines.add("対象のバージョン: " + versionList(facts.versions()));
        }
    }

    private static String upgrade(Upgrade u) {
        String to = u.to() == null ? null : u.to().number() + (u.orLater() ? " 以降" : "");
        if (u.example()) {
            return "アップグレード先の例: " + name(u.to().product(), to);
        }
        if (u.from().isEmpty()) {
            return "アップグレード先: " + name(u.to().product(), to);
        }
        String from = versionList(u.from());
        if (to == null) {
            return "対象のバージョン: " + from;
        }
        boolean sameProduct = u.from().stream().allMatch(v -> Objects.equals(v.product(), u.to().product()));
        return "対象のバージョン: " + from + " → " + (sameProduct ? to : name(u.to().product(), to));
    }

    /** Versions as the notice names them ({@code RDS for PostgreSQL 14}), or empty for none. */
    public static String versions(List<Version> versions) {
        return versions.isEmpty() ? "" : versionList(versions);
    }

    /** "Aurora PostgreSQL 15.7、15.8", or each with its product when they differ. */
    private static String versionList(List<Version> versions) {
        String product = versions.getFirst().product();
        if (versions.stream().allMatch(v -> Objects.equals(v.product(), product))) {
            return name(product, versions.stream().map(Version::number).collect(Collectors.joining(LIST)));
        }
        return versions.stream().map(v -> name(v.product(), v.number())).collect(Collectors.joining(LIST));
    }

    private static String name(String product, String numbers) {
        return product == null ? numbers : product + " " + numbers;
    }

    private static void runtimes(String label, List<Runtime> runtimes, List<String> lines) {
        if (!runtimes.isEmpty()) {
            lines.add(label + runtimes.stream().map(FactSentences::runtime).collect(Collectors.joining(LIST)));
        }
    }

    private static String runtime(Runtime r) {
        return r.identifier() == null || r.identifier().equals(r.name()) ? r.name()
                : r.name() + " (" + r.identifier() + ")";
    }

    // ---- dates ----

    private static boolean endOfSupport(Purpose p) {
        return p == Purpose.END_OF_STANDARD_SUPPORT || p == Purpose.END_OF_EXTENDED_SUPPORT
                || p == Purpose.END_OF_SUPPORT;
    }

    private static void dates(Facts facts, List<String> lines) {
        boolean oneEndOfSupport = facts.dates().stream().filter(d -> endOfSupport(d.purpose())).count() == 1;
        for (StatedDate d : facts.dates()) {
            String date = date(d.at());
            switch (d.purpose()) {
                case AUTO_APPLY_FROM -> lines.add(d.firstWindowOnOrAfter()
                        ? date + " 以降の最初のメンテナンスウィンドウで自動的に適用されます"
                        : date + " から自動的に適用されます");
                case SCHEDULED -> lines.add(d.firstWindowOnOrAfter()
                        ? date + " 以降の最初のメンテナンスウィンドウで実施されます"
                        : "実施予定日: " + date);
                case END_OF_STANDARD_SUPPORT, END_OF_EXTENDED_SUPPORT, END_OF_SUPPORT ->
                        lines.add(oneEndOfSupport && !facts.endOfSupport().isEmpty()
                                ? endOfSupportSentence(facts.endOfSupport(), d)
                                : DATE_LABELS.get(d.purpose()) + ": " + date);
                case CHARGES_FROM, OTHER -> {
                    // charges are stated with their kind and rate; a date beside no cue says nothing by itself
                }
                default -> lines.add(DATE_LABELS.get(d.purpose()) + ": " + date);
            }
        }
    }

    private static String endOfSupportSentence(List<Version> versions, StatedDate d) {
        String support = switch (d.purpose()) {
            case END_OF_STANDARD_SUPPORT -> "標準サポート";
            case END_OF_EXTENDED_SUPPORT -> "延長サポート";
            default -> "サポート";
        };
        return versionList(versions) + " の" + support + "は " + date(d.at()) + " に終了します";
    }

    /** The date alone for a date AWS states without a time; with the JST time when the text gives one. */
    static String date(Instant at) {
        return Jst.dateOrDateTime(at);
    }

    // ---- when, downtime, charges ----

    private static void whens(Facts facts, List<String> lines) {
        for (When w : facts.whens()) {
            String verb = switch (w.action()) {
                case APPLY -> "適用されます";
                case REBOOT -> "再起動されます";
                case UNSPECIFIED -> "実施されます";
            };
            lines.add(switch (w.kind()) {
                case NEXT_MAINTENANCE_WINDOW -> "次回のメンテナンスウィンドウで" + verb;
                case MAINTENANCE_WINDOW -> "メンテナンスウィンドウ中に" + verb;
                case OVER_NEXT, COMING -> "今後" + (w.amount() > 0 ? String.valueOf(w.amount()) : "数")
                        + span(w.unit()) + (w.inMaintenanceWindow() ? "のメンテナンスウィンドウ中に" : "のうちに") + verb;
            });
        }
    }

    private static String span(ChronoUnit unit) {
        return switch (unit) {
            case DAYS -> "日";
            case WEEKS -> "週間";
            default -> "か月";
        };
    }

    private static void downtimes(List<Downtime> downtimes, List<String> lines) {
        String phrase = downtime(downtimes);
        if (phrase != null) {
            lines.add("停止時間の目安: " + phrase);
        }
    }

    /** The downtimes the text states, in a few words ({@code Single-AZ は数分}), or null when it states none. */
    public static String downtime(List<Downtime> downtimes) {
        return downtimes.isEmpty() ? null
                : downtimes.stream().map(FactSentences::downtime).collect(Collectors.joining(LIST));
    }

    private static String downtime(Downtime d) {
        String unit = switch (d.unit()) {
            case SECONDS -> "秒";
            case MINUTES -> "分";
            default -> "時間";
        };
        String amount = switch (d.amount()) {
            case FEW -> "数" + unit;
            case ABOUT -> "約" + d.low() + unit;
            case UP_TO -> "最大" + d.low() + unit;
            case LESS_THAN -> d.low() + unit + "未満";
            case RANGE -> d.low() + "〜" + d.high() + unit;
            case EXACT -> d.low() + unit;
        };
        return switch (d.scope()) {
            case SINGLE_AZ -> "Single-AZ は" + amount;
            case MULTI_AZ -> "Multi-AZ は" + amount;
            case ANY -> amount;
        };
    }

    private static String charge(Charge c) {
        String rate = switch (c.rate()) {
            case PER_VCPU_HOUR -> " (vCPU 時間あたり)";
            case PER_ACU_HOUR -> " (ACU 時間あたり)";
            case NOT_STATED -> "";
        };
        if (c.kind() == Charge.Kind.ADDITIONAL) {
            return (c.from() == null ? "追加料金が発生します" : date(c.from()) + " から追加料金が発生します");
        }
        if (c.from() == null) {
            return "延長サポートの対象になると料金が発生します" + rate;
        }
        if (c.year() > 1) {
            return "延長サポート " + c.year() + " 年目の料金は " + date(c.from()) + " から適用されます" + rate;
        }
        return "延長サポートの料金は " + date(c.from()) + " から発生します" + rate;
    }
}
