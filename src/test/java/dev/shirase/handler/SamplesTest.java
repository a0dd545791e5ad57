package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.shirase.render.RenderedNotice;
import dev.shirase.classify.Classifier;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What each sample in events/ must become: the cases the product exists for. */
class SamplesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // file                                              | category          | obligation  | deadline (JST)         | subject starts with
            "health-ec2-instance-reboot.json                     | SYSTEM_REBOOT       | REQUIRED    | 2026-12-05T00:00+09:00 | 【要対応・必須】EC2 インスタンス再起動 ",
            "health-ec2-system-reboot.json                       | SYSTEM_REBOOT       | REQUIRED    | 2026-12-09T01:00+09:00 | 【要対応・必須】EC2 システム再起動 ",
            "health-ec2-instance-retirement.json                 | HARDWARE_RETIREMENT | REQUIRED    | 2027-01-11T18:00+09:00 | 【要対応・必須】EC2 インスタンスのリタイア ",
            "health-ec2-system-reboot-closed.json                | SYSTEM_REBOOT       | INFORMATION | -                      | 【完了】EC2 システム再起動完了 ",
            "health-legacy-no-new-fields.json                    | HARDWARE_RETIREMENT | REQUIRED    | 2021-09-06T19:00+09:00 | 【要対応・必須】EC2 インスタンスの停止 ",
            "health-rds-maintenance-scheduled.json               | OS_UPDATE           | REQUIRED    | 2026-12-07T09:00+09:00 | 【要対応・必須】RDS ",
            "health-rds-aurora-postgresql-security-upgrade.json  | SECURITY_PATCH      | REQUIRED    | 2027-03-03T09:00+09:00 | 【要対応・必須】Aurora PostgreSQL セキュリティアップグレード ",
            "health-rds-oracle-os-update.json                    | OS_UPDATE           | REQUIRED    | 2027-02-15T09:00+09:00 | 【要対応・必須】RDS for Oracle OS アップデート ",
            "health-rds-end-of-standard-support.json             | END_OF_SUPPORT      | REQUIRED    | 2027-02-28T09:00+09:00 | 【要対応・必須】RDS for PostgreSQL 標準サポート終了 ",
            "health-unknown-code.json                            | INFORMATION         | INFORMATION | 2027-01-12T09:00+09:00 | 【情報】App Runner アカウント宛てのお知らせ ",
            "rds-event-0230-system-update-available.json         | OS_UPDATE           | OPTIONAL    | -                      | 【要確認】RDS OS アップデート ",
            "rds-event-0026-offline-patching-started.json        | OS_UPDATE           | INFORMATION | -                      | 【情報】RDS オフラインパッチの適用開始 ",
            "rds-event-0027-offline-patching-finished.json       | OS_UPDATE           | INFORMATION | -                      | 【完了】RDS オフラインパッチの適用完了 ",
            "rds-event-0155-minor-version-available.json         | ENGINE_UPGRADE      | OPTIONAL    | -                      | 【要確認】RDS マイナーバージョンアップグレード ",
            "rds-event-0287-cluster-os-upgrade-required.json     | OS_UPDATE           | REQUIRED    | -                      | 【要対応・必須】Aurora OS アップグレード ",
            "rds-event-0501-certificate-rotation-pending.json    | SYSTEM_REBOOT       | REQUIRED    | -                      | 【要対応・必須】RDS サーバー証明書のローテーション ",
    })
    void eachSampleBecomesTheNoticeItStandsFor(String file, String category, String obligation, String deadline,
            String subjectStart) {
        Notice notice = new Classifier().classify(new EventReader().read(Events.sample(file)));
        RenderedNotice rendered = RenderedNotice.of(notice, NOW);

        assertThat(notice.announcement().readError()).isNull();
        assertThat(notice.category().name()).isEqualTo(category);
        assertThat(notice.obligation().name()).isEqualTo(obligation);
        assertThat(notice.deadline() == null ? null : Jst.iso(notice.deadline().at())).isEqualTo(deadline);
        assertThat(rendered.subject()).startsWith(subjectStart);
    }

    /** Every sample is an EventBridge event as the Lambda runtime's own serializer reads one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.shirase.testing.Events#notifierSamples")
    void everySampleIsAnEventBridgeEvent(Path sample) {
        ScheduledEvent event = EventLoader.loadScheduledEvent(sample.toString());

        assertThat(event.getSource()).isIn("aws.health", "aws.rds");
        assertThat(event.getDetailType()).isNotBlank();
        assertThat(event.getAccount()).matches("\\d{12}");
        assertThat(event.getRegion()).isNotBlank();
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getDetail()).isNotEmpty();
    }
}
