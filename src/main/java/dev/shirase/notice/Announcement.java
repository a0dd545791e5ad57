package dev.shirase.notice;

import java.util.List;
import java.util.Map;

/**
 * What a source says, before any judgement: the facts every later stage works from, whatever the input was.
 *
 * @param origin          the input shape
 * @param eventId         the EventBridge event id, when there is one
 * @param detailType      the EventBridge detail-type (or a description of the input for other shapes)
 * @param service         the AWS service in upper case (EC2, RDS ...), or null when unknown
 * @param code            Health event type code, RDS event id or pending-maintenance action
 * @param eventCategory   Health eventTypeCategory, or the RDS event categories joined by ", "
 * @param status          Health statusCode (open, upcoming, closed), else null
 * @param actionability   Health actionability (ACTION_REQUIRED ...), else null
 * @param account         the affected AWS account
 * @param region          the affected region (Health eventRegion, which may be "global")
 * @param resources       the affected resources; for paged Health events, this page's only
 * @param schedule        the times the source states
 * @param description     the original English text
 * @param eventArn        the Health event ARN, else null
 * @param communicationId the Health communication id, else null
 * @param paging          how the event was split into pages, else null
 * @param metadata        free key/value facts the source adds (Health eventMetadata, RDS tags)
 * @param raw             the input exactly as received
 * @param readError       why the input could not be read as a known event, else null
 */
public record Announcement(
        Origin origin,
        String eventId,
        String detailType,
        String service,
        String code,
        String eventCategory,
        String status,
        String actionability,
        String account,
        String region,
        List<AffectedResource> resources,
        Schedule schedule,
        String description,
        String eventArn,
        String communicationId,
        Paging paging,
        Map<String, String> metadata,
        String raw,
        String readError) {

    public Announcement {
        resources = resources == null ? List.of() : List.copyOf(resources);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        schedule = schedule == null ? Schedule.NONE : schedule;
        description = description == null ? "" : description;
    }

    /** An input that is not an event we know, kept whole so that nothing is lost. */
    public static Announcement unrecognized(String raw, String detailType, String account, String region, String why) {
        return new Announcement(Origin.UNRECOGNIZED, null, detailType, null, null, null, null, null, account, region,
                List.of(), Schedule.NONE, "", null, null, null, Map.of(), raw, why);
    }

    public List<String> resourceIds() {
        return resources.stream().map(AffectedResource::id).toList();
    }
}
