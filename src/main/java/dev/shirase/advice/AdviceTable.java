package dev.shirase.advice;

import static dev.shirase.notice.Category.END_OF_SUPPORT;
import static dev.shirase.notice.Category.ENGINE_UPGRADE;
import static dev.shirase.notice.Category.HARDWARE_RETIREMENT;
import static dev.shirase.notice.Category.INFORMATION;
import static dev.shirase.notice.Category.OS_UPDATE;
import static dev.shirase.notice.Category.SECURITY_PATCH;
import static dev.shirase.notice.Category.SYSTEM_REBOOT;
import static dev.shirase.notice.Category.UNCLASSIFIED;

import dev.shirase.advice.Advice.Step;
import dev.shirase.notice.Category;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What we tell the owner of each platform about each kind of change, as data: impact, expected downtime and the
 * steps that apply to that service. The first row that matches wins, so specific rows come before general ones, and
 * the {@link Platform#ANY} rows at the end hold for every service. Add a service here, not in the renderer.
 */
public final class AdviceTable {

    private static final Set<Category> PATCHES = Set.of(SECURITY_PATCH, OS_UPDATE, ENGINE_UPGRADE, SYSTEM_REBOOT);

    public static final List<Advice> ROWS = List.of(
            // EC2
            row(Platform.EC2, Set.of(SYSTEM_REBOOT), "INSTANCE_REBOOT",
                    "対象のインスタンスが再起動され、その間は利用できません。",
                    "数分",
                    step("予定日時と期限を EC2 コンソールの「スケジュールされたイベント」で確認してください。",
                            "aws ec2 describe-instance-status --region {region} --instance-ids {resources}"
                                    + " --query \"InstanceStatuses[].Events\""),
                    keyStep("都合のよい時間に、EC2 コンソール・AWS CLI・API から自分で再起動すると、メンテナンスが適用され"
                            + "イベントが完了します。OS の中からの再起動 (reboot コマンドなど) ではイベントは完了しません。",
                            "aws ec2 reboot-instances --region {region} --instance-ids {resources}"),
                    keyStep("日時を変更できるイベントは、期限までの別の日時に再スケジュールできます。"),
                    step("再起動のあと、アプリケーションが自動で起動する設定になっているか確認してください。")),
            row(Platform.EC2, Set.of(SYSTEM_REBOOT), "SYSTEM_REBOOT",
                    "基盤となるホストのメンテナンスのため、対象のインスタンスが再起動され、その間は利用できません。",
                    "数分",
                    step("予定日時と期限を EC2 コンソールの「スケジュールされたイベント」で確認してください。",
                            "aws ec2 describe-instance-status --region {region} --instance-ids {resources}"
                                    + " --query \"InstanceStatuses[].Events\""),
                    step("システム再起動は、インスタンスが再起動による移行 (reboot migration) に対応している場合に限り、"
                            + "EC2 コンソール・AWS CLI・API からの再起動で前倒しできます。OS の中からの再起動では完了しません。"),
                    keyStep("EBS ボリュームから起動したインスタンスは、{before}停止して起動し直すと別のホストに移り、"
                            + "イベントが完了します。",
                            "aws ec2 stop-instances --region {region} --instance-ids {resources}"),
                    keyStep("日時を変更できるイベントは、期限までの別の日時に再スケジュールできます。")),
            row(Platform.EC2, Set.of(SYSTEM_REBOOT), null,
                    "メンテナンス中、インスタンスの接続や性能に一時的な影響が出る場合があります。",
                    null,
                    step("予定日時を EC2 コンソールの「スケジュールされたイベント」で確認してください。"),
                    keyStep("影響を避けたい場合は、{before} EBS から起動したインスタンスを停止して起動し直すと、"
                            + "別のホストに移せます。")),
            row(Platform.EC2, Set.of(HARDWARE_RETIREMENT), null,
                    "期日になると、EBS から起動したインスタンスは停止され、インスタンスストアから起動したインスタンスは"
                            + "終了されます。インスタンスストアのデータは失われます。",
                    null,
                    keyStep("EBS から起動したインスタンスは、{before}停止して起動し直すと正常なハードウェアに移り、"
                            + "イベントが完了します (再起動では移りません)。",
                            "aws ec2 stop-instances --region {region} --instance-ids {resources}"),
                    keyStep("インスタンスストアのデータは、{before}バックアップしてください。"),
                    step("Auto Scaling グループに属するインスタンスは、新しいインスタンスに置き換えてください。")),

            // RDS for MySQL, PostgreSQL, MariaDB, Oracle, SQL Server, Db2
            row(Platform.RDS, Set.of(SYSTEM_REBOOT), "CERTIFICATE|証明書",
                    "新しい CA 証明書を信頼していないクライアントは、TLS 接続に失敗するようになります。"
                            + "証明書を更新するときに DB インスタンスが再起動し、その間は接続できません。",
                    "数分",
                    step("TLS で接続するクライアントが新しい CA 証明書を信頼しているか (信頼ストア、接続文字列の証明書) を、"
                            + "{before}確認・更新してください。"),
                    step("証明書の更新には再起動が伴います。業務影響の少ない時間帯に自分で適用してください。")),
            row(Platform.RDS, Set.of(OS_UPDATE), null,
                    "Single-AZ の DB インスタンスは更新中に接続できません。Multi-AZ ではスタンバイを先に更新して"
                            + "フェイルオーバーするため、停止はフェイルオーバーの間だけです。",
                    "Single-AZ 約 10 分、Multi-AZ 60〜120 秒",
                    step("業務影響の少ない時間帯を選んで、{before} RDS コンソールの「メンテナンスとバックアップ」か"
                            + " AWS CLI で自分で適用できます。",
                            "aws rds apply-pending-maintenance-action --region {region} --resource-identifier {arn}"
                                    + " --apply-action system-update --opt-in-type immediate"),
                    step("本番環境は Multi-AZ 構成にして、停止時間を短くすることを検討してください。"),
                    step("メンテナンスウィンドウが業務時間外に設定されているか確認してください。")),
            row(Platform.RDS, Set.of(SECURITY_PATCH, ENGINE_UPGRADE), null,
                    "アップグレード中はデータベースに接続できません。エンジンのバージョンが変わるため、"
                            + "アプリケーションの動作に影響する可能性があります。",
                    "数分",
                    step("業務影響の少ない時間帯を選んで、{before}自分でアップグレードしてください。"),
                    step("新しいバージョンのリリースノートで変更点を確認してください。"),
                    step("ステージング環境で先にアップグレードし、アプリケーションの動作を確認してください。")),
            row(Platform.RDS, Set.of(SYSTEM_REBOOT), null,
                    "メンテナンス中に DB インスタンスが再起動され、その間は接続できません。"
                            + "Multi-AZ 構成ではフェイルオーバーにより影響を短くできます。",
                    "数分",
                    step("メンテナンスウィンドウが業務影響の少ない時間帯か確認してください。"),
                    step("保留中のメンテナンスは、{before}自分で適用することもできます。",
                            "aws rds describe-pending-maintenance-actions --region {region}"),
                    step("本番環境は Multi-AZ 構成にして、停止時間を短くすることを検討してください。")),
            row(Platform.RDS, Set.of(END_OF_SUPPORT), null,
                    "標準サポートが終わると、RDS 延長サポート (有料) に自動で登録されます。延長サポートを無効にして作成した "
                            + "DB インスタンスは、サポート中のバージョンへ自動でアップグレードされ、その間は接続できません。",
                    null,
                    step("サポート中のバージョンへのアップグレードを計画し、{before}実施してください。"),
                    step("メジャーバージョンのアップグレードは互換性のない変更を含むことがあります。ブルー/グリーンデプロイや"
                            + "ステージング環境で先に試してください。"),
                    step("延長サポートに登録された場合の料金 (vCPU 時間あたり) を確認してください。")),

            // Aurora
            row(Platform.AURORA, Set.of(SYSTEM_REBOOT), "CERTIFICATE|証明書",
                    "新しい CA 証明書を信頼していないクライアントは、TLS 接続に失敗するようになります。"
                            + "証明書を更新するときに DB インスタンスが再起動します。",
                    "20〜30 秒程度",
                    step("TLS で接続するクライアントが新しい CA 証明書を信頼しているか (信頼ストア、接続文字列の証明書) を、"
                            + "{before}確認・更新してください。"),
                    step("証明書の更新には再起動が伴います。業務影響の少ない時間帯に自分で適用してください。")),
            row(Platform.AURORA, Set.of(OS_UPDATE, SYSTEM_REBOOT), null,
                    "Aurora は DB インスタンスごとに再起動して更新します。ライターの再起動中は接続できません。",
                    "20〜30 秒程度",
                    step("業務影響の少ない時間帯を選んで、{before}自分で適用できます。リーダーインスタンスを先に、ライターインスタンスを最後に更新してください。",
                            "aws rds apply-pending-maintenance-action --region {region} --resource-identifier {arn}"
                                    + " --apply-action {action} --opt-in-type immediate"),
                    step("アプリケーションが接続の切断から自動で再接続できるか (クラスターエンドポイントの利用、再試行) を"
                            + "確認してください。")),
            row(Platform.AURORA, Set.of(SECURITY_PATCH, ENGINE_UPGRADE), null,
                    "マイナーバージョンのアップグレードでは、DB クラスターのすべての DB インスタンスが同時にアップグレードされ、"
                            + "その間は接続できません。エンジンのバージョンが変わるため、アプリケーションの動作に影響する可能性があります。",
                    "数分",
                    step("{before}、業務影響の少ない時間帯に DB クラスターを変更して新しいエンジンバージョンにし、"
                            + "自分でアップグレードしてください。"),
                    step("新しいバージョンのリリースノートで変更点を確認してください。"),
                    step("クラスターのクローンやステージング環境で先にアップグレードし、アプリケーションの動作を確認してください。")),
            row(Platform.AURORA, Set.of(END_OF_SUPPORT), null,
                    "標準サポートが終わると、RDS 延長サポート (有料) に自動で登録されます。延長サポートを無効にして作成した "
                            + "DB クラスターは、サポート中のバージョンへ自動でアップグレードされ、その間は接続できません。",
                    null,
                    step("サポート中のバージョンへのアップグレードを計画し、{before}実施してください。"),
                    step("メジャーバージョンのアップグレードは互換性のない変更を含むことがあります。ブルー/グリーンデプロイや"
                            + "クラスターのクローンで先に試してください。"),
                    step("延長サポートに登録された場合の料金 (vCPU 時間あたり) を確認してください。")),
            row(Platform.AURORA_SERVERLESS, PATCHES, null,
                    "Aurora Serverless v2 の DB インスタンスは、更新のときに再起動し、その間は接続できません。",
                    "数十秒程度",
                    step("業務影響の少ない時間帯を選んで、{before}自分で適用できます。",
                            "aws rds apply-pending-maintenance-action --region {region} --resource-identifier {arn}"
                                    + " --apply-action {action} --opt-in-type immediate"),
                    step("アプリケーションが接続の切断から自動で再接続できるか確認してください。")),

            // Other managed databases and caches with a maintenance window
            row(Platform.DOCUMENTDB, PATCHES, null,
                    "メンテナンス中、DB クラスターのインスタンスが再起動され、その間は接続できません。",
                    "数分",
                    step("業務影響の少ない時間帯を選んで、{before}自分で適用できます。",
                            "aws docdb apply-pending-maintenance-action --region {region} --resource-identifier {arn}"
                                    + " --apply-action {action} --opt-in-type immediate"),
                    step("メンテナンスウィンドウが業務影響の少ない時間帯か確認してください。")),
            row(Platform.NEPTUNE, PATCHES, null,
                    "メンテナンス中、DB クラスターのインスタンスが再起動され、その間は接続できません。",
                    "数分",
                    step("業務影響の少ない時間帯を選んで、{before}自分で適用できます。",
                            "aws neptune apply-pending-maintenance-action --region {region} --resource-identifier {arn}"
                                    + " --apply-action {action} --opt-in-type immediate"),
                    step("メンテナンスウィンドウが業務影響の少ない時間帯か確認してください。")),
            row(Platform.ELASTICACHE, PATCHES, null,
                    "サービスアップデートはノードを順に更新します。レプリカのあるクラスターではレプリカを先に更新して"
                            + "フェイルオーバーするため、短時間の切断が起きます。レプリカのないノードは更新中に利用できません。",
                    null,
                    step("ElastiCache コンソールの「サービスの更新」で、推奨適用日と対象のクラスターを確認してください。",
                            "aws elasticache describe-update-actions --region {region} --service-update-status available"),
                    step("業務影響の少ない時間帯を選んで、{before}自分で適用してください。",
                            "aws elasticache batch-apply-update-action --region {region}"
                                    + " --service-update-name <サービスアップデート名> --replication-group-ids {resource}"),
                    step("クライアントが再接続・再試行するように設定されているか確認してください。")),
            row(Platform.REDSHIFT, PATCHES, null,
                    "メンテナンス中、クラスターは再起動され、その間はクエリを実行できません。",
                    null,
                    step("メンテナンスウィンドウが業務影響の少ない時間帯か確認してください。必要なら、メンテナンスを延期できます。",
                            "aws redshift describe-clusters --region {region} --cluster-identifier {resource}")),

            // Services that AWS patches by itself, one piece at a time
            row(Platform.MSK, PATCHES, null,
                    "AWS がブローカーを 1 台ずつ更新します。更新中のブローカーは一時的に利用できず、その間クライアントは"
                            + "ほかのブローカーに接続し直します。",
                    "ブローカーごとに数分",
                    step("MSK が実施するため、自分で適用する操作はありません。"),
                    step("トピックのレプリケーション係数が 3 (2 AZ 構成では 2) 以上で、min.insync.replicas が"
                            + "レプリケーション係数より小さいことを確認してください。"),
                    step("プロデューサーとコンシューマーが再試行するように設定されているか (retries など) 確認してください。")),
            row(Platform.FARGATE, PATCHES, null,
                    "期日以降、古いプラットフォームで動いているタスクは停止されます。サービスに属するタスクは新しいタスクに"
                            + "置き換えられますが、サービスに属さないタスクは自動では起動し直されません。",
                    null,
                    step("{before}サービスを自分で再デプロイし、タスクを新しいプラットフォームに入れ替えてください。",
                            "aws ecs update-service --region {region} --cluster <クラスター名> --service <サービス名>"
                                    + " --force-new-deployment"),
                    step("サービスに属さないタスク (スタンドアロンのタスク) は、{before}自分で起動し直してください。"),
                    step("タスクが停止しても処理が失われないよう、アプリケーションが SIGTERM を受けて正常に終了できるか"
                            + "確認してください。")),
            row(Platform.OPENSEARCH, PATCHES, null,
                    "サービスソフトウェアの更新はブルー/グリーンデプロイで行われるため、通常は停止しませんが、"
                            + "更新中は性能が落ちることがあります。",
                    null,
                    step("業務影響の少ない時間帯を選んで、{before}自分で更新を始めてください。",
                            "aws opensearch start-service-software-update --region {region} --domain-name {resource}"),
                    step("オフピーク時間帯を設定しておくと、AWS による自動更新はその時間帯に行われます。")),

            // Versions reaching the end of their support
            row(Platform.LAMBDA, Set.of(END_OF_SUPPORT), null,
                    "サポート終了後、そのランタイムにはセキュリティパッチが提供されなくなります。その後の段階で、"
                            + "そのランタイムの関数の作成、次いで更新ができなくなります。動いている関数の呼び出しは続きます。",
                    null,
                    step("対象のランタイムを使う関数を、リージョンごとに洗い出してください。",
                            "aws lambda list-functions --region {region} --function-version ALL"
                                    + " --query \"Functions[].[FunctionName,Runtime]\" --output text"),
                    step("関数ごとに、サポート中のランタイムへ更新してテストしてください。",
                            "aws lambda update-function-configuration --region {region} --function-name <関数名>"
                                    + " --runtime <新しいランタイム>"),
                    step("CloudFormation、SAM、Terraform などで管理している関数は、テンプレートのランタイムも更新してください。")),
            row(Platform.EKS, Set.of(END_OF_SUPPORT), null,
                    "標準サポートが終わると、クラスターは延長サポート (有料) に入ります。アップグレードポリシーが標準の"
                            + "クラスターは、サポート中のバージョンへ自動でアップグレードされます。",
                    null,
                    step("EKS コンソールのアップグレードインサイトで、非推奨の API の利用がないか確認してください。"),
                    step("{before}コントロールプレーンを次のバージョンにアップグレードしてください (1 つずつ上げます)。",
                            "aws eks update-cluster-version --region {region} --name {resource}"
                                    + " --kubernetes-version <次のバージョン>"),
                    step("ノードグループとアドオンも、コントロールプレーンに合わせて更新してください。")),

            // Every other service
            row(Platform.ANY, Set.of(SECURITY_PATCH, ENGINE_UPGRADE), null,
                    "適用中は、ノードやタスクの再起動・入れ替えにより一時的に影響が出る場合があります。",
                    null,
                    step("業務影響の少ない時間帯を選んで、{before}サービスのコンソールから自分で適用してください。"),
                    step("ステージング環境で先に適用し、アプリケーションの動作を確認してください。")),
            row(Platform.ANY, Set.of(OS_UPDATE), null,
                    "更新中は、一時的にサービスが利用できなくなる場合があります。",
                    null,
                    step("業務影響の少ない時間帯を選んで、{before}サービスのコンソールから更新を適用してください。")),
            row(Platform.ANY, Set.of(SYSTEM_REBOOT), null,
                    "メンテナンス中、サービスが一時的に利用できなくなる場合があります。",
                    null,
                    step("メンテナンスの日時が業務影響の少ない時間帯か確認してください。"),
                    step("必要なら、{before}自分で適用できるか、サービスのコンソールで確認してください。")),
            row(Platform.ANY, Set.of(END_OF_SUPPORT), null,
                    "サポートが終わると、セキュリティ修正が提供されなくなり、作成や更新ができなくなる場合があります。",
                    null,
                    step("サポート中のバージョンへの移行を計画し、{before}実施してください。"),
                    step("ステージング環境で先に移行し、アプリケーションの動作を確認してください。")),
            row(Platform.ANY, Set.of(HARDWARE_RETIREMENT), null,
                    "期日になると、対象のリソースは停止または終了されます。",
                    null,
                    step("{before}新しいリソースへの置き換え、またはデータのバックアップを済ませてください。")),
            row(Platform.ANY, Set.of(INFORMATION), "_ACM_|証明書",
                    "証明書の有効期限が切れると、その証明書を使う HTTPS の接続がエラーになります。",
                    null,
                    step("ACM コンソールで、証明書の更新状況と検証方法 (DNS 検証またはメール検証) を確認してください。",
                            "aws acm describe-certificate --region {region} --certificate-arn {arn}"),
                    step("DNS 検証なら、検証用の CNAME レコードが DNS に残っているか確認してください。")),
            row(Platform.ANY, Set.of(INFORMATION), "EBS_VOLUME_LOST",
                    "対象のボリュームのデータは失われています。ボリュームを使うインスタンスは、正常に動かない可能性があります。",
                    null,
                    step("最新のスナップショットから新しいボリュームを作成し、インスタンスにアタッチし直してください。",
                            "aws ec2 describe-snapshots --region {region} --filters Name=volume-id,Values={resource}"),
                    step("スナップショットがない場合は、バックアップや別の手段でデータを復元してください。")),
            row(Platform.ANY, Set.of(INFORMATION), "REDUNDANCY_LOSS|SINGLE_TUNNEL|冗長",
                    "残っている接続やトンネルにも障害が起きると、通信が止まります。",
                    null,
                    step("両方のトンネル (または接続) の状態を確認し、ダウンしている側をカスタマーゲートウェイの設定と"
                            + "ルーティングから見直してください。",
                            "aws ec2 describe-vpn-connections --region {region} --vpn-connection-ids {resource}"
                                    + " --query \"VpnConnections[].VgwTelemetry\"")),
            row(Platform.RDS, Set.of(INFORMATION), "タイムゾーン",
                    "タイムゾーンファイルは、夏時間など各地の時刻の規則を反映するものです。適用すると、日時を扱う処理の結果が"
                            + "変わることがあります。",
                    null,
                    step("日本時間 (Asia/Tokyo) だけを扱うシステムでは、通常は影響がありません。ほかのタイムゾーンの日時を"
                            + "扱う場合は、原文で対象の変更を確認してください。"),
                    step("RDS for Oracle では、オプショングループの TIMEZONE_FILE_AUTOUPGRADE オプションで適用します。")),
            row(Platform.ANY, Set.of(INFORMATION), null,
                    "影響の有無は原文を確認してください。",
                    null,
                    step("原文を確認し、対応が必要か判断してください。")),
            row(Platform.ANY, Set.of(UNCLASSIFIED), null,
                    "不明です。原文と受信した内容を確認してください。",
                    null,
                    step("原文と受信した内容を確認し、対応が必要か判断してください。")));

    /** Platforms where AWS carries the change out by itself; the owner only prepares for it. */
    private static final Set<Platform> CARRIED_OUT_BY_AWS = EnumSet.of(Platform.MSK);

    private AdviceTable() {
    }

    public static boolean carriedOutByAws(Platform platform) {
        return CARRIED_OUT_BY_AWS.contains(platform);
    }

    /** What reaches the end of its support on a platform: a runtime, a Kubernetes version, an engine version. */
    public static String supportedThing(Platform platform) {
        return switch (platform) {
            case LAMBDA -> "ランタイム";
            case EKS -> " Kubernetes バージョン";
            case RDS, AURORA, AURORA_SERVERLESS, DOCUMENTDB, NEPTUNE, ELASTICACHE, OPENSEARCH, MSK, REDSHIFT ->
                    "エンジンバージョン";
            default -> "バージョン";
        };
    }

    /** The row for a notice's platform, category and code; every category has an {@link Platform#ANY} row. */
    public static Advice find(Platform platform, Category category, String code, String title) {
        return ROWS.stream().filter(row -> row.matches(platform, category, code, title)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no advice row for " + category));
    }

    private static Advice row(Platform platform, Set<Category> categories, String mark, String impact,
            String downtime, Step... steps) {
        return new Advice(platform, categories, mark, impact, downtime, Arrays.asList(steps));
    }

    private static Step step(String text) {
        return new Step(text, null);
    }

    private static Step step(String text, String command) {
        return new Step(text, command);
    }

    /** A step that a summary of many events of the row's kind gives too (see {@link Advice#keySteps}). */
    private static Step keyStep(String text) {
        return new Step(text, null, true);
    }

    private static Step keyStep(String text, String command) {
        return new Step(text, command, true);
    }
}
