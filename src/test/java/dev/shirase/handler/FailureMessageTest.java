package dev.shirase.handler;

import static dev.shirase.testing.FailureQueueMessages.HEALTH_RULE_ARN;
import static dev.shirase.testing.FailureQueueMessages.NOTIFY_FUNCTION_ARN;
import static dev.shirase.testing.FailureQueueMessages.SCAN_FUNCTION_ARN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.handler.FailureMessage.Replayable;
import dev.shirase.handler.FailureMessage.Sender;
import dev.shirase.handler.FailureMessage.Unreadable;
import dev.shirase.testing.Events;
import dev.shirase.testing.FailureQueueMessages;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the failure queue's messages: which event, for which function, from which sender. */
class FailureMessageTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] HEALTH = Events.sample("health-rds-oracle-os-update.json");
    private static final byte[] SCHEDULED = Events.sample("scan/scheduled-scan.json");

    private static Replayable replayable(String body, Map<String, String> attributes) {
        return (Replayable) FailureMessage.read(body, attributes);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void anOnFailureRecordGivesItsRequestPayloadToTheFunctionItNames() throws Exception {
        Replayable notify = replayable(FailureQueueMessages.onFailureRecord(NOTIFY_FUNCTION_ARN, HEALTH), Map.of());

        assertThat(notify.function()).isEqualTo(TemplateFunction.NOTIFY);
        assertThat(notify.sender()).isEqualTo(Sender.LAMBDA_ON_FAILURE);
        assertThat(MAPPER.readTree(notify.event())).isEqualTo(MAPPER.readTree(HEALTH));
        assertThat(notify.source()).isEqualTo("aws.health");
        assertThat(notify.detailType()).isEqualTo("AWS Health Event");
        assertThat(notify.eventId()).isEqualTo(MAPPER.readTree(HEALTH).get("id").asText());
        assertThat(notify.lastError()).isEqualTo("RetriesExhausted: no channel accepted the notice: {sns=throttled}");

        Replayable scan = replayable(FailureQueueMessages.onFailureRecord(SCAN_FUNCTION_ARN, SCHEDULED), Map.of());
        assertThat(scan.function()).isEqualTo(TemplateFunction.SCAN);
    }

    @Test
    void theFunctionNamedInTheRecordWinsOverTheEventsShape() {
        Replayable r = replayable(FailureQueueMessages.onFailureRecord(SCAN_FUNCTION_ARN, HEALTH), Map.of());

        assertThat(r.function()).isEqualTo(TemplateFunction.SCAN);
    }

    @Test
    void aRecordOfAnotherFunctionIsRoutedByItsEvent() {
        String otherFunction = "arn:aws:lambda:ap-northeast-1:123456789012:function:billing-export:live";

        assertThat(replayable(FailureQueueMessages.onFailureRecord(otherFunction, HEALTH), Map.of()).function())
                .isEqualTo(TemplateFunction.NOTIFY);
        assertThat(replayable(FailureQueueMessages.onFailureRecord(otherFunction, SCHEDULED), Map.of()).function())
                .isEqualTo(TemplateFunction.SCAN);
    }

    @Test
    void aRuleDeadLetterIsTheEventItselfByteForByte() {
        byte[] rdsEvent = Events.sample("rds-event-0155-minor-version-available.json");

        Replayable r = replayable(text(rdsEvent), FailureQueueMessages.ruleDeadLetter(HEALTH_RULE_ARN,
                NOTIFY_FUNCTION_ARN));

        assertThat(r.function()).isEqualTo(TemplateFunction.NOTIFY);
        assertThat(r.sender()).isEqualTo(Sender.RULE_DEAD_LETTER);
        assertThat(r.event()).isEqualTo(rdsEvent);
        assertThat(r.source()).isEqualTo("aws.rds");
        assertThat(r.lastError()).isEqualTo("NO_PERMISSIONS: Not authorized to invoke the target");
    }

    @Test
    void theTargetOfADeadLetterNamesTheFunction() {
        Replayable r = replayable(text(SCHEDULED), Map.of(FailureMessage.TARGET_ARN, NOTIFY_FUNCTION_ARN));

        assertThat(r.function()).isEqualTo(TemplateFunction.NOTIFY);
    }

    @Test
    void aScheduleDeadLetterGoesToTheScan() {
        Replayable r = replayable(text(SCHEDULED), FailureQueueMessages.scheduleDeadLetter());

        assertThat(r.function()).isEqualTo(TemplateFunction.SCAN);
        assertThat(r.sender()).isEqualTo(Sender.SCHEDULE_DEAD_LETTER);
        assertThat(r.event()).isEqualTo(SCHEDULED);
        assertThat(r.lastError()).startsWith("AWS.Scheduler.InternalServerError: ");
    }

    @Test
    void anEventWithNoSenderInformationIsRoutedByItsShape() {
        Replayable health = replayable(text(HEALTH), Map.of());
        Replayable scheduled = replayable("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\"}", Map.of());

        assertThat(health.function()).isEqualTo(TemplateFunction.NOTIFY);
        assertThat(health.sender()).isEqualTo(Sender.UNKNOWN);
        assertThat(health.lastError()).isNull();
        assertThat(scheduled.function()).isEqualTo(TemplateFunction.SCAN);
    }

    @Test
    void whatHoldsNoEventIsUnreadable() {
        assertThat(FailureMessage.read("notify me", Map.of())).isInstanceOf(Unreadable.class)
                .extracting(c -> ((Unreadable) c).reason()).asString().startsWith("not JSON: ");
        assertThat(FailureMessage.read("{\"source\":\"aws.health\"} trailing", Map.of())).isInstanceOf(Unreadable.class);
        assertThat(FailureMessage.read("", Map.of())).isEqualTo(new Unreadable("empty body"));
        assertThat(FailureMessage.read("[1, 2]", Map.of())).isEqualTo(new Unreadable("not a JSON object"));
        assertThat(FailureMessage.read("{\"requestContext\":{},\"requestPayload\":\"text\"}", Map.of()))
                .isEqualTo(new Unreadable("an invocation record whose requestPayload is not an event"));
        Unreadable notAnEvent = new Unreadable("not an EventBridge event (no source and detail-type)");
        assertThat(FailureMessage.read("{\"Records\":[]}", Map.of())).isEqualTo(notAnEvent);
        assertThat(FailureMessage.read("{\"requestContext\":{},\"requestPayload\":{\"key\":\"value\"}}", Map.of()))
                .isEqualTo(notAnEvent);
    }

    @Test
    void onlyALambdaArnNamingExactlyOneFunctionCounts() {
        assertThat(FailureMessage.namedIn(NOTIFY_FUNCTION_ARN)).contains(TemplateFunction.NOTIFY);
        assertThat(FailureMessage.namedIn(
                "arn:aws:lambda:ap-northeast-1:123456789012:function:shirase-ScanFunction-7HkP1sVw3ZqE"))
                .contains(TemplateFunction.SCAN);
        assertThat(FailureMessage.namedIn("arn:aws:lambda:ap-northeast-1:123456789012:function:NotifyFunction-ScanFunction"))
                .isEmpty();
        assertThat(FailureMessage.namedIn("arn:aws:sqs:ap-northeast-1:123456789012:NotifyFunction")).isEmpty();
        assertThat(FailureMessage.namedIn(HEALTH_RULE_ARN)).isEmpty();
        assertThat(FailureMessage.namedIn(null)).isEmpty();
    }
}
