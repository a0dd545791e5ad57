package dev.shirase.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.notice.Announcement;
import java.nio.charset.StandardCharsets;

/**
 * Reads whatever arrived into an {@link Announcement}. Never throws: input it cannot read becomes an unrecognized
 * announcement that carries the raw content and the reason, so the notice still goes out.
 */
public final class EventReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Announcement read(byte[] input) {
        String raw = new String(input, StandardCharsets.UTF_8);
        if (raw.isBlank()) {
            return Announcement.unrecognized(raw, null, null, null, "empty input: no event to read");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            return Announcement.unrecognized(raw, null, null, null,
                    "not valid JSON: " + e.getOriginalMessage() + locationOf(e));
        }
        if (root == null || !root.isObject()) {
            return Announcement.unrecognized(raw, null, null, null,
                    "not an EventBridge event: the JSON is not an object");
        }
        return read(root, raw);
    }

    private static Announcement read(JsonNode root, String raw) {
        String source = Json.text(root, "source");
        String detailType = Json.text(root, "detail-type");
        JsonNode detail = root.get("detail");
        if (source == null || detailType == null || detail == null || !detail.isObject()) {
            return SnsNotificationReader.isSnsNotification(root)
                    ? SnsNotificationReader.read(root, raw)
                    : Announcement.unrecognized(raw, null, Json.text(root, "account"), Json.text(root, "region"),
                            "not an EventBridge event: 'source', 'detail-type' or 'detail' is missing");
        }
        if ("aws.health".equals(source) && detailType.startsWith("AWS Health")) {
            return HealthEventReader.read(root, detail, raw);
        }
        if ("aws.rds".equals(source) && detailType.startsWith("RDS ")) {
            return RdsEventReader.read(root, detail, raw);
        }
        return Announcement.unrecognized(raw, source + " / " + detailType, Json.text(root, "account"),
                Json.text(root, "region"), "unsupported event: source '" + source + "', detail-type '" + detailType
                        + "' (only AWS Health and Amazon RDS events are classified)");
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
