package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.deliver.Channels;
import dev.shirase.deliver.Routing;
import dev.shirase.testing.Calendars;
import dev.shirase.testing.Events;
import dev.shirase.testing.LambdaContext;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoClients.Inbox;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.SentMail;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lambda handler against moto_server: SNS and SES v2 as the notifier really calls them. Needs moto_server. */
class NotifyHandlerMotoTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MotoServer moto = MotoServer.get();
    private final MotoClients clients = new MotoClients(moto);
    private Inbox inbox;

    @BeforeEach
    void emptyAccount() {
        moto.reset();
        inbox = clients.topicWithQueue("shirase");
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put(Channels.TOPIC_ARN, inbox.topicArn());
        env.putAll(extra);
        return env;
    }

    private static JsonNode invoke(Map<String, String> env, byte[] event) throws Exception {
        NotifyHandler handler = new NotifyHandler(NotifyHandler.fromEnvironment(env));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new LambdaContext());
        return MAPPER.readTree(out.toByteArray());
    }

    @Test
    void anEventReachesTheTopicAsAJapaneseNotice() throws Exception {
        JsonNode result = invoke(env(Map.of()), Events.sample("health-rds-oracle-os-update.json"));

        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        assertThat(result.get("category").asText()).isEqualTo("OS_UPDATE");
        List<JsonNode> received = clients.notifications(inbox.queueUrl());
        assertThat(received).hasSize(1);
        JsonNode notification = received.get(0);
        assertThat(notification.get("Subject").asText())
                .startsWith("【要対応・必須】RDS for Oracle OS アップデート ")
                .endsWith("から自動適用")
                .isEqualTo(result.get("subject").asText());
        assertThat(notification.get("Message").asText())
                .startsWith("■ 概要\n")
                .contains("OS アップデートが必要です")
                .contains("ap-northeast-1 (東京)")
                .contains("停止時間の目安は、原文によると Single-AZ は約10分")
                .contains("■ 原文 (English)");
    }

    @Test
    void anEventThatCannotBeReadIsStillDeliveredWithItsRawContent() throws Exception {
        JsonNode result = invoke(env(Map.of()), "{\"source\": \"aws.health\", broken".getBytes());

        assertThat(result.get("category").asText()).isEqualTo("UNCLASSIFIED");
        JsonNode notification = clients.notifications(inbox.queueUrl()).get(0);
        assertThat(notification.get("Subject").asText()).startsWith("【要確認】");
        assertThat(notification.get("Message").asText())
                .contains("not valid JSON")
                .contains("{\"source\": \"aws.health\", broken");
    }

    @Test
    void sendsHtmlEmailThroughSesWhenTheSenderIsVerified() throws Exception {
        try (var ses = clients.ses()) {
            ses.createEmailIdentity(i -> i.emailIdentity("alerts@example.com"));
        }

        JsonNode result = invoke(env(Map.of(Channels.MAIL_FROM, "alerts@example.com",
                Channels.MAIL_TO, "oncall@example.com, manager@example.com")),
                Events.sample("health-rds-aurora-postgresql-security-upgrade.json"));

        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns", "ses");
        SentMail mail = SentMail.all(moto).get(0);
        assertThat(mail.to()).containsExactly("oncall@example.com", "manager@example.com");
        assertThat(mail.subject()).isEqualTo(result.get("subject").asText());
        assertThat(mail.contentType()).startsWith("multipart/mixed");
        assertThat(mail.html()).contains("<!DOCTYPE html>");
        assertThat(mail.text()).contains("■ 概要");
        assertThat(clients.notifications(inbox.queueUrl())).hasSize(1);
    }

    @Test
    void theMailOfADatedNoticeCarriesItsCalendarAsATextCalendarPublishAttachment() throws Exception {
        try (var ses = clients.ses()) {
            ses.createEmailIdentity(i -> i.emailIdentity("alerts@example.com"));
        }

        JsonNode result = invoke(env(Map.of(Channels.MAIL_FROM, "Shirase <alerts@example.com>",
                Channels.MAIL_TO, "oncall@example.com")), Events.sample("health-ec2-instance-reboot.json"));

        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns", "ses");
        SentMail.Part calendar = SentMail.all(moto).get(0).calendar().orElseThrow();
        assertThat(calendar.contentType()).contains("text/calendar").contains("method=PUBLISH")
                .contains("charset=UTF-8");
        assertThat(calendar.disposition()).isEqualTo("attachment");
        net.fortuna.ical4j.model.Calendar parsed = Calendars.parse(calendar.text());
        assertThat(Calendars.value(parsed, "METHOD")).isEqualTo("PUBLISH");
        net.fortuna.ical4j.model.component.VEvent event = Calendars.events(parsed).get(0);
        assertThat(Calendars.value(event, "SUMMARY")).isEqualTo("【要対応・必須】EC2 インスタンス再起動 i-0a1b2c3d4e5f67890");
        assertThat(Calendars.value(event, "ORGANIZER")).isEqualTo("mailto:alerts@example.com");
        assertThat(Calendars.value(event, "DTSTART")).isEqualTo("20261205T000000");
        // SNS has no attachments: the text says nothing of one.
        assertThat(clients.notifications(inbox.queueUrl())).singleElement()
                .satisfies(n -> assertThat(n.get("Message").asText()).doesNotContain("BEGIN:VCALENDAR"));
    }

    @Test
    void theMailOfANoticeWithoutADateIsTextAndHtmlAlone() throws Exception {
        try (var ses = clients.ses()) {
            ses.createEmailIdentity(i -> i.emailIdentity("alerts@example.com"));
        }

        invoke(env(Map.of(Channels.MAIL_FROM, "alerts@example.com", Channels.MAIL_TO, "oncall@example.com")),
                Events.sample("rds-event-0026-offline-patching-started.json"));

        SentMail mail = SentMail.all(moto).get(0);
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.parts()).extracting(SentMail.Part::mimeType).containsExactly("text/plain", "text/html");
    }

    @Test
    void whenSesRejectsTheMessageTheSnsNoticeStillGoesOut() throws Exception {
        // Nothing verified: moto rejects like the SES sandbox does (MessageRejected).
        JsonNode result = invoke(env(Map.of(Channels.MAIL_FROM, "alerts@example.com",
                Channels.MAIL_TO, "oncall@example.com")), Events.sample("health-ec2-instance-reboot.json"));

        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        // moto words the raw message's refusal as its own ("Did not have authority to send from email ...").
        assertThat(result.at("/failures/ses").asText()).startsWith("SES send failed").contains("Status Code: 400");
        assertThat(clients.notifications(inbox.queueUrl())).singleElement()
                .satisfies(n -> assertThat(n.get("Subject").asText()).contains("インスタンス再起動"));
    }

    @Test
    void anExcludedEventSendsNothingAndTheInvocationSucceeds() throws Exception {
        JsonNode result = invoke(env(Map.of(Routing.EXCLUDE_CATEGORIES, "SYSTEM_REBOOT")),
                Events.sample("health-ec2-instance-reboot.json"));

        assertThat(result.get("filtered").asText())
                .isEqualTo("category SYSTEM_REBOOT is in SHIRASE_EXCLUDE_CATEGORIES");
        assertThat(result.get("delivered")).isEmpty();
        assertThat(result.get("failures")).isEmpty();
        assertThat(clients.notifications(inbox.queueUrl())).isEmpty();
    }

    @Test
    void anEventThatCannotBeReadGoesOutWhateverTheFilters() throws Exception {
        JsonNode result = invoke(env(Map.of(Routing.INCLUDE_SERVICES, "LAMBDA",
                Routing.EXCLUDE_CATEGORIES, "INFORMATION", Routing.SNS_MIN_OBLIGATION, "REQUIRED")),
                "{\"source\": \"aws.health\", broken".getBytes());

        assertThat(result.get("filtered").isNull()).isTrue();
        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        assertThat(clients.notifications(inbox.queueUrl())).hasSize(1);
    }

    @Test
    void withMailOnlyForRequiredNoticesAnOptionalNoticeGoesToSnsOnly() throws Exception {
        try (var ses = clients.ses()) {
            ses.createEmailIdentity(i -> i.emailIdentity("alerts@example.com"));
        }
        Map<String, String> env = env(Map.of(Channels.MAIL_FROM, "alerts@example.com",
                Channels.MAIL_TO, "oncall@example.com", Routing.MAIL_MIN_OBLIGATION, "REQUIRED"));

        JsonNode optional = invoke(env, Events.sample("rds-event-0230-system-update-available.json"));

        assertThat(optional.get("obligation").asText()).isEqualTo("OPTIONAL");
        assertThat(optional.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        assertThat(clients.notifications(inbox.queueUrl())).hasSize(1);
        assertThat(SentMail.all(moto)).isEmpty();

        JsonNode required = invoke(env, Events.sample("health-ec2-instance-reboot.json"));

        assertThat(required.get("delivered")).extracting(JsonNode::asText).containsExactly("sns", "ses");
        assertThat(SentMail.all(moto)).singleElement().satisfies(m -> assertThat(m.to()).containsExactly("oncall@example.com"));
    }

    @Test
    void aNoticeBelowEveryChannelsMinimumSendsNothingAndTheInvocationSucceeds() throws Exception {
        JsonNode result = invoke(env(Map.of(Routing.SNS_MIN_OBLIGATION, "OPTIONAL")),
                Events.sample("health-unknown-code.json"));

        assertThat(result.get("obligation").asText()).isEqualTo("INFORMATION");
        assertThat(result.get("filtered").asText()).startsWith("obligation INFORMATION is below the minimum");
        assertThat(clients.notifications(inbox.queueUrl())).isEmpty();
    }

    @Test
    void anInvalidFilterStopsTheFunctionAtStartUp() {
        assertThatThrownBy(() -> NotifyHandler.fromEnvironment(env(Map.of(Routing.MAIL_MIN_OBLIGATION, "ALL"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Routing.MAIL_MIN_OBLIGATION)
                .hasMessageContaining("REQUIRED, OPTIONAL, INFORMATION");
    }

    @Test
    void whenNoChannelTakesTheNoticeTheInvocationFailsSoLambdaRetries() {
        Map<String, String> env = env(Map.of(Channels.TOPIC_ARN,
                "arn:aws:sns:ap-northeast-1:123456789012:no-such-topic"));

        assertThatThrownBy(() -> invoke(env, Events.sample("health-ec2-instance-reboot.json")))
                .isInstanceOf(NotifyHandler.NoticeNotDeliveredException.class)
                .hasMessageContaining("sns");
    }
}
