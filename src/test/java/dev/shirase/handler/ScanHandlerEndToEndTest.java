package dev.shirase.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.shirase.testing.RdsQueryStub.call;
import static dev.shirase.testing.RdsQueryStub.describePending;
import static dev.shirase.testing.RdsQueryStub.describePendingRequested;
import static dev.shirase.testing.RdsQueryStub.inRegion;
import static dev.shirase.testing.RdsQueryStub.throttling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.deliver.Channels;
import dev.shirase.testing.Events;
import dev.shirase.testing.LambdaContext;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoClients.Inbox;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.RdsQueryStub;
import dev.shirase.testing.RdsQueryStub.Action;
import dev.shirase.testing.RdsQueryStub.Resource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The daily scan end to end, as Lambda runs it: the scheduled event's bytes into {@link ScanHandler}, RDS through
 * WireMock (pending actions stubbed like the real Query API, DB instances and clusters passed through to moto), the
 * digest published to a moto SNS topic and read back from the SQS queue subscribed to it; then the same with regions
 * that hang or throttle, within a small time budget. Needs moto_server.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ScanHandlerEndToEndTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MotoServer MOTO = MotoServer.get();
    private static final String ORDERS_ARN = "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db";
    private static final String BILLING_ARN = "arn:aws:rds:ap-northeast-1:123456789012:cluster:billing-cluster";
    private static final String APPLY_ORDERS_OS_UPDATE = "aws rds apply-pending-maintenance-action --region ap-northeast-1"
            + " --resource-identifier " + ORDERS_ARN + " --apply-action system-update --opt-in-type immediate";
    /** Far from the event's time: the handler must take "today" from the event, not from the clock. */
    private static final Clock ELSEWHERE_IN_TIME = Clock.fixed(Instant.parse("2031-06-17T12:00:00Z"), ZoneOffset.UTC);
    /** What Lambda gives the fault tests: a few seconds, so that the suite stays fast. */
    private static final Duration SHORT_INVOCATION = Duration.ofSeconds(4);
    /** Longer than a test may take. */
    private static final int NEVER_MILLIS = 60_000;
    private static final List<String> HANGING = List.of("us-east-1", "eu-west-1", "us-west-2");

    private static RdsQueryStub rds;
    private final MotoClients clients = new MotoClients(MOTO);
    private Inbox inbox;

    @BeforeAll
    static void startStub() {
        rds = RdsQueryStub.start(MOTO);
    }

    @AfterAll
    static void stopStub() {
        rds.close();
    }

    /**
     * orders-db: window sun:18:00-sun:18:30 UTC, i.e. Monday 03:00-03:30 JST. Its OS update may be applied after
     * Tue 2026-12-01 00:00 UTC, so RDS applies it in the first window after that: Sun 2026-12-06 18:00 UTC =
     * Mon 2026-12-07 03:00 JST, exactly 7 days after the scheduled scan (Mon 2026-11-30 09:00 JST). The forced date
     * comes later, so the window is the moment. billing-cluster: an engine upgrade with no date, optional.
     */
    @BeforeEach
    void accountWithPendingMaintenance() {
        MOTO.reset();
        rds.reset();
        inbox = clients.topicWithQueue("shirase-scan");
        clients.postgres(MotoServer.REGION, "orders-db");
        try (RdsClient direct = clients.rds()) {
            direct.createDBCluster(r -> r.dbClusterIdentifier("billing-cluster").engine("aurora-postgresql")
                    .engineVersion("15.4").masterUsername("shirase").masterUserPassword("not-a-secret-1")
                    .preferredMaintenanceWindow("sun:19:00-sun:19:30"));
        }
        rds.pendingActions(
                Resource.of(ORDERS_ARN, new Action("system-update", Instant.parse("2026-12-01T00:00:00Z"),
                        Instant.parse("2027-01-31T00:00:00Z"), null, null, "New Operating System update is available")),
                Resource.of(BILLING_ARN, new Action("db-upgrade", null, null, null, null,
                        "Upgrade to Aurora PostgreSQL 15.8")));
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(MOTO.awsEnvironment());
        env.put("AWS_ENDPOINT_URL_RDS", rds.endpoint());
        env.put(Channels.TOPIC_ARN, inbox.topicArn());
        return env;
    }

    private static JsonNode invoke(Map<String, String> env, byte[] event) throws Exception {
        return invoke(env, event, new LambdaContext()).result();
    }

    /** The handler's result, and how long it took. */
    private record Invocation(JsonNode result, Duration took) {
    }

    private static Invocation invoke(Map<String, String> env, byte[] event, LambdaContext context) throws Exception {
        ScanHandler handler = new ScanHandler(env, ELSEWHERE_IN_TIME);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long started = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Invocation(MAPPER.readTree(out.toByteArray()), took);
    }

    private static byte[] scheduleAt(String time) throws Exception {
        return scheduleAt(time, "ap-northeast-1");
    }

    /** The scheduled event at {@code time}, scanning {@code regions}. */
    private static byte[] scheduleAt(String time, String regions) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Events.sample("scan/scheduled-scan.json"));
        event.put("time", time);
        ((ObjectNode) event.get("detail")).put("regions", regions);
        return MAPPER.writeValueAsBytes(event);
    }

    /** The text from one "■ heading" to the next. */
    private static String section(String body, String headingStart) {
        int start = body.indexOf("■ " + headingStart);
        assertThat(start).as("section %s in%n%s", headingStart, body).isNotNegative();
        int end = body.indexOf("\n■ ", start + 1);
        return end < 0 ? body.substring(start) : body.substring(start, end);
    }

    @Test
    void onTheDigestDayTheReminderAndTheWeeklyDigestReachTheTopicInJapanese() throws Exception {
        JsonNode result = invoke(env(), Events.sample("scan/scheduled-scan.json"));

        assertThat(result.get("now").asText()).isEqualTo("2026-11-30T00:00:00Z");
        assertThat(result.get("pendingActions").asInt()).isEqualTo(2);
        assertThat(result.get("regionErrors").isEmpty()).isTrue();
        assertThat(result.get("digestSent").asBoolean()).isTrue();
        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");

        List<JsonNode> received = clients.notifications(inbox.queueUrl());
        assertThat(received).hasSize(1);
        String subject = received.get(0).get("Subject").asText();
        String body = received.get(0).get("Message").asText();
        assertThat(subject)
                .isEqualTo(result.get("subject").asText())
                .startsWith("【要対応・必須】")
                .contains("orders-db")
                .contains("12/7(月) 03:00 (あと 7 日)")
                .doesNotContain("billing-cluster");
        assertThat(body)
                .startsWith("■ 概要\n")
                .contains("2026年12月7日(月) 03:00 JST (あと 7 日)")
                .contains("週次まとめ: 保留中のメンテナンスは全 2件 (必須 1件、任意 1件)");
        assertThat(section(body, "期限が近い必須のメンテナンス (1件)"))
                .contains("- [必須] orders-db: OS アップデート / ap-northeast-1 (東京) / アカウント 123456789012")
                .contains("適用予定: 2026年12月7日(月) 03:00 JST、メンテナンスウィンドウの開始時に自動適用 (あと 7 日)")
                .contains("メンテナンスウィンドウ 月曜 03:00〜03:30 JST")
                .contains("postgres 16.3")
                .contains("Single-AZ")
                .contains("内容 (原文): New Operating System update is available")
                .contains("自分で適用: " + APPLY_ORDERS_OS_UPDATE)
                .doesNotContain("billing-cluster");
        assertThat(section(body, "必須: AWS が期日に自動で適用 (1件)")).contains("orders-db");
        assertThat(section(body, "任意: 自動では適用されない (1件)"))
                .contains("billing-cluster")
                .contains("aurora-postgresql 15.4")
                .contains("メンテナンスウィンドウ 月曜 04:00〜04:30 JST")
                .contains("適用予定: なし (自動では適用されません)")
                .contains("aws rds apply-pending-maintenance-action --region ap-northeast-1 --resource-identifier "
                        + BILLING_ARN + " --apply-action db-upgrade --opt-in-type immediate")
                .doesNotContain("orders-db");
    }

    @Test
    void onAnOrdinaryDayWithNothingAReminderDayAwayNothingIsSent() throws Exception {
        // Tue 2026-12-01 09:00 JST: orders-db is 6 days away, and Tuesday is not the digest day.
        JsonNode result = invoke(env(), scheduleAt("2026-12-01T00:00:00Z"));

        assertThat(result.get("now").asText()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(result.get("pendingActions").asInt()).isEqualTo(2);
        assertThat(result.get("regionErrors").isEmpty()).isTrue();
        assertThat(result.get("digestSent").asBoolean()).isFalse();
        assertThat(result.get("subject").isNull()).isTrue();
        assertThat(result.get("delivered").isEmpty()).isTrue();
        assertThat(clients.notifications(inbox.queueUrl())).isEmpty();
        rds.server().verify(1, describePendingRequested());
    }

    @Test
    void whenNoRegionCanBeScannedTheInvocationFailsAndNothingIsSent() {
        rds.server().stubFor(describePending().atPriority(1).willReturn(RdsQueryStub.accessDenied()));

        assertThatThrownBy(() -> invoke(env(), Events.sample("scan/scheduled-scan.json")))
                .isInstanceOf(ScanHandler.ScanFailedException.class)
                .hasMessageContaining("ap-northeast-1")
                .hasMessageContaining("not authorized to perform: rds:DescribePendingMaintenanceActions");
        assertThat(clients.notifications(inbox.queueUrl())).isEmpty();
    }

    // ---- faults: a few seconds to run, as a small Lambda timeout would give --------------------------------------

    @Test
    void threeRegionsThatNeverAnswerDoNotHoldBackTheDigestOfTheFourth() throws Exception {
        // Each region's requests are told apart by the SigV4 credential scope; to the scan, these never answer.
        HANGING.forEach(region -> rds.server().stubFor(inRegion(describePending(), region).atPriority(1)
                .willReturn(aResponse().withFixedDelay(NEVER_MILLIS))));

        Invocation invocation = invoke(env(), scheduleAt("2026-11-30T00:00:00Z",
                "ap-northeast-1,us-east-1,eu-west-1,us-west-2"), new LambdaContext(SHORT_INVOCATION));

        assertThat(invocation.took()).isLessThan(SHORT_INVOCATION);
        JsonNode result = invocation.result();
        assertThat(result.get("pendingActions").asInt()).isEqualTo(2);
        assertThat(result.get("regionErrors").toString())
                .isEqualTo("{\"us-east-1\":\"TIME_RAN_OUT\",\"eu-west-1\":\"TIME_RAN_OUT\",\"us-west-2\":\"TIME_RAN_OUT\"}");
        assertThat(result.get("digestSent").asBoolean()).isTrue();
        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");

        List<JsonNode> received = clients.notifications(inbox.queueUrl());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("Subject").asText())
                .isEqualTo("【要対応・必須】RDS 必須メンテナンスのリマインド orders-db 12/7(月) 03:00 (あと 7 日)");
        String body = received.get(0).get("Message").asText();
        assertThat(body).contains("3件のリージョンをスキャンできませんでした。");
        assertThat(section(body, "期限が近い必須のメンテナンス (1件)"))
                .contains("- [必須] orders-db: OS アップデート / ap-northeast-1 (東京) / アカウント 123456789012")
                .contains("メンテナンスウィンドウ 月曜 03:00〜03:30 JST");
        assertThat(section(body, "任意: 自動では適用されない (1件)")).contains("billing-cluster");
        assertThat(section(body, "スキャンできなかったリージョン")).startsWith("■ スキャンできなかったリージョン\n"
                + "- us-east-1 (バージニア北部): 制限時間内に読み終わりませんでした。\n"
                + "- eu-west-1 (アイルランド): 制限時間内に読み終わりませんでした。\n"
                + "- us-west-2 (オレゴン): 制限時間内に読み終わりませんでした。\n"
                + "これらのリージョンの保留中のメンテナンスは、この通知に含まれていません。");
        assertThat(body).doesNotContain("DB の詳細を読めなかった");
    }

    @Test
    void whenDescribeDbInstancesKeepsThrottlingTheActionsAreStillListedNamedFromTheirArns() throws Exception {
        rds.server().stubFor(call("DescribeDBInstances").willReturn(throttling()));

        // Wed 2026-11-25 09:00 JST: no reminder day, not the digest day; only the missing details make the scan speak.
        Invocation invocation = invoke(env(), scheduleAt("2026-11-25T00:00:00Z"), new LambdaContext(SHORT_INVOCATION));

        assertThat(invocation.took()).isLessThan(SHORT_INVOCATION);
        JsonNode result = invocation.result();
        assertThat(result.get("pendingActions").asInt()).isEqualTo(2);
        assertThat(result.get("regionErrors").isEmpty()).isTrue();
        assertThat(result.get("detailsUnread").has("ap-northeast-1")).isTrue();
        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");

        List<JsonNode> received = clients.notifications(inbox.queueUrl());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("Subject").asText())
                .isEqualTo("【要確認】RDS 保留中のメンテナンス 必須1件・任意1件 (DB の詳細を読めなかったリージョン 1件)");
        String body = received.get(0).get("Message").asText();
        assertThat(section(body, "DB の詳細を読めなかったリージョンの保留中のメンテナンス (2件)"))
                .contains("- [必須] orders-db: OS アップデート / ap-northeast-1 (東京) / アカウント 123456789012")
                .contains("自動適用開始日 2026年12月1日(火) 09:00 JST")
                .contains("- [任意] billing-cluster: エンジンバージョンのアップグレード / ap-northeast-1 (東京) / アカウント 123456789012")
                .contains("メンテナンスウィンドウ不明")
                // Nothing DescribeDBInstances/DescribeDBClusters would have said.
                .doesNotContain("postgres 16.3")
                .doesNotContain("aurora-postgresql 15.4")
                .doesNotContain("Single-AZ");
        assertThat(section(body, "DB の詳細を読めなかったリージョン\n"))
                .startsWith("■ DB の詳細を読めなかったリージョン\n- ap-northeast-1 (東京): ")
                .contains("詳細を読めなかった DB は、名前を ARN から取っています。")
                .contains("適用予定とリマインドは自動適用開始日を基準にしています");
        assertThat(body).doesNotContain("スキャンできなかったリージョン");
    }
}
