package dev.shirase.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Event fixtures: the samples in events/ and small events built for one test. */
public final class Events {
    public static final Path SAMPLES = Path.of("events");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    public static byte[] sample(String name) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every EventBridge sample for NotifyFunction: the files directly in events/ (ScanFunction's are in events/scan/). */
    public static List<Path> notifierSamples() {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal AWS Health event; tests add or remove detail fields. */
    public static ObjectNode health(String code, String category, String description) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", "7bf73129-1428-4cd3-a780-95db273d1602");
        event.put("detail-type", "AWS Health Event");
        event.put("source", "aws.health");
        event.put("account", "123456789012");
        event.put("time", "2026-11-20T01:00:00Z");
        event.put("region", "ap-northeast-1");
        event.putArray("resources");
        ObjectNode detail = event.putObject("detail");
        String service = code.split("_").length > 1 ? code.split("_")[1] : "EC2";
        detail.put("eventArn", "arn:aws:health:ap-northeast-1::event/" + service + "/" + code + "/" + code + "_1");
        detail.put("service", service);
        detail.put("eventTypeCode", code);
        detail.put("eventTypeCategory", category);
        detail.put("startTime", "Sat, 5 Dec 2026 18:00:00 GMT");
        detail.put("lastUpdatedTime", "Fri, 20 Nov 2026 01:00:00 GMT");
        detail.put("statusCode", "upcoming");
        detail.put("eventRegion", "ap-northeast-1");
        ArrayNode descriptions = detail.putArray("eventDescription");
        descriptions.addObject().put("language", "en_US").put("latestDescription", description);
        ArrayNode entities = detail.putArray("affectedEntities");
        entities.addObject().put("entityValue", "resource-1").put("status", "PENDING");
        return event;
    }

    /** A minimal Amazon RDS event. */
    public static ObjectNode rds(String eventId, String message, String... categories) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", "0a1b2c3d-1428-4cd3-a780-95db273d1602");
        event.put("detail-type", "RDS DB Instance Event");
        event.put("source", "aws.rds");
        event.put("account", "123456789012");
        event.put("time", "2026-11-20T03:12:45Z");
        event.put("region", "ap-northeast-1");
        event.putArray("resources").add("arn:aws:rds:ap-northeast-1:123456789012:db:orders-db");
        ObjectNode detail = event.putObject("detail");
        ArrayNode cats = detail.putArray("EventCategories");
        for (String c : categories) {
            cats.add(c);
        }
        detail.put("SourceType", "DB_INSTANCE");
        detail.put("SourceArn", "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db");
        detail.put("Date", "2026-11-20T03:12:45.123Z");
        detail.put("Message", message);
        detail.put("SourceIdentifier", "orders-db");
        detail.put("EventID", eventId);
        return event;
    }

    public static byte[] bytes(ObjectNode event) {
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
