package dev.shirase.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Paging;
import dev.shirase.notice.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** AWS Health events ({@code aws.health}, {@code AWS Health Event}), old and new payloads alike. */
final class HealthEventReader {
    private HealthEventReader() {
    }

    static Announcement read(JsonNode root, JsonNode detail, String raw) {
        String code = Json.text(detail, "eventTypeCode");
        // Hand-made test messages copy the Health API's names (arn, region) rather than the event's.
        String eventArn = firstNonNull(Json.text(detail, "eventArn"), Json.text(detail, "arn"));
        String service = serviceOf(Json.text(detail, "service"), code, eventArn);
        String region = firstNonNull(firstNonNull(Json.text(detail, "eventRegion"), Json.text(detail, "region")),
                Json.text(root, "region"));
        String account = firstNonNull(Json.text(detail, "affectedAccount"), Json.text(root, "account"));
        Schedule schedule = Schedule.of(
                AwsTimes.parse(Json.text(detail, "startTime")),
                AwsTimes.parse(Json.text(detail, "endTime")),
                firstNonNull(AwsTimes.parse(Json.text(detail, "lastUpdatedTime")), AwsTimes.parse(Json.text(root, "time"))));
        Integer page = Json.integer(detail, "page");
        Integer totalPages = Json.integer(detail, "totalPages");
        Paging paging = page != null && totalPages != null ? new Paging(page, totalPages) : null;
        return new Announcement(
                Origin.HEALTH_EVENT,
                Json.text(root, "id"),
                Json.text(root, "detail-type"),
                service,
                code,
                Json.text(detail, "eventTypeCategory"),
                lower(Json.text(detail, "statusCode")),
                Json.text(detail, "actionability"),
                account,
                region,
                resources(root, detail),
                schedule,
                description(detail),
                eventArn,
                Json.text(detail, "communicationId"),
                paging,
                Json.map(detail, "eventMetadata"),
                raw,
                code == null ? "AWS Health event without an eventTypeCode" : null);
    }

    private static List<AffectedResource> resources(JsonNode root, JsonNode detail) {
        List<AffectedResource> resources = new ArrayList<>();
        JsonNode entities = detail.get("affectedEntities");
        if (entities != null && entities.isArray()) {
            for (JsonNode entity : entities) {
                String value = Json.text(entity, "entityValue");
                if (value != null && !isPlaceholder(value)) {
                    resources.add(new AffectedResource(value, Json.text(entity, "entityArn"), Json.text(entity, "status")));
                }
            }
        }
        if (resources.isEmpty()) {
            // Some events name their resources only in the envelope.
            Json.texts(root, "resources").stream().filter(id -> !isPlaceholder(id))
                    .forEach(id -> resources.add(AffectedResource.of(id)));
        }
        return resources;
    }

    /**
     * The Health API's entity {@code UNKNOWN} stands for "resources not named" (a public event, an account-wide
     * notice): it is no resource, and the notice then says that the event names none.
     */
    private static boolean isPlaceholder(String entity) {
        return "UNKNOWN".equalsIgnoreCase(entity.strip());
    }

    private static String description(JsonNode detail) {
        JsonNode descriptions = detail.get("eventDescription");
        if (descriptions == null || !descriptions.isArray()) {
            return "";
        }
        String any = null;
        for (JsonNode d : descriptions) {
            String text = Json.text(d, "latestDescription");
            if (text == null) {
                continue;
            }
            String language = Json.text(d, "language");
            if (language == null || language.toLowerCase(Locale.ROOT).startsWith("en")) {
                return text;
            }
            any = any == null ? text : any;
        }
        return any == null ? "" : any;
    }

    /** The service, from the field or, for payloads that lack it, from the code or the event ARN. */
    private static String serviceOf(String service, String code, String eventArn) {
        if (service != null) {
            return service.toUpperCase(Locale.ROOT);
        }
        if (eventArn != null) {
            // event/<SERVICE>/<CODE>/<id>; some payloads carry only event/<CODE>_<id>, which names no service.
            String[] parts = eventArn.split("/");
            if (parts.length >= 4 && !parts[1].isBlank()) {
                return parts[1].toUpperCase(Locale.ROOT);
            }
        }
        if (code != null && code.startsWith("AWS_") && code.indexOf('_', 4) > 4) {
            return code.substring(4, code.indexOf('_', 4));
        }
        return null;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
