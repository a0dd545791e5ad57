package dev.shirase.render;

import dev.shirase.notice.Announcement;
import dev.shirase.notice.Category;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Stage;
import java.util.ArrayList;
import java.util.List;

/** 影響 and 推奨対応: what the change does to the service, and what to do about it. */
final class Guidance {
    private Guidance() {
    }

    static String impact(Notice notice) {
        Announcement a = notice.announcement();
        String service = a.service() == null ? "" : a.service();
        String code = a.code() == null ? "" : a.code();
        if (notice.stage() == Stage.COMPLETED) {
            return notice.category() == Category.INFORMATION ? "影響の有無は原文を確認してください。" : "作業は終わっています。";
        }
        if (notice.stage() == Stage.IN_PROGRESS) {
            return "作業中は対象リソースに接続できない、または性能が落ちる場合があります。";
        }
        return switch (notice.category()) {
            case SECURITY_PATCH, ENGINE_UPGRADE -> isDatabase(service)
                    ? "適用 (アップグレード) 中は数分間データベースに接続できません。"
                            + "エンジンのバージョンが変わるため、アプリケーションの動作に影響する可能性があります。"
                    : "適用中は、ノードやタスクの再起動・入れ替えにより一時的に影響が出る場合があります。";
            case OS_UPDATE -> isDatabase(service)
                    ? "Single-AZ の DB インスタンスは約 10 分間接続できません。Multi-AZ ではスタンバイを先に更新してから"
                            + "フェイルオーバーするため、影響はおおむね 60〜120 秒です。" + multiAzNote(notice)
                    : "更新中は、一時的にサービスが利用できなくなる場合があります。";
            case SYSTEM_REBOOT -> {
                if (notice.title().contains("証明書")) {
                    yield "新しい CA 証明書を信頼していないクライアントは、TLS 接続に失敗するようになります。"
                            + "ローテーションの適用時には DB が再起動し、数分間接続できません。";
                }
                if ("EC2".equals(service) && code.contains("REBOOT")) {
                    yield "対象のインスタンスが再起動され、その間 (通常は数分) 利用できません。";
                }
                if ("EC2".equals(service)) {
                    yield "メンテナンス中、インスタンスの接続や性能に一時的な影響が出る場合があります。";
                }
                yield isDatabase(service)
                        ? "メンテナンス中に DB インスタンスが再起動され、数分間接続できなくなる場合があります。"
                                + "Multi-AZ 構成ではフェイルオーバーにより影響を短くできます。" + multiAzNote(notice)
                        : "メンテナンス中、サービスが一時的に利用できなくなる場合があります。";
            }
            case END_OF_SUPPORT -> "RDS".equals(service)
                    ? "標準サポートの終了後は、RDS 延長サポート (有料) に自動で登録されるか、サポートされるバージョンへ自動で"
                            + "アップグレードされます。アップグレードの間はデータベースに接続できません。"
                    : "サポートの終了後は、セキュリティ修正が提供されず、作成や更新ができなくなる場合があります。";
            case HARDWARE_RETIREMENT -> "期日になると、EBS から起動したインスタンスは停止され、インスタンスストアから起動した"
                    + "インスタンスは終了されます。インスタンスストアのデータは失われます。";
            case INFORMATION -> "影響の有無は原文を確認してください。";
            case UNCLASSIFIED -> "不明です。原文と受信した内容を確認してください。";
        };
    }

