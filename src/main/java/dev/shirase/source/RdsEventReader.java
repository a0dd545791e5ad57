package dev.shirase.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Schedule;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amazon RDS events ({@code aws.rds}, {@code RDS DB Instance Event}, {@code RDS DB Cluster Event} ...). */
final class RdsEventReader {
    // Older payloads carry the id inside a documentation URL (...USER_Events.html#RDS-EVENT-0006).
    private static final Pattern EVENT_ID = Pattern.compile("RDS-EVENT-\\d{4}");

    private RdsEventReader() {
    }

    static Announcement read(JsonNode root, JsonNode detail, String raw) {
        String code = eventId(Json.text(detail, "EventID"));
        String identifier = databaseIdentifier(Json.text(detail, "SourceIdentifier"), Json.text(detail, "SourceType"));
        String arn = Json.text(detail, "SourceArn");
        if (arn == null) {
            List<String> envelope = Json.texts(root, "resources");
            arn = envelope.isEmpty() ? null : envelope.get(0);
        }
        List<AffectedResource> resources = identifier != null ? List.of(new AffectedResource(identifier, arn, null))
                : arn != null ? List.of(new AffectedResource(arn, arn, null)) : List.of();
        return new Announcement(
                Origin.RDS_EVENT,
                Json.text(root, "id"),
                Json.text(root, "detail-type"),
                "RDS",
                code,
                String.join(", ", Json.texts(detail, "EventCategories")),
                null,
                null,
                Json.text(root, "account"),
                Json.text(root, "region"),
                resources,
                Schedule.of(AwsTimes.parse(firstNonNull(Json.text(detail, "Date"), Json.text(root, "time"))), null, null),
                Json.text(detail, "Message"),
                null,
                null,
                null,
                Json.map(detail, "Tags"),
                raw,
                // Payloads from before about 2021 carry no EventID; they are classified by category and message.
                null);
    }

    private static String eventId(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = EVENT_ID.matcher(text);
        return m.find() ? m.group() : text;
    }

    /** Some payloads write a DB identifier as {@code rds:name}; DB identifiers cannot contain a colon. */
    private static String databaseIdentifier(String identifier, String sourceType) {
        boolean database = "DB_INSTANCE".equals(sourceType) || "CLUSTER".equals(sourceType);
        return identifier != null && database && identifier.startsWith("rds:") ? identifier.substring(4) : identifier;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
