package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.budget.Budget;
import dev.shirase.classify.Classifier;
import dev.shirase.deliver.ConsoleChannel;
import dev.shirase.deliver.Dispatch;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.notice.PendingAction;
import dev.shirase.pipeline.Enricher;
import dev.shirase.pipeline.NoticePipeline;
import dev.shirase.pipeline.Outcome;
import dev.shirase.pipeline.ScanPipeline;
import dev.shirase.rds.RdsInventory;
import dev.shirase.rds.RegionScan;
import dev.shirase.render.RenderedNotice;
import dev.shirase.scan.RegionGap;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import dev.shirase.testing.LambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What each function returns from an invocation, to the byte. The expected results were taken from the handlers when
 * they built a Jackson tree of the result.
 */
class HandlerResultTest {
    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private static Notice notice(String sample) {
        return new Classifier().classify(new EventReader().read(Events.sample(sample)));
    }

    private static String summary(Outcome outcome) throws Exception {
        return new String(NotifyHandler.summary(outcome), StandardCharsets.UTF_8);
    }

    @Test
    void aNoticeDeliveredToSomeChannelsAndNotToOthers() throws Exception {
        Notice notice = notice("health-rds-end-of-standard-support.json");
        Outcome outcome = new Outcome(notice, RenderedNotice.of(notice, NOW), new Dispatch(List.of("sns", "ses"),
                Map.of("https \"q\"", "no answer within the time budget"), Map.of("sns", "IllegalStateException: x")),
                null, null, false);

        assertThat(summary(outcome)).isEqualTo("{\"eventId\":\"004498f4-b987-47c1-8c9c-26a813678d7a\","
                + "\"code\":\"AWS_RDS_PLANNED_LIFECYCLE_EVENT\",\"category\":\"END_OF_SUPPORT\","
                + "\"obligation\":\"REQUIRED\",\"stage\":\"ANNOUNCED\",\"deadline\":\"2027-02-28T09:00+09:00\","
                + "\"subject\":\"【要対応・必須】RDS for PostgreSQL 標準サポート終了 legacy-pg14-app ほか1件 2027/2/28(日)まで\","
                + "\"filtered\":null,\"delivered\":[\"sns\",\"ses\"],"
                + "\"failures\":{\"https \\\"q\\\"\":\"no answer within the time budget\"},"
                + "\"minimalNotice\":{\"sns\":\"IllegalStateException: x\"}}");
    }

    @Test
    void aNoticeFilteredOrNotSent() throws Exception {
        Notice notice = notice("health-ec2-system-reboot-closed.json");

        assertThat(summary(new Outcome(notice, null, Dispatch.none(), "obligation INFORMATION is below the minimum",
                null, false))).isEqualTo("{\"eventId\":\"0ecaf828-e2f7-4553-8fcc-69d79561a0d1\","
                + "\"code\":\"AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED\",\"category\":\"SYSTEM_REBOOT\","
                + "\"obligation\":\"INFORMATION\",\"stage\":\"COMPLETED\",\"deadline\":null,\"subject\":null,"
                + "\"filtered\":\"obligation INFORMATION is below the minimum\",\"delivered\":[],\"failures\":{}}");
        assertThat(summary(new Outcome(notice, null, Dispatch.none(), null, "repeat of revision 1", true)))
                .isEqualTo("{\"eventId\":\"0ecaf828-e2f7-4553-8fcc-69d79561a0d1\","
                        + "\"code\":\"AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED\",\"category\":\"SYSTEM_REBOOT\","
                        + "\"obligation\":\"INFORMATION\",\"stage\":\"COMPLETED\",\"deadline\":null,\"subject\":null,"
                        + "\"filtered\":null,\"notSent\":\"repeat of revision 1\",\"delivered\":[],\"failures\":{}}");
    }

    @Test
    void noNoticeAtAll() throws Exception {
        assertThat(summary(new Outcome(null, null, Dispatch.none()))).isEqualTo("{\"eventId\":null,\"code\":null,"
                + "\"category\":null,\"obligation\":null,\"stage\":null,\"deadline\":null,\"subject\":null,"
                + "\"filtered\":null,\"delivered\":[],\"failures\":{}}");
    }

    @Test
    void theNotifierWritesItsResultToTheOutput() throws Exception {
        JsonLog silent = JsonLog.silent();
        NotifyHandler handler = new NotifyHandler(new NoticePipeline(Enricher.NONE,
                List.of(new ConsoleChannel(NOWHERE)), CLOCK, silent, new Metrics(silent, "test")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(Events.sample("health-rds-maintenance-scheduled.json")), out,
                new LambdaContext());

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"eventId\":\"f1260ebc-7d56-4b56-b714-dc919b27dbdf\",\"code\":\"AWS_RDS_MAINTENANCE_SCHEDULED\","
                        + "\"category\":\"OS_UPDATE\",\"obligation\":\"REQUIRED\","
                        + "\"stage\":\"ANNOUNCED\",\"deadline\":\"2026-12-07T09:00+09:00\","
                        + "\"subject\":\"【要対応・必須】RDS OS アップデート billing-db-01 ほか1件 12/7(月) 以降の最初のメンテナンスウィンドウ\","
                        + "\"filtered\":null,\"delivered\":[\"console\"],\"failures\":{}}");
    }

    @Test
    void theScanWritesItsResultToTheOutput() throws Exception {
        DatabaseState orders = new DatabaseState("orders-db", "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db",
                false, "postgres", "16.3", false, MaintenanceWindow.parse("sun:18:00-sun:18:30"),
                List.of(new PendingAction("system-update", "New Operating System update is available",
                        Instant.parse("2026-12-01T00:00:00Z"), null, null, null)));
        RdsInventory inventory = new RdsInventory() {
            @Override
            public RegionScan withPendingMaintenance(String region, Budget budget) {
                return switch (region) {
                    case "ap-northeast-1" -> RegionScan.complete(List.of(orders));
                    case "us-west-2" -> new RegionScan(List.of(),
                            Optional.of(RegionGap.detailsUnread(RegionGap.Cause.THROTTLED, "Rate exceeded")));
                    default -> throw new IllegalStateException("no answer from " + region + "");
                };
            }

            @Override
            public Map<String, DatabaseState> describe(String region, List<String> identifiers, Budget budget) {
                return Map.of();
            }
        };
        JsonLog silent = JsonLog.silent();
        ScanPipeline pipeline = new ScanPipeline(inventory,
                List.of(new ConsoleChannel(NOWHERE)), silent,
                new Metrics(silent, "test"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new ScanHandler(pipeline, Map.of(), CLOCK).handleRequest(new ByteArrayInputStream(
                ("{\"time\": \"2026-12-01T00:00:00Z\", \"detail\": {\"weeklyDigestDay\": \"TUESDAY\","
                        + " \"regions\": \"ap-northeast-1,us-east-1,us-west-2\"}}").getBytes(StandardCharsets.UTF_8)),
                out, new LambdaContext());

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"now\":\"2026-12-01T00:00:00Z\","
                + "\"regions\":[\"ap-northeast-1\",\"us-east-1\",\"us-west-2\"],\"pendingActions\":1,"
                + "\"regionErrors\":{\"us-east-1\":\"FAILED: no answer from us-east-1\"},"
                + "\"detailsUnread\":{\"us-west-2\":\"THROTTLED: Rate exceeded\"},\"digestSent\":true,"
                + "\"subject\":\"【要対応・必須】RDS 保留中のメンテナンス 週次まとめ 必須1件\","
                + "\"delivered\":[\"console\"],"
                + "\"openEvents\":0,\"overdue\":0,\"completions\":0}");
    }
}
