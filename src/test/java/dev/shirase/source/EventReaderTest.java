package dev.shirase.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Origin;
import dev.shirase.testing.Events;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventReaderTest {
    private final EventReader reader = new EventReader();

    private Announcement read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryFieldOfAHealthEvent() {
        Announcement a = reader.read(Events.sample("health-rds-aurora-postgresql-security-upgrade.json"));

        assertThat(a.origin()).isEqualTo(Origin.HEALTH_EVENT);
        assertThat(a.readError()).isNull();
        assertThat(a.service()).isEqualTo("RDS");
        assertThat(a.code()).isEqualTo("AWS_RDS_SECURITY_NOTIFICATION");
        assertThat(a.eventCategory()).isEqualTo("accountNotification");
        assertThat(a.status()).isEqualTo("open");
        assertThat(a.actionability()).isEqualTo("ACTION_REQUIRED");
        assertThat(a.account()).isEqualTo("123456789012");
        assertThat(a.region()).isEqualTo("ap-northeast-1");
        assertThat(a.resourceIds()).containsExactly("app-aurora-pg-instance-1", "app-aurora-pg-instance-2");
        assertThat(a.resources()).extracting(AffectedResource::status).containsOnly("PENDING");
        assertThat(a.description()).startsWith("Hello,").contains("Beginning March 3, 2027");
        assertThat(a.eventArn()).startsWith("arn:aws:health:ap-northeast-1::event/RDS/");
        assertThat(a.communicationId()).isNotBlank();
        assertThat(a.paging()).isNotNull();
        assertThat(a.paging().isPaged()).isFalse();
        assertThat(a.schedule().start()).isNotNull();
        assertThat(a.raw()).contains("AWS_RDS_SECURITY_NOTIFICATION");
    }

    @Test
    void readsAnOldPayloadWithoutTheNewerFields() {
        Announcement a = reader.read(Events.sample("health-legacy-no-new-fields.json"));

        assertThat(a.readError()).isNull();
        assertThat(a.code()).isEqualTo("AWS_EC2_INSTANCE_STOP_SCHEDULED");
        assertThat(a.actionability()).isNull();
        assertThat(a.communicationId()).isNull();
        assertThat(a.paging()).isNull();
        // no eventRegion: the envelope's region stands in
        assertThat(a.region()).isEqualTo("us-east-1");
        assertThat(a.resourceIds()).isNotEmpty();
        assertThat(a.schedule().start()).isEqualTo(Instant.parse("2021-09-06T10:00:00Z"));
    }

    @Test
    void toleratesAHealthEventWithOnlyServiceAndCode() {
        Announcement a = read("""
                {"source":"aws.health","detail-type":"AWS Health Event","detail":{
                  "service":"EC2","eventTypeCode":"AWS_EC2_MAINTENANCE_SCHEDULED"}}""");

        assertThat(a.readError()).isNull();
        assertThat(a.origin()).isEqualTo(Origin.HEALTH_EVENT);
        assertThat(a.resources()).isEmpty();
        assertThat(a.description()).isEmpty();
        assertThat(a.schedule().start()).isNull();
        assertThat(a.region()).isNull();
    }

    @Test
    void readsSingleDigitDaysAndFallsBackToEnvelopeResources() {
        ObjectNode event = Events.health("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", "scheduledChange", "Retiring.");
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("startTime", "Fri, 3 Jun 2022 05:01:10 GMT");
        detail.remove("affectedEntities");
        ((ArrayNode) event.get("resources")).add("i-abc");

        Announcement a = reader.read(Events.bytes(event));

        assertThat(a.schedule().start()).isEqualTo(Instant.parse("2022-06-03T05:01:10Z"));
        assertThat(a.resourceIds()).containsExactly("i-abc");
    }

    @Test
    void readsPagingAndThousandsOfEntities() {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot.");
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("page", "2");
        detail.put("totalPages", "10");
        ArrayNode entities = detail.putArray("affectedEntities");
        for (int i = 0; i < 5000; i++) {
            entities.addObject().put("entityValue", "i-" + i).put("status", i % 2 == 0 ? "PENDING" : "RESOLVED");
        }

        Announcement a = reader.read(Events.bytes(event));

        assertThat(a.resources()).hasSize(5000);
        assertThat(a.paging().page()).isEqualTo(2);
        assertThat(a.paging().totalPages()).isEqualTo(10);
        assertThat(a.paging().isPaged()).isTrue();
    }

    @Test
    void takesTheServiceFromTheCodeWhenTheArnDoesNotNameIt() {
        Announcement a = read("""
                {"source":"aws.health","detail-type":"AWS Health Event","detail":{
                  "eventTypeCode":"AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED",
                  "eventArn":"arn:aws:health:us-east-1::event/AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED_90353408594353983"}}""");

        assertThat(a.service()).isEqualTo("EC2");
    }

    @Test
    void readsAnRdsEvent() {
        Announcement a = reader.read(Events.sample("rds-event-0230-system-update-available.json"));

        assertThat(a.origin()).isEqualTo(Origin.RDS_EVENT);
        assertThat(a.readError()).isNull();
        assertThat(a.service()).isEqualTo("RDS");
        assertThat(a.code()).isEqualTo("RDS-EVENT-0230");
        assertThat(a.eventCategory()).isEqualTo("security patching");
        assertThat(a.resources()).singleElement()
                .satisfies(r -> assertThat(r.arn()).startsWith("arn:aws:rds:ap-northeast-1:123456789012:db:"));
        assertThat(a.description()).startsWith("A system update is available");
        assertThat(a.schedule().start()).isNotNull();
    }

    @Test
    void normalisesOldRdsIdentifiersAndEventIds() {
        ObjectNode event = Events.rds("http://docs.amazonwebservices.com/AmazonRDS/latest/UserGuide/USER_Events.html#RDS-EVENT-0006",
                "DB instance restarted", "availability");
        ((ObjectNode) event.get("detail")).put("SourceIdentifier", "rds:orders-db");

        Announcement a = reader.read(Events.bytes(event));

        assertThat(a.code()).isEqualTo("RDS-EVENT-0006");
        assertThat(a.resourceIds()).containsExactly("orders-db");
    }

    @Test
    void theHealthApisUnknownEntityIsNoResource() {
        ObjectNode event = Events.health("AWS_RDS_OPERATIONAL_NOTIFICATION", "accountNotification", "Notice.");
        ArrayNode entities = ((ObjectNode) event.get("detail")).putArray("affectedEntities");
        entities.addObject().put("entityValue", "UNKNOWN").put("status", "UNKNOWN");
        ((ArrayNode) event.get("resources")).add("UNKNOWN");

        assertThat(reader.read(Events.bytes(event)).resources()).isEmpty();

        entities.addObject().put("entityValue", "orders-db").put("status", "PENDING");
        assertThat(reader.read(Events.bytes(event)).resourceIds()).containsExactly("orders-db");
    }

    @Test
    void anRdsEventIdWrittenAsNullIsNoCode() {
        ObjectNode event = Events.rds("(null)", "Applying off-line patches to DB instance", "maintenance");
        ((ObjectNode) event.get("detail")).put("SourceIdentifier", "(null)");

        Announcement a = reader.read(Events.bytes(event));

        assertThat(a.code()).isNull();
        // the name falls back to the one in the ARN
        assertThat(a.resources()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("orders-db");
            assertThat(r.arn()).endsWith(":db:orders-db");
        });
    }

    @Test
    void theRdsPrefixGoesWhereRdsAddsItAndStaysWhereItIsPartOfTheName() {
        // as the RDS user guide shows them: a parameter group event names "rds:" + the group, its ARN the group alone
        ObjectNode paramGroup = Events.rds("RDS-EVENT-0037", "Updated parameter time_zone to UTC", "configuration change");
        ObjectNode pg = (ObjectNode) paramGroup.get("detail");
        pg.put("SourceType", "DB_PARAM").put("SourceIdentifier", "rds:orders-params")
                .put("SourceArn", "arn:aws:rds:ap-northeast-1:123456789012:pg:orders-params");
        // an automated snapshot's own name starts with "rds:", in its ARN too
        ObjectNode snapshot = Events.rds("RDS-EVENT-0091", "Automated snapshot created", "creation");
        ObjectNode snap = (ObjectNode) snapshot.get("detail");
        snap.put("SourceType", "SNAPSHOT").put("SourceIdentifier", "rds:orders-db-2026-11-20-03-10")
                .put("SourceArn", "arn:aws:rds:ap-northeast-1:123456789012:snapshot:rds:orders-db-2026-11-20-03-10");
        ObjectNode snapshotWithoutArn = snapshot.deepCopy();
        ((ObjectNode) snapshotWithoutArn.get("detail")).remove("SourceArn");
        snapshotWithoutArn.putArray("resources");

        assertThat(reader.read(Events.bytes(paramGroup)).resourceIds()).containsExactly("orders-params");
        assertThat(reader.read(Events.bytes(snapshot)).resourceIds()).containsExactly("rds:orders-db-2026-11-20-03-10");
        assertThat(reader.read(Events.bytes(snapshotWithoutArn)).resourceIds())
                .containsExactly("rds:orders-db-2026-11-20-03-10");
    }

    @Test
    void keepsAnSnsWrappedNotificationWithItsMessage() {
        Announcement a = read("""
                {"Type":"Notification","MessageId":"m-1","TopicArn":"arn:aws:sns:ap-northeast-1:123456789012:rds-events",
                 "Subject":"RDS Notification Message","Message":"{\\"Event Message\\":\\"Finished applying off-line patches\\"}"}""");

        assertThat(a.origin()).isEqualTo(Origin.UNRECOGNIZED);
        assertThat(a.readError()).contains("SNS notification");
        assertThat(a.description()).contains("Finished applying off-line patches");
        assertThat(a.account()).isEqualTo("123456789012");
        assertThat(a.region()).isEqualTo("ap-northeast-1");
        assertThat(a.raw()).contains("\"MessageId\":\"m-1\"");
    }

    @Test
    void keepsALambdaSnsRecordAsWell() {
        Announcement a = read("""
                {"Records":[{"EventSource":"aws:sns","Sns":{"TopicArn":"arn:aws:sns:us-east-1:111122223333:t",
                 "Message":"RDS-EVENT-0027 finished"}}]}""");

        assertThat(a.origin()).isEqualTo(Origin.UNRECOGNIZED);
        assertThat(a.description()).isEqualTo("RDS-EVENT-0027 finished");
    }

    @Test
    void explainsWhatIsWrongWithInputThatIsNotAnEvent() {
        assertThat(read("{\"broken\": ").readError()).startsWith("not valid JSON").contains("line 1");
        assertThat(read("[1, 2]").readError()).contains("not an object");
        assertThat(read("{\"hello\":\"world\"}").readError()).contains("'source', 'detail-type' or 'detail' is missing");
        assertThat(read("  ").readError()).contains("empty input");
        Announcement other = read("""
                {"source":"aws.ec2","detail-type":"EC2 Instance State-change Notification","account":"1","region":"r",
                 "detail":{"state":"stopped"}}""");
        assertThat(other.readError()).contains("aws.ec2").contains("EC2 Instance State-change Notification");
        assertThat(other.origin()).isEqualTo(Origin.UNRECOGNIZED);
        assertThat(other.raw()).contains("\"state\":\"stopped\"");
    }

    @Test
    void keepsBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"caf\u00e9\": ".getBytes(StandardCharsets.ISO_8859_1);

        Announcement a = reader.read(latin1);

        assertThat(a.origin()).isEqualTo(Origin.UNRECOGNIZED);
        assertThat(a.raw()).startsWith("{\"caf");
    }

    @Test
    void readsHandMadeMessagesThatUseTheHealthApiNames() {
        Announcement a = read("""
                {"source":"aws.health","detail-type":"AWS Health Event","region":"ap-southeast-2","detail":{
                  "arn":"arn:aws:health:us-west-2::event/KAFKA/AWS_KAFKA_SECURITY_PATCHING_EVENT/x",
                  "region":"us-west-2","service":"KAFKA","eventTypeCode":"AWS_KAFKA_SECURITY_PATCHING_EVENT"}}""");

        assertThat(a.eventArn()).startsWith("arn:aws:health:us-west-2::event/KAFKA/");
        assertThat(a.region()).isEqualTo("us-west-2");
    }
}