    static List<Step> steps(Notice notice) {
        Announcement a = notice.announcement();
        String service = a.service() == null ? "" : a.service();
        List<Step> steps = new ArrayList<>();
        if (notice.stage() == Stage.COMPLETED) {
            steps.add(Step.of("対象リソースとアプリケーションが正常に動いていることを確認してください。"));
            return steps;
        }
        if (notice.stage() == Stage.IN_PROGRESS) {
            steps.add(Step.of("完了の通知を待ち、完了後に対象リソースとアプリケーションの動作を確認してください。"));
            return steps;
        }
        if (a.origin() == Origin.PENDING_MAINTENANCE) {
            steps.add(Step.run("業務影響の少ない時間帯に、自分で今すぐ適用できます:", ApplyCommand.of(notice, "immediate")));
            steps.add(Step.run("次のメンテナンスウィンドウで適用するなら:", ApplyCommand.of(notice, "next-maintenance")));
        }
        switch (notice.category()) {
            case SECURITY_PATCH, ENGINE_UPGRADE -> {
                steps.add(Step.of("期限より前の、業務影響の少ない時間帯に、自分で適用 (アップグレード) してください。"));
                steps.add(Step.of("バージョンが変わる場合は、リリースノートで変更点を確認してください。"));
                steps.add(Step.of("ステージング環境で先に適用し、アプリケーションの動作を確認してください。"));
            }
            case OS_UPDATE -> {
                if (!"RDS".equals(service)) {
                    steps.add(Step.of("期限より前の業務影響の少ない時間帯に、サービスのコンソールから更新を適用してください。"));
                } else {
                    if (a.origin() != Origin.PENDING_MAINTENANCE) {
                        steps.add(Step.of("業務影響の少ない時間帯に、RDS コンソールの「メンテナンスとバックアップ」から適用するか、"
                                + "aws rds apply-pending-maintenance-action --apply-action system-update で適用してください。"));
                    }
                    steps.add(Step.of("本番環境は Multi-AZ 構成にして、停止時間を短くすることを検討してください。"));
                    steps.add(Step.of("メンテナンスウィンドウが業務時間外に設定されていることを確認してください。"));
                }
            }
            case SYSTEM_REBOOT -> {
                if (notice.title().contains("証明書")) {
                    // A certificate rotation fails TLS connections of clients that do not trust the new CA.
                    steps.add(Step.of("TLS で接続するクライアントが新しい CA 証明書を信頼しているか (信頼ストア、接続文字列の証明書) を、"
                            + "期限より前に確認・更新してください。"));
                    steps.add(Step.of("ローテーションには DB の再起動が伴います。業務影響の少ない時間帯に自分で適用してください。"));
                } else if ("EC2".equals(service)) {
                    steps.add(Step.of("予定日時を EC2 コンソールの「スケジュールされたイベント」で確認してください。"));
                    steps.add(Step.of("インスタンス再起動のイベントは、予定より前に自分で再起動すると前倒しで完了できます。"
                            + "日時を変更できるイベントもあります。"));
                    steps.add(Step.of("再起動後にアプリケーションが自動で起動する設定になっているか確認してください。"));
                } else {
                    steps.add(Step.of("メンテナンスウィンドウの日時を確認し、業務影響の少ない時間帯か確認してください。"));
                    steps.add(Step.of("必要なら、期限より前に自分で適用してください。"));
                    steps.add(Step.of("本番環境は Multi-AZ 構成にして、停止時間を短くすることを検討してください。"));
                }
            }
            case END_OF_SUPPORT -> {
                steps.add(Step.of("サポートされているバージョンへのアップグレードを計画し、期限より前に実施してください。"));
                steps.add(Step.of("ステージング環境で先にアップグレードし、アプリケーションの動作を確認してください。"));
                if ("RDS".equals(service)) {
                    steps.add(Step.of("期限を過ぎた場合の RDS 延長サポートの料金を確認してください。"));
                }
            }
            case HARDWARE_RETIREMENT -> {
                steps.add(Step.of("EBS から起動したインスタンスは、期日より前に停止して起動し直すと、正常なハードウェアに移せます"
                        + " (再起動では移りません)。"));
                steps.add(Step.of("インスタンスストアのデータは、期日より前にバックアップしてください。"));
                steps.add(Step.of("Auto Scaling グループに属するインスタンスは、新しいインスタンスに置き換えてください。"));
            }
            case INFORMATION -> steps.add(Step.of("原文を確認し、対応が必要か判断してください。"));
            case UNCLASSIFIED -> {
                steps.add(Step.of("原文と受信した内容を確認し、対応が必要か判断してください。"));
                if (a.origin() != Origin.UNRECOGNIZED && a.code() != null) {
                    steps.add(Step.of("繰り返し届く種類の通知なら、分類ルールへの追加を検討してください (" + Shorten.id(a.code()) + ")。"));
                }
            }
        }
        return steps;
    }

    /** 停止の目安: how long the resource is expected to be unreachable, where AWS states it for this kind. */
    static String downtime(Notice notice) {
        if (notice.stage() != Stage.ANNOUNCED) {
            return null;
        }
        String service = notice.announcement().service() == null ? "" : notice.announcement().service();
        return switch (notice.category()) {
            case OS_UPDATE -> isDatabase(service) ? "Single-AZ 約 10 分、Multi-AZ 60〜120 秒" : null;
            case SYSTEM_REBOOT, SECURITY_PATCH, ENGINE_UPGRADE -> isDatabase(service) || "EC2".equals(service) ? "数分" : null;
            default -> null;
        };
    }

    private static boolean isDatabase(String service) {
        return "RDS".equals(service) || "DOCDB".equals(service) || "NEPTUNE".equals(service);
    }

    /** What RDS told us about Multi-AZ, where the enrichment found it. */
    private static String multiAzNote(Notice notice) {
        List<String> single = notice.databases().stream()
                .filter(db -> Boolean.FALSE.equals(db.multiAz())).map(DatabaseState::id).toList();
        List<String> multi = notice.databases().stream()
                .filter(db -> Boolean.TRUE.equals(db.multiAz())).map(DatabaseState::id).toList();
        StringBuilder note = new StringBuilder();
        if (!single.isEmpty()) {
            note.append(" Single-AZ: ").append(String.join(", ", single)).append("。");
        }
        if (!multi.isEmpty()) {
            note.append(" Multi-AZ: ").append(String.join(", ", multi)).append("。");
        }
        return note.toString();
    }
}
