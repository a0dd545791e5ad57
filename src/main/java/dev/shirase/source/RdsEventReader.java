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
        String code = eventId(present(Json.text(detail, "EventID")));
        String arn = present(Json.text(detail, "SourceArn"));
        if (arn == null) {
            List<String> envelope = Json.texts(root, "resources");
            arn = envelope.isEmpty() ? null : present(envelope.get(0));
        }
        String identifier = sourceIdentifier(present(Json.text(detail, "SourceIdentifier")),
                Json.text(detail, "SourceType"), arn);
        if (identifier == null && arn != null) {
            identifier = nameInArn(arn);
        }
        List<AffectedResource> resources = identifier != null ? List.of(new AffectedResource(identifier, arn, null))
                : List.of();
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
                present(Json.text(detail, "Message")),
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

    /**
     * The name of the source. RDS writes {@code rds:} before the name in SourceIdentifier ({@code rds:my-db-instance},
     * {@code rds:my-db-param-group}), but an automated snapshot's own name starts with {@code rds:}
     * ({@code rds:orders-db-2026-11-20-03-10}, which is also in its ARN). So the prefix goes only when the ARN's name
     * lacks it or, with no ARN, when the source is of a kind whose names cannot hold a colon (anything but a snapshot).
     */
    private static String sourceIdentifier(String identifier, String sourceType, String arn) {
        if (identifier == null || !identifier.startsWith("rds:")) {
            return identifier;
        }
        String stripped = identifier.substring(4);
        if (arn != null && arn.startsWith("arn:")) {
            return arn.endsWith(":" + identifier) ? identifier : stripped;
        }
        return sourceType != null && sourceType.contains("SNAPSHOT") ? identifier : stripped;
    }

    /** The name an RDS ARN ends with ({@code arn:aws:rds:<region>:<account>:db:<name>}), or the ARN if it is not one. */
    private static String nameInArn(String arn) {
        String[] parts = arn.split(":", 7);
        return parts.length == 7 && !parts[6].isBlank() ? parts[6] : arn;
    }

    /** Old and hand-forwarded payloads write a missing field as {@code (null)} or {@code null}: absent, not a value. */
    private static String present(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.equalsIgnoreCase("(null)") || t.equalsIgnoreCase("null") || t.equals("-") ? null : text;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
