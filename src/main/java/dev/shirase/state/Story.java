package dev.shirase.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Stage;
import dev.shirase.source.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an event says that matters to a reader, gathered over its pages: the status, the English text, the dates and
 * every resource with its status. Two deliveries with equal stories are the same notice, whatever else differs between
 * them ({@code lastUpdatedTime}, the EventBridge id, the region of a backup copy).
 *
 * @param status      Health statusCode (upcoming, open, closed), or null
 * @param description the English text, whitespace collapsed
 * @param start       the scheduled start, or null
 * @param end         the scheduled end, or null
 * @param deadline    the moment the notice gave, or null
 * @param totalPages  how many pages AWS split the event into (1 when not paged)
 * @param pages       each page received, with its resources in the order AWS listed them
 */
public record Story(String status, String description, Instant start, Instant end, Instant deadline, int totalPages,
        Map<Integer, List<AffectedResource>> pages) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final String RESOLVED = "RESOLVED";

    public Story {
        description = description == null ? "" : description;
        pages = new TreeMap<>(pages);
        pages.replaceAll((page, resources) -> List.copyOf(resources));
        totalPages = Math.max(totalPages, 1);
    }

    /** The story one delivery tells on its own: its page and nothing else. */
    public static Story of(Notice notice) {
        Announcement a = notice.announcement();
        int page = a.paging() == null ? 1 : Math.max(a.paging().page(), 1);
        int total = a.paging() == null ? 1 : a.paging().totalPages();
        return new Story(a.status(), normalized(a.description()), a.schedule().start(), a.schedule().end(),
                notice.deadline() == null ? null : notice.deadline().at(), total, Map.of(page, a.resources()));
    }

    /** This story with the pages of {@code earlier} that this delivery did not carry: nothing once received is lost. */
    public Story after(Story earlier) {
        if (earlier == null) {
            return this;
        }
        Map<Integer, List<AffectedResource>> merged = new TreeMap<>(earlier.pages);
        merged.putAll(pages);
        return new Story(status, description, start, end, deadline, Math.max(totalPages, earlier.totalPages), merged);
    }

    /** This story with the resources {@code ids} resolved: what the scan found done. */
    public Story resolving(java.util.Set<String> ids) {
        Map<Integer, List<AffectedResource>> resolved = new TreeMap<>();
        pages.forEach((page, resources) -> resolved.put(page, resources.stream()
                .map(r -> ids.contains(r.id()) ? new AffectedResource(r.id(), r.arn(), RESOLVED) : r).toList()));
        return new Story(status, description, start, end, deadline, totalPages, resolved);
    }

    /** Every resource of every page received, each once, in page order. */
    public List<AffectedResource> resources() {
        Map<String, AffectedResource> byId = new LinkedHashMap<>();
        pages.values().forEach(list -> list.forEach(r -> byId.putIfAbsent(r.id(), r)));
        return List.copyOf(byId.values());
    }

    public boolean allPagesReceived() {
        return pages.size() >= totalPages;
    }

    /** AWS closed the event, or every resource it names is resolved: nothing is left to do. */
    public boolean isDone() {
        if ("closed".equals(status)) {
            return true;
        }
        List<AffectedResource> all = resources();
        return !all.isEmpty() && allPagesReceived() && all.stream().allMatch(r -> RESOLVED.equals(r.status()));
    }

    /** The same in everything but the pages received: what a further page of one event looks like. */
    boolean sameButPages(Story other) {
        return Objects.equals(status, other.status) && description.equals(other.description)
                && Objects.equals(start, other.start) && Objects.equals(end, other.end)
                && Objects.equals(deadline, other.deadline);
    }

    /** The pages {@code other} lacks add resources, and no page both hold says anything different. */
    boolean onlyAddsPagesTo(Story other) {
        if (!sameButPages(other) || pages.size() <= other.pages.size()) {
            return false;
        }
        return other.pages.entrySet().stream().allMatch(e -> e.getValue().equals(pages.get(e.getKey())));
    }

    /** A notice's announcement told as this whole story: every page's resources, no longer one page of several. */
    public Notice tellAll(Notice notice, Stage stage) {
        Announcement a = notice.announcement();
        Announcement whole = new Announcement(a.origin(), a.eventId(), a.detailType(), a.service(), a.code(),
                a.eventCategory(), a.status(), a.actionability(), a.account(), a.region(), resources(), a.schedule(),
                a.description(), a.eventArn(), a.communicationId(), allPagesReceived() ? null : a.paging(), a.metadata(),
                a.raw(), a.readError());
        return new Notice(whole, notice.category(), notice.obligation(), stage, notice.deadline(), notice.title(),
                notice.rule(), notice.databases(), notice.accountName());
    }

    static String normalized(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.strip().split("\n", -1);
        List<String> kept = new ArrayList<>(lines.length);
        for (String line : lines) {
            kept.add(SPACES.matcher(line).replaceAll(" ").strip());
        }
        return String.join("\n", kept);
    }

    public String toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("status", status);
        node.put("description", description);
        node.put("start", start == null ? null : start.toString());
        node.put("end", end == null ? null : end.toString());
        node.put("deadline", deadline == null ? null : deadline.toString());
        node.put("totalPages", totalPages);
        ObjectNode pagesNode = node.putObject("pages");
        pages.forEach((page, resources) -> {
            var list = pagesNode.putArray(String.valueOf(page));
            resources.forEach(r -> list.addObject().put("id", r.id()).put("arn", r.arn()).put("status", r.status()));
        });
        return node.toString();
    }

    public static Story fromJson(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            Map<Integer, List<AffectedResource>> pages = new TreeMap<>();
            node.path("pages").properties().forEach(e -> {
                List<AffectedResource> resources = new ArrayList<>();
                e.getValue().forEach(r -> resources.add(new AffectedResource(Json.text(r, "id"), Json.text(r, "arn"),
                        Json.text(r, "status"))));
                pages.put(Integer.parseInt(e.getKey()), resources);
            });
            return new Story(Json.text(node, "status"), Json.text(node, "description"), instant(node, "start"),
                    instant(node, "end"), instant(node, "deadline"), node.path("totalPages").asInt(1), pages);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("stored story is not readable: " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode node, String field) {
        String text = Json.text(node, field);
        return text == null ? null : Instant.parse(text);
    }
}
