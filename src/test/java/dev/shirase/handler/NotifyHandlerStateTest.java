package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.deliver.Channels;
import dev.shirase.log.JsonLog;
import dev.shirase.state.StateTable;
import dev.shirase.testing.Calendars;
import dev.shirase.testing.LambdaContext;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoClients.Inbox;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.SentMail;
import dev.shirase.testing.SilentServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stateful path through the Lambda handler, against moto's DynamoDB, SNS and SES: one notice per change, whatever
 * AWS repeats, and a failed channel retried alone.
 */
class NotifyHandlerStateTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SAMPLE = "health-ec2-instance-reboot.json";
    private final MotoServer moto = MotoServer.get();
    private final MotoClients clients = new MotoClients(moto);
    private Inbox inbox;
    private String table;

    @BeforeEach
    void emptyAccount() {
        moto.reset();
        inbox = clients.topicWithQueue("shirase");
        table = clients.stateTable("shirase-state");
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put(Channels.TOPIC_ARN, inbox.topicArn());
        env.put(StateTable.ENV, table);
        env.putAll(extra);
        return env;
    }

    private JsonNode invoke(ObjectNode event) throws Exception {
        return invoke(env(Map.of()), event, JsonLog.silent());
    }

    private static JsonNode invoke(Map<String, String> env, ObjectNode event, JsonLog log) throws Exception {
        NotifyHandler handler = new NotifyHandler(NotifyHandler.fromEnvironment(env, log));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(MAPPER.writeValueAsBytes(event)), out, new LambdaContext());
        return MAPPER.readTree(out.toByteArray());
    }

    private static ObjectNode sample() throws Exception {
        return (ObjectNode) MAPPER.readTree(Files.readAllBytes(Path.of("events", SAMPLE)));
    }

    private static ObjectNode detail(ObjectNode event) {
        return (ObjectNode) event.get("detail");
    }

    private static ObjectNode withDescription(ObjectNode event, String description) {
        ((ObjectNode) detail(event).withArray("eventDescription").get(0)).put("latestDescription", description);
        return event;
    }

    private static String description(ObjectNode event) {
        return detail(event).at("/eventDescription/0/latestDescription").asText();
    }

    private static ObjectNode page(ObjectNode event, int page, int total, String... instances) {
        ObjectNode copy = event.deepCopy();
        copy.put("id", "page-" + page);
        detail(copy).put("page", String.valueOf(page)).put("totalPages", String.valueOf(total));
        ArrayNode entities = detail(copy).putArray("affectedEntities");
        for (String instance : instances) {
            entities.addObject().put("entityValue", instance).put("status", "PENDING");
        }
        copy.putArray("resources");
        return copy;
    }

    private List<JsonNode> notices() {
        return clients.notifications(inbox.queueUrl());
    }

    @Test
    void theFirstDeliveryIsANoticeAndTheSameEventAgainIsNot() throws Exception {
        JsonNode first = invoke(sample());
        assertThat(first.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        assertThat(notices()).singleElement()
                .satisfies(n -> assertThat(n.get("Subject").asText()).startsWith("【要対応・必須】EC2 インスタンス再起動"));

        JsonNode again = invoke(sample());

        assertThat(again.get("notSent").asText()).startsWith("repeat");
        assertThat(again.get("delivered")).isEmpty();
        assertThat(notices()).isEmpty();
    }

    @Test
    void aBackupRegionCopyOrAChangeOfLastUpdatedTimeAloneSendsNothing() throws Exception {
        invoke(sample());
        notices();
        ObjectNode backup = sample();
        backup.put("id", "another-delivery").put("region", "us-west-2").put("time", "2026-11-20T01:00:03Z");
        detail(backup).put("backupEvent", "true");
        ObjectNode touched = sample();
        detail(touched).put("lastUpdatedTime", "Sat, 21 Nov 2026 09:00:00 GMT");
        ((ObjectNode) detail(touched).withArray("affectedEntities").get(0))
                .put("lastUpdatedTime", "Sat, 21 Nov 2026 09:00:00 GMT");

        assertThat(invoke(backup).get("notSent").asText()).startsWith("repeat");
        assertThat(invoke(touched).get("notSent").asText()).startsWith("repeat");
        assertThat(notices()).isEmpty();
    }

    @Test
    void anUpdateSaysWhatChangedFirstAndKeepsTheFirstNoticesTitle() throws Exception {
        invoke(sample());
        notices();
        ObjectNode update = sample();
        detail(update).put("statusCode", "open").put("startTime", "Mon, 7 Dec 2026 15:00:00 GMT")
                .put("endTime", "Mon, 7 Dec 2026 17:00:00 GMT");
        // Reworded as AWS does when it moves a maintenance: words that alone would read as something else.
        withDescription(update, description(sample()) + "\n\nUpdate: the maintenance was rescheduled to Monday,"
                + " December 7, 2026 at 15:00 UTC at your request.");

        JsonNode result = invoke(update);

        JsonNode notice = notices().get(0);
        assertThat(notice.get("Subject").asText()).startsWith("【更新】【要対応・必須】EC2 インスタンス再起動");
        assertThat(result.get("subject").asText()).isEqualTo(notice.get("Subject").asText());
        String text = notice.get("Message").asText();
        assertThat(text).startsWith("■ 変更点\n")
                .contains("ステータス: 予定 → 進行中")
                .contains("開始日時が変わりました: 2026年12月5日(土) 00:00 JST → 2026年12月8日(火) 00:00 JST")
                .contains("原文に次の段落が加わりました (English):\n> Update: the maintenance was rescheduled")
                .contains("■ 原文 (English)\nAmazon EC2 has to perform maintenance");
        assertThat(text.indexOf("■ 変更点")).isLessThan(text.indexOf("■ 概要"));
    }

    @Test
    void aClosedEventIsACompletionNoticeOnce() throws Exception {
        invoke(sample());
        notices();
        ObjectNode closed = sample();
        detail(closed).put("statusCode", "closed");
        ((ObjectNode) detail(closed).withArray("affectedEntities").get(0)).put("status", "RESOLVED");

        invoke(closed);
        invoke(closed);

        assertThat(notices()).singleElement().satisfies(n -> {
            assertThat(n.get("Subject").asText()).startsWith("【完了】");
            assertThat(n.get("Message").asText()).contains("ステータス: 予定 → 終了")
                    .contains("解決済みになったリソース (1件): i-0a1b2c3d4e5f67890");
        });
    }

    /** The calendar of the last mail moto's SES accepted, as a client reads it. */
    private VEvent lastCalendarEntry(String method) {
        List<SentMail> mails = SentMail.all(moto);
        SentMail.Part part = mails.get(mails.size() - 1).calendar().orElseThrow();
        assertThat(part.contentType()).contains("method=" + method);
        Calendar calendar = Calendars.parse(part.text());
        assertThat(Calendars.value(calendar, "METHOD")).isEqualTo(method);
        return Calendars.events(calendar).get(0);
    }

    @Test
    void theCalendarEntryKeepsItsUidMovesWithEachUpdateAndIsCancelledOnCompletion() throws Exception {
        try (var ses = clients.ses()) {
            ses.createEmailIdentity(i -> i.emailIdentity("alerts@example.com"));
        }
        Map<String, String> env = env(Map.of(Channels.MAIL_FROM, "alerts@example.com",
                Channels.MAIL_TO, "oncall@example.com"));

        invoke(env, sample(), JsonLog.silent());
        VEvent first = lastCalendarEntry("PUBLISH");
        ObjectNode moved = sample();
        detail(moved).put("startTime", "Mon, 7 Dec 2026 15:00:00 GMT").put("endTime", "Mon, 7 Dec 2026 17:00:00 GMT");
        invoke(env, moved, JsonLog.silent());
        VEvent update = lastCalendarEntry("PUBLISH");
        ObjectNode closed = moved.deepCopy();
        detail(closed).put("statusCode", "closed");
        ((ObjectNode) detail(closed).withArray("affectedEntities").get(0)).put("status", "RESOLVED");
        invoke(env, closed, JsonLog.silent());
        VEvent done = lastCalendarEntry("CANCEL");

        assertThat(SentMail.all(moto)).hasSize(3);
        String uid = Calendars.value(first, "UID");
        assertThat(List.of(Calendars.value(update, "UID"), Calendars.value(done, "UID"))).containsOnly(uid);
        assertThat(List.of(first, update, done)).extracting(e -> Integer.parseInt(Calendars.value(e, "SEQUENCE")))
                .containsExactly(0, 1, 2);
        assertThat(Calendars.value(first, "DTSTART")).isEqualTo("20261205T000000");
        assertThat(Calendars.value(update, "DTSTART")).isEqualTo("20261208T000000");
        assertThat(Calendars.value(update, "DTEND")).isEqualTo("20261208T020000");
        assertThat(Calendars.value(done, "STATUS")).isEqualTo("CANCELLED");
        assertThat(done.getAlarms()).isEmpty();
    }

    @Test
    void withoutTheStateTableEachNoticeCarriesItsOwnPublishUnderTheSameUidAndNothingIsCancelled() throws Exception {
        try (var ses = clients.ses()) {
            ses.createEmailIdentity(i -> i.emailIdentity("alerts@example.com"));
        }
        Map<String, String> env = new HashMap<>(env(Map.of(Channels.MAIL_FROM, "alerts@example.com",
                Channels.MAIL_TO, "oncall@example.com")));
        env.remove(StateTable.ENV);
        ObjectNode moved = sample();
        detail(moved).put("startTime", "Mon, 7 Dec 2026 15:00:00 GMT").put("endTime", "Mon, 7 Dec 2026 17:00:00 GMT");
        ObjectNode closed = moved.deepCopy();
        detail(closed).put("statusCode", "closed");

        invoke(env, sample(), JsonLog.silent());
        VEvent first = lastCalendarEntry("PUBLISH");
        invoke(env, moved, JsonLog.silent());
        VEvent second = lastCalendarEntry("PUBLISH");
        invoke(env, closed, JsonLog.silent());

        assertThat(Calendars.value(second, "UID")).isEqualTo(Calendars.value(first, "UID"));
        assertThat(Calendars.value(first, "SEQUENCE")).isEqualTo("0");
        assertThat(Calendars.value(second, "SEQUENCE")).isEqualTo("0");
        assertThat(Calendars.value(second, "DTSTART")).isEqualTo("20261208T000000");
        // Nothing remembers that the entry was sent: a closed event withdraws nothing.
        List<SentMail> mails = SentMail.all(moto);
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).calendar()).isEmpty();
    }

    @Test
    void pagesOfOneEventAreToldOnceThenTogetherWhenAllHaveArrived() throws Exception {
        ObjectNode event = sample();
        invoke(page(event, 2, 3, "i-0000000000000000c", "i-0000000000000000d"));
        assertThat(notices()).singleElement().satisfies(n -> assertThat(n.get("Message").asText())
                .contains("i-0000000000000000c").contains("3 ページに分けて届きます"));

        JsonNode kept = invoke(page(event, 1, 3, "i-0000000000000000a", "i-0000000000000000b"));
        assertThat(kept.get("notSent").asText()).startsWith("kept");
        assertThat(notices()).isEmpty();

        invoke(page(event, 3, 3, "i-0000000000000000e"));
        JsonNode whole = notices().get(0);
        assertThat(whole.get("Subject").asText()).startsWith("【更新】");
        assertThat(whole.get("Message").asText())
                .contains("全ページがそろいました")
                .contains("対象リソースの追加 (3件): i-0000000000000000a, i-0000000000000000b, i-0000000000000000e")
                .contains("■ 対象リソース: 5件")
                .doesNotContain("ページに分けて届きます");
        for (String id : List.of("a", "b", "c", "d", "e")) {
            assertThat(whole.get("Message").asText()).contains("- i-0000000000000000" + id);
        }

        invoke(page(event, 1, 3, "i-0000000000000000a", "i-0000000000000000b"));
        assertThat(notices()).isEmpty();
    }

    @Test
    void twoConcurrentDeliveriesOfOneEventSendExactlyOneNotice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                ObjectNode event = sample();
                detail(event).put("eventArn", detail(event).get("eventArn").asText() + "-" + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<JsonNode>> results = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return invoke(event);
                    }));
                }
                start.countDown();
                int sent = 0;
                for (Future<JsonNode> result : results) {
                    sent += result.get().get("delivered").size();
                }
                assertThat(sent).as("round %d", round).isEqualTo(1);
                assertThat(notices()).as("round %d", round).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterAFailedChannelTheRetrySendsToThatChannelAlone() throws Exception {
        Map<String, String> env = env(Map.of(Channels.MAIL_FROM, "alerts@example.com",
                Channels.MAIL_TO, "oncall@example.com"));
        // The sender is not verified yet: SES rejects, SNS takes the notice, and the invocation fails for a retry.
        assertThatThrownBy(() -> invoke(env, sample(), JsonLog.silent()))
                .isInstanceOf(NotifyHandler.NoticeNotDeliveredException.class)
                .hasMessageContaining("ses");
        assertThat(notices()).hasSize(1);
        try (var ses = clients.ses()) {
            ses.createEmailIdentity(i -> i.emailIdentity("alerts@example.com"));
        }

        JsonNode retry = invoke(env, sample(), JsonLog.silent());

        assertThat(retry.get("delivered")).extracting(JsonNode::asText).containsExactly("ses");
        assertThat(notices()).isEmpty();
        assertThat(SentMail.all(moto)).hasSize(1);
        assertThat(invoke(env, sample(), JsonLog.silent()).get("notSent").asText()).contains("ses, sns");
    }

    @Test
    void whenTheTableCannotBeReachedTheNoticeIsSentAndCounted() throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        JsonLog log = new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), Clock.systemUTC());
        try (SilentServer hanging = SilentServer.start()) {
            Map<String, String> env = env(Map.of("AWS_ENDPOINT_URL_DYNAMODB", hanging.endpoint().toString()));

            JsonNode result = invoke(env, sample(), log);

            assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        }
        assertThat(notices()).hasSize(1);
        String lines = logged.toString(StandardCharsets.UTF_8);
        assertThat(lines).contains("state table unavailable").contains("\"StateUnavailable\":1");
    }

    @Test
    void aTableThatDoesNotExistIsUnavailableTooAndTheNoticeStillGoesOut() throws Exception {
        JsonNode result = invoke(env(Map.of(StateTable.ENV, "no-such-table")), sample(), JsonLog.silent());

        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        assertThat(notices()).hasSize(1);
    }
}
