package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.account.AccountNames;
import dev.shirase.account.AccountTopics;
import dev.shirase.deliver.Channels;
import dev.shirase.ec2.ScheduledEvent;
import dev.shirase.log.JsonLog;
import dev.shirase.state.StateTable;
import dev.shirase.testing.Calendars;
import dev.shirase.testing.Ec2QueryStub;
import dev.shirase.testing.Events;
import dev.shirase.testing.LambdaContext;
import dev.shirase.testing.MotoClients.Inbox;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.TranslateJsonStub;
import dev.shirase.translate.Glossary;
import dev.shirase.testing.RdsQueryStub.Action;
import dev.shirase.testing.RdsQueryStub.Resource;
import dev.shirase.testing.RdsQueryStub;
import dev.shirase.testing.SentMail;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The daily scan with the state table: AWS Health events the notifier told are reminded of on the reminder days,
 * reported once when their date passes with no sign of completion, and RDS pending actions that disappear are told
 * as done. moto for DynamoDB, RDS and SNS; RDS pending actions through the WireMock stub of the Query API.
 */
class ScanHandlerStateTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MotoServer MOTO = MotoServer.get();
    private static final String ORDERS_ARN = "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db";
    private static final String INSTANCE = "i-0a1b2c3d4e5f67890";
    private static RdsQueryStub rds;
    /** EC2 as it answers while the reboot is still scheduled; the test that needs EC2 to say otherwise uses moto. */
    private static Ec2QueryStub ec2;
    private final MotoClients clients = new MotoClients(MOTO);
    private Inbox inbox;
    private String table;

    @BeforeAll
    static void startStubs() {
        rds = RdsQueryStub.start(MOTO);
        ec2 = Ec2QueryStub.start();
        ec2.server().stubFor(Ec2QueryStub.describeStatus().willReturn(Ec2QueryStub.page(null,
                Ec2QueryStub.Instance.of(INSTANCE, "running", new ScheduledEvent("system-reboot",
                        "The instance is scheduled for a reboot", Instant.parse("2026-12-04T15:00:00Z"),
                        Instant.parse("2026-12-04T17:00:00Z"), Instant.parse("2026-12-11T00:00:00Z"),
                        "instance-event-0abc")))));
    }

    private static MotoServer mailServer;

    private static synchronized MotoServer mailServer() {
        if (mailServer == null) {
            mailServer = MotoServer.separate();
        }
        return mailServer;
    }

    @AfterAll
    static void stopStubs() {
        rds.close();
        ec2.close();
    }

    /** orders-db has a required OS update, applied in its window of Mon 2026-12-07 03:00 JST. */
    @BeforeEach
    void account() {
        MOTO.reset();
        rds.reset();
        inbox = clients.topicWithQueue("shirase");
        table = clients.stateTable("shirase-state");
        clients.postgres(MotoServer.REGION, "orders-db");
        rds.pendingActions(Resource.of(ORDERS_ARN, new Action("system-update", Instant.parse("2026-12-01T00:00:00Z"),
                null, null, null, "New Operating System update is available")));
    }

    private Map<String, String> env() {
        return env(Map.of());
    }

    /** The stack's environment, every AWS service in moto but RDS's pending actions and EC2's instance events. */
    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(MOTO.awsEnvironment());
        env.put("AWS_ENDPOINT_URL_RDS", rds.endpoint());
        env.put("AWS_ENDPOINT_URL_EC2", ec2.endpoint());
        env.put(Channels.TOPIC_ARN, inbox.topicArn());
        env.put(StateTable.ENV, table);
        env.putAll(extra);
        return env;
    }

    /** The scan scheduled at {@code time}; the digest day is Monday. */
    private JsonNode scanAt(String time) throws Exception {
        return scanAt(time, env());
    }

    private JsonNode scanAt(String time, Map<String, String> env) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Events.sample("scan/scheduled-scan.json"));
        event.put("time", time);
        ScanHandler handler = new ScanHandler(ScanHandler.pipeline(env, JsonLog.silent()), env,
                Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(MAPPER.writeValueAsBytes(event)), out, new LambdaContext());
        return MAPPER.readTree(out.toByteArray());
    }

    /** The scheduled EC2 reboot (Sat 2026-12-05 00:00 JST), told by the notifier. */
    private void rebootNotified(String status) throws Exception {
        rebootNotified(status, INSTANCE);
    }

    private void rebootNotified(String status, String instance) throws Exception {
        rebootNotified(status, instance, env());
    }

    private void rebootNotified(String status, String instance, Map<String, String> env) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Events.sample("health-ec2-instance-reboot.json"));
        ((ObjectNode) event.get("detail")).put("statusCode", status);
        ((ObjectNode) event.get("detail").get("affectedEntities").get(0)).put("entityValue", instance);
        event.putArray("resources").add(instance);
        NotifyHandler notify = new NotifyHandler(NotifyHandler.fromEnvironment(env, JsonLog.silent()));
        notify.handleRequest(new ByteArrayInputStream(MAPPER.writeValueAsBytes(event)), new ByteArrayOutputStream(),
                new LambdaContext());
    }

    private List<JsonNode> received() {
        return clients.notifications(inbox.queueUrl());
    }

    @Test
    void anOpenHealthEventIsRemindedOfOnAReminderDayAndNotOnOthers() throws Exception {
        rebootNotified("upcoming");
        received();

        JsonNode sixDaysBefore = scanAt("2026-11-29T00:00:00Z");
        assertThat(sixDaysBefore.get("openEvents").asInt()).isEqualTo(1);
        assertThat(sixDaysBefore.get("digestSent").asBoolean()).isFalse();
        assertThat(received()).isEmpty();

        JsonNode sevenDaysBefore = scanAt("2026-11-28T00:00:00Z");

        assertThat(sevenDaysBefore.get("digestSent").asBoolean()).isTrue();
        assertThat(received()).singleElement().satisfies(digest -> assertThat(digest.get("Message").asText())
                .contains(INSTANCE).contains("インスタンス再起動"));
    }

    @Test
    void theWeeklyDigestListsOpenHealthEventsBesideThePendingActions() throws Exception {
        rebootNotified("upcoming");
        received();

        JsonNode monday = scanAt("2026-11-30T00:00:00Z");

        assertThat(monday.get("pendingActions").asInt()).isEqualTo(1);
        assertThat(monday.get("openEvents").asInt()).isEqualTo(1);
        assertThat(received()).singleElement().satisfies(digest -> assertThat(digest.get("Message").asText())
                .contains(INSTANCE).contains("orders-db"));
    }

    @Test
    void anEventClosedByAwsIsNoLongerReminded() throws Exception {
        rebootNotified("upcoming");
        rebootNotified("closed");
        received();

        JsonNode monday = scanAt("2026-11-30T00:00:00Z");

        assertThat(monday.get("openEvents").asInt()).isZero();
        assertThat(received()).singleElement().satisfies(digest -> assertThat(digest.get("Message").asText())
                .doesNotContain(INSTANCE));
    }

    @Test
    void aDatePassedWithNoSignOfCompletionIsReportedOnceThenDropped() throws Exception {
        rebootNotified("upcoming");
        received();

        JsonNode dayAfter = scanAt("2026-12-06T00:00:00Z");
        assertThat(dayAfter.get("overdue").asInt()).isEqualTo(1);
        assertThat(dayAfter.get("digestSent").asBoolean()).isTrue();
        assertThat(received()).singleElement().satisfies(digest -> assertThat(digest.get("Message").asText())
                .contains(INSTANCE));

        JsonNode monday = scanAt("2026-12-07T00:00:00Z");

        assertThat(monday.get("overdue").asInt()).isZero();
        assertThat(monday.get("openEvents").asInt()).isZero();
        assertThat(received()).singleElement().satisfies(digest -> assertThat(digest.get("Message").asText())
                .doesNotContain(INSTANCE));
    }

    /** The calendars the mails carried, each as its method and its entries by UID, in the order sent. */
    private static List<Map.Entry<String, Map<String, VEvent>>> sentCalendars(MotoServer mailServer) {
        return SentMail.all(mailServer).stream().flatMap(mail -> mail.calendar().stream()).map(part -> {
            Calendar calendar = Calendars.parse(part.text());
            assertThat(part.contentType()).contains("method=" + Calendars.value(calendar, "METHOD"));
            Map<String, VEvent> byUid = new HashMap<>();
            Calendars.events(calendar).forEach(e -> byUid.put(Calendars.value(e, "UID"), e));
            return Map.entry(Calendars.value(calendar, "METHOD"), byUid);
        }).toList();
    }

    @Test
    void theWeeklyDigestAttachesEveryOpenDatedItemUnderItsStorysUidAndMovesAndCancelsThem() throws Exception {
        // SES in a moto of its own: this one holds an RDS instance, and moto cannot list its models then.
        MotoServer mailServer = mailServer();
        mailServer.reset();
        try (var ses = new MotoClients(mailServer).ses()) {
            ses.createEmailIdentity(i -> i.emailIdentity("alerts@example.com"));
        }
        Map<String, String> mail = env(Map.of(Channels.MAIL_FROM, "alerts@example.com",
                Channels.MAIL_TO, "oncall@example.com", "AWS_ENDPOINT_URL_SESV2", mailServer.endpoint().toString()));
        rebootNotified("upcoming", INSTANCE, mail);
        scanAt("2026-11-30T00:00:00Z", mail);
        // AWS moves the action's date: the next weekly digest moves the entry.
        rds.reset();
        rds.pendingActions(Resource.of(ORDERS_ARN, new Action("system-update", Instant.parse("2026-12-15T00:00:00Z"),
                null, null, null, "New Operating System update is available")));
        scanAt("2026-12-07T00:00:00Z", mail);
        // Gone from the list: the completion withdraws the entry.
        rds.reset();
        rds.pendingActions();
        scanAt("2026-12-08T00:00:00Z", mail);

        List<Map.Entry<String, Map<String, VEvent>>> calendars = sentCalendars(mailServer);
        String rebootUid = calendars.get(0).getValue().keySet().iterator().next();
        Map<String, VEvent> weekly = calendars.get(1).getValue();
        assertThat(calendars.get(1).getKey()).isEqualTo("PUBLISH");
        assertThat(weekly).hasSize(2).containsKey(rebootUid);
        VEvent orders = weekly.values().stream().filter(e -> Calendars.value(e, "SUMMARY").contains("orders-db"))
                .findFirst().orElseThrow();
        String ordersUid = Calendars.value(orders, "UID");
        assertThat(Calendars.value(orders, "SEQUENCE")).isEqualTo("0");
        // Applied in its window after 2026-12-01: Monday 2026-12-07 03:00 JST.
        assertThat(Calendars.value(orders, "DTSTART")).isEqualTo("20261207T030000");
        VEvent moved = calendars.get(2).getValue().get(ordersUid);
        assertThat(Calendars.value(moved, "SEQUENCE")).isEqualTo("1");
        assertThat(Calendars.value(moved, "DTSTART")).isEqualTo("20261221T030000");
        Map.Entry<String, Map<String, VEvent>> last = calendars.get(calendars.size() - 1);
        assertThat(last.getKey()).isEqualTo("CANCEL");
        VEvent withdrawn = last.getValue().get(ordersUid);
        assertThat(Calendars.value(withdrawn, "STATUS")).isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(Calendars.value(withdrawn, "SEQUENCE"))).isGreaterThan(1);
    }

    @Test
    void aPendingActionThatDisappearsIsToldAsDoneOnce() throws Exception {
        scanAt("2026-11-29T00:00:00Z");
        rds.reset();
        rds.pendingActions();

        JsonNode after = scanAt("2026-12-08T00:00:00Z");

        assertThat(after.get("completions").asInt()).isEqualTo(1);
        List<JsonNode> sent = received();
        assertThat(sent).singleElement().satisfies(notice -> {
            assertThat(notice.get("Subject").asText()).startsWith("【完了】RDS").contains("orders-db");
            assertThat(notice.get("Message").asText()).startsWith("■ 変更点\n")
                    .contains("保留中のメンテナンス (DescribePendingMaintenanceActions) の一覧から消えました")
                    .contains("完了したとみなしました");
        });

        assertThat(scanAt("2026-12-09T00:00:00Z").get("completions").asInt()).isZero();
        assertThat(received()).isEmpty();
    }

    @Test
    void theDigestNamesTheAccountAndACompletionReachesTheAccountsTopicToo() throws Exception {
        Inbox team = clients.topicWithQueue("team-orders");
        Map<String, String> env = env(Map.of(AccountNames.ENV, "{\"123456789012\": \"prod-orders\"}",
                AccountTopics.ENV, "{\"123456789012\": \"" + team.topicArn() + "\"}"));

        scanAt("2026-11-30T00:00:00Z", env);
        assertThat(received()).singleElement().satisfies(digest -> assertThat(digest.get("Message").asText())
                .contains("orders-db").contains("アカウント prod-orders (123456789012)"));
        assertThat(clients.isEmpty(team.queueUrl())).as("the digest goes to the central topic alone").isTrue();
        rds.reset();
        rds.pendingActions();

        JsonNode after = scanAt("2026-12-08T00:00:00Z", env);

        assertThat(after.get("completions").asInt()).isEqualTo(1);
        for (List<JsonNode> sent : List.of(received(), clients.notifications(team.queueUrl()))) {
            assertThat(sent).singleElement().satisfies(notice -> {
                assertThat(notice.get("Subject").asText()).startsWith("【完了】prod-orders の RDS").contains("orders-db");
                assertThat(notice.get("Message").asText()).contains("アカウント prod-orders (123456789012)");
            });
        }
    }

    @Test
    void aPendingActionOfARegionThatCouldNotBeReadIsNotTakenAsDone() throws Exception {
        scanAt("2026-11-29T00:00:00Z");
        rds.reset();
        rds.server().stubFor(RdsQueryStub.describePending().atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)
                        .withBody("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                                + "<Message>denied</Message></Error></ErrorResponse>")));

        received();

        // Nothing scanned: the run fails for a retry, and no action is taken as done.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scanAt("2026-12-08T00:00:00Z"))
                .isInstanceOf(ScanHandler.ScanFailedException.class);
        assertThat(received()).isEmpty();
    }

    @Test
    void anEc2RebootWhoseScheduledEventIsGoneFromEc2IsToldAsDoneOnce() throws Exception {
        String instance;
        try (Ec2Client ec2 = clients.ec2()) {
            instance = ec2.runInstances(r -> r.imageId("ami-12345678").instanceType("t3.micro").minCount(1).maxCount(1))
                    .instances().get(0).instanceId();
        }
        rebootNotified("upcoming", instance);
        received();

        // EC2 in moto lists the instance with no scheduled event.
        Map<String, String> ec2InMoto = env();
        ec2InMoto.remove("AWS_ENDPOINT_URL_EC2");
        JsonNode scan = scanAt("2026-11-29T00:00:00Z", ec2InMoto);

        assertThat(scan.get("completions").asInt()).isEqualTo(1);
        assertThat(scan.get("openEvents").asInt()).isZero();
        assertThat(received()).singleElement().satisfies(notice -> {
            assertThat(notice.get("Subject").asText()).startsWith("【完了】EC2 インスタンス再起動").contains(instance);
            assertThat(notice.get("Message").asText()).startsWith("■ 変更点\n")
                    .contains("DescribeInstanceStatus に、対象インスタンスの未完了の予定イベントがなくなりました")
                    .contains("解決済みになったリソース (1件): " + instance);
        });
        assertThat(scanAt("2026-11-28T00:00:00Z", ec2InMoto).get("completions").asInt()).isZero();
        assertThat(received()).isEmpty();
    }

    @Test
    void aCompletionCarriesTheTranslationTheFirstNoticeLeftInTheStateTable() throws Exception {
        try (TranslateJsonStub translate = TranslateJsonStub.start()) {
            translate.server().stubFor(TranslateJsonStub.call("GetTerminology").willReturn(TranslateJsonStub
                    .terminology("shirase-glossary-" + Glossary.bundled().version(), 16)));
            translate.server().stubFor(TranslateJsonStub.call("TranslateText")
                    .willReturn(TranslateJsonStub.pretendTranslation()));
            String instance;
            try (Ec2Client ec2 = clients.ec2()) {
                instance = ec2.runInstances(r -> r.imageId("ami-12345678").instanceType("t3.micro").minCount(1)
                        .maxCount(1)).instances().get(0).instanceId();
            }
            Map<String, String> translating = env(Map.of("SHIRASE_TRANSLATION", "amazon-translate",
                    "AWS_ENDPOINT_URL_TRANSLATE", translate.endpoint()));
            rebootNotified("upcoming", instance, translating);
            assertThat(received()).singleElement()
                    .satisfies(notice -> assertThat(notice.get("Message").asText()).contains("■ 和訳 (機械翻訳)"));
            int calls = translate.requests("TranslateText").size();

            translating.remove("AWS_ENDPOINT_URL_EC2");
            scanAt("2026-11-29T00:00:00Z", translating);

            assertThat(received()).singleElement().satisfies(notice -> {
                assertThat(notice.get("Subject").asText()).startsWith("【完了】EC2 インスタンス再起動");
                assertThat(notice.get("Message").asText()).contains("■ 和訳 (機械翻訳)",
                        "※ Amazon Translate による機械翻訳です");
            });
            assertThat(translate.requests("TranslateText")).as("every paragraph from the state table").hasSize(calls);
        }
    }

    @Test
    void anEc2RebootStillScheduledInEc2StaysOpen() throws Exception {
        rebootNotified("upcoming");
        received();
        int asked = ec2.statusRequests().size();

        JsonNode scan = scanAt("2026-11-29T00:00:00Z");

        assertThat(scan.get("completions").asInt()).isZero();
        assertThat(scan.get("openEvents").asInt()).isEqualTo(1);
        assertThat(Ec2QueryStub.askedIds(ec2.statusRequests().get(asked))).containsExactly(INSTANCE);
    }
}
