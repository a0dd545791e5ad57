package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.budget.Budget;
import dev.shirase.deliver.ConsoleChannel;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.PendingAction;
import dev.shirase.pipeline.ScanPipeline;
import dev.shirase.rds.RdsInventory;
import dev.shirase.rds.RegionScan;
import dev.shirase.testing.LambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scan's time budget against regions that never answer, not even to an interrupt (as a thread blocked in a socket
 * read may not): an inventory in memory, the digest printed. No network.
 */
// A separate thread, so that a scan that waits on a hung region fails the test instead of hanging it.
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ScanHandlerBudgetTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration INVOCATION = Duration.ofSeconds(3);
    private static final DatabaseState ORDERS = new DatabaseState("orders-db",
            "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db", false, "postgres", "16.3", false,
            MaintenanceWindow.parse("sun:18:00-sun:18:30"), List.of(new PendingAction("system-update",
                    "New Operating System update is available", Instant.parse("2026-12-01T00:00:00Z"), null, null,
                    null)));

    /** Lets the hung regions' threads end once the test is over. */
    private final CountDownLatch testOver = new CountDownLatch(1);
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @AfterEach
    void releaseHungRegions() {
        testOver.countDown();
    }

    /** Answers for {@code answering} at once; every other region hangs until the test is over, whatever happens. */
    private RdsInventory inventory(String answering) {
        return new RdsInventory() {
            @Override
            public RegionScan withPendingMaintenance(String region, Budget budget) {
                if (region.equals(answering)) {
                    return RegionScan.complete(List.of(ORDERS));
                }
                while (testOver.getCount() > 0) {
                    try {
                        testOver.await();
                    } catch (InterruptedException ignored) {
                        // Deaf to interrupts, as a blocked read can be.
                    }
                }
                throw new IllegalStateException("released when the test was over");
            }

            @Override
            public Map<String, DatabaseState> describe(String region, List<String> identifiers, Budget budget) {
                return Map.of();
            }
        };
    }

    private ScanHandler handler(RdsInventory inventory) {
        JsonLog silent = JsonLog.silent();
        ScanPipeline pipeline = new ScanPipeline(inventory,
                List.of(new ConsoleChannel(new PrintStream(console, true, StandardCharsets.UTF_8))), silent,
                new Metrics(silent, "test"));
        return new ScanHandler(pipeline, Map.of(), Clock.systemUTC());
    }

    /** Tue 2026-12-01 09:00 JST: no reminder day for orders-db, not the digest day. */
    private static byte[] scanOf(String regions) {
        return ("{\"time\": \"2026-12-01T00:00:00Z\", \"detail\": {\"regions\": \"" + regions + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRegionThatNeverAnswersIsAbandonedWhenItsShareEndsAndTheDigestOfTheOthersGoesOut() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaContext context = new LambdaContext(INVOCATION);
        long started = System.nanoTime();

        handler(inventory("ap-northeast-1")).handleRequest(
                new ByteArrayInputStream(scanOf("us-east-1,ap-northeast-1,us-west-2")), out, context);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(INVOCATION);
        JsonNode result = MAPPER.readTree(out.toByteArray());
        assertThat(result.get("pendingActions").asInt()).isEqualTo(1);
        assertThat(result.get("regionErrors").toString())
                .isEqualTo("{\"us-east-1\":\"TIME_RAN_OUT\",\"us-west-2\":\"TIME_RAN_OUT\"}");
        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("console");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("件名: 【要確認】RDS 保留中のメンテナンスを確認できないリージョンがあります (2件)")
                .contains("■ スキャンできなかったリージョン\n"
                        + "- us-east-1 (バージニア北部): 制限時間内に読み終わりませんでした。\n"
                        + "- us-west-2 (オレゴン): 制限時間内に読み終わりませんでした。\n");
    }

    @Test
    void whenNoRegionAnswersTheInvocationFailsWithinItsBudgetAndSendsNothing() {
        LambdaContext context = new LambdaContext(INVOCATION);
        long started = System.nanoTime();

        assertThatThrownBy(() -> handler(inventory("none")).handleRequest(
                new ByteArrayInputStream(scanOf("us-east-1,us-west-2")), new ByteArrayOutputStream(), context))
                .isInstanceOf(ScanHandler.ScanFailedException.class)
                .hasMessageContaining("us-east-1=TIME_RAN_OUT")
                .hasMessageContaining("us-west-2=TIME_RAN_OUT");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(INVOCATION);
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
