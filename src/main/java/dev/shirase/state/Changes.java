package dev.shirase.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.AffectedResource;
import dev.shirase.source.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What changed between the story a reader was last told and the story now: the facts an update notice states first.
 *
 * @param statusBefore   the status before, when it changed
 * @param statusAfter    the status now, when it changed
 * @param added          resources named now that were not before
 * @param resolved       resources now resolved that were not
 * @param otherStatus    resources whose status changed otherwise: id to {before, after}
 * @param dropped        resources no longer named by a page that named them before
 * @param startMoved     the scheduled start before and after, when it changed (either may be null)
 * @param endMoved       the scheduled end before and after, when it changed
 * @param deadlineMoved  the notice's deadline before and after, when it changed
 * @param newParagraphs  paragraphs of the English text that were not there before, as AWS wrote them
 * @param rewritten      the English text changed in other ways than added paragraphs
 * @param pagesCompleted every page of a paged event has now arrived
 * @param observed       what the scan itself saw, when the change is its own finding rather than AWS's word
 */
public record Changes(String statusBefore, String statusAfter, List<String> added, List<String> resolved,
        Map<String, List<String>> otherStatus, List<String> dropped, List<Instant> startMoved, List<Instant> endMoved,
        List<Instant> deadlineMoved, List<String> newParagraphs, boolean rewritten, boolean pagesCompleted,
        Observation observed) {

    /** How the scan found out that work was done, where AWS's own event did not say so. */
    public enum Observation {
        NONE,
        /** EC2 lists no pending scheduled event for the instances any more (rebooted, stopped and started, rescheduled). */
        EC2_EVENT_GONE,
        /** RDS lists the pending maintenance action no more (applied, or withdrawn by AWS). */
        PENDING_ACTION_GONE
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final String RESOLVED = "RESOLVED";
    public static final Changes NONE = new Changes(null, null, List.of(), List.of(), Map.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), false, false, Observation.NONE);

    public Changes {
        added = List.copyOf(added);
        resolved = List.copyOf(resolved);
        otherStatus = new LinkedHashMap<>(otherStatus);
        dropped = List.copyOf(dropped);
        startMoved = nullable(startMoved);
        endMoved = nullable(endMoved);
        deadlineMoved = nullable(deadlineMoved);
        newParagraphs = List.copyOf(newParagraphs);
        observed = observed == null ? Observation.NONE : observed;
    }

    public Changes observedBy(Observation observation) {
        return new Changes(statusBefore, statusAfter, added, resolved, otherStatus, dropped, startMoved, endMoved,
                deadlineMoved, newParagraphs, rewritten, pagesCompleted, observation);
    }

    /** From what the reader was told to the story now. */
    public static Changes between(Story told, Story now) {
        Map<String, AffectedResource> before = byId(told.resources());
        Map<String, AffectedResource> after = byId(now.resources());
        List<String> added = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        Map<String, List<String>> otherStatus = new LinkedHashMap<>();
        after.forEach((id, r) -> {
            AffectedResource was = before.get(id);
            if (was == null) {
                added.add(id);
            } else if (!Objects.equals(was.status(), r.status())) {
                if (RESOLVED.equals(r.status())) {
                    resolved.add(id);
                } else {
                    otherStatus.put(id, nullable(List.of(String.valueOf(was.status()), String.valueOf(r.status()))));
                }
            }
        });
        // Dropped: named before by a page that has been received again without it.
        List<String> dropped = new ArrayList<>();
        told.pages().forEach((page, resources) -> {
            List<AffectedResource> again = now.pages().get(page);
            if (again != null) {
                Set<String> ids = new HashSet<>();
                again.forEach(r -> ids.add(r.id()));
                resources.stream().map(AffectedResource::id).filter(id -> !ids.contains(id) && !after.containsKey(id))
                        .forEach(dropped::add);
            }
        });
        List<String> paragraphsBefore = paragraphs(told.description());
        List<String> paragraphsNow = paragraphs(now.description());
        Set<String> known = new HashSet<>(paragraphsBefore);
        List<String> newParagraphs = paragraphsNow.stream().filter(p -> !known.contains(p)).toList();
        boolean rewritten = !told.description().equals(now.description())
                && (newParagraphs.isEmpty() || !paragraphsNow.containsAll(paragraphsBefore));
        boolean statusChanged = !Objects.equals(told.status(), now.status());
        return new Changes(
                statusChanged ? told.status() : null,
                statusChanged ? now.status() : null,
                added, resolved, otherStatus, dropped,
                moved(told.start(), now.start()),
                moved(told.end(), now.end()),
                // A finished story has no deadline left: that is its completion, not a change of date.
                now.isDone() && now.deadline() == null ? List.of() : moved(told.deadline(), now.deadline()),
                newParagraphs,
                rewritten,
                !told.allPagesReceived() && now.allPagesReceived() && now.totalPages() > 1,
                Observation.NONE);
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }

    public boolean statusChanged() {
        return statusAfter != null || statusBefore != null;
    }

    private static List<Instant> moved(Instant before, Instant after) {
        return Objects.equals(before, after) ? List.of() : nullable(java.util.Arrays.asList(before, after));
    }

    /** Lists that may hold a null (a date that was not there before), unmodifiable. */
    private static <T> List<T> nullable(List<T> list) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(list));
    }

    private static Map<String, AffectedResource> byId(List<AffectedResource> resources) {
        Map<String, AffectedResource> byId = new LinkedHashMap<>();
        resources.forEach(r -> byId.putIfAbsent(r.id(), r));
        return byId;
    }

    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String p : PARAGRAPH_BREAK.split(text.strip())) {
            if (!p.isBlank()) {
                paragraphs.add(p.strip());
            }
        }
        return paragraphs;
    }

    public String toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("statusBefore", statusBefore);
        node.put("statusAfter", statusAfter);
        added.forEach(node.withArray("added")::add);
        resolved.forEach(node.withArray("resolved")::add);
        ObjectNode other = node.putObject("otherStatus");
        otherStatus.forEach((id, pair) -> {
            var array = other.putArray(id);
            pair.forEach(array::add);
        });
        dropped.forEach(node.withArray("dropped")::add);
        putInstants(node, "startMoved", startMoved);
        putInstants(node, "endMoved", endMoved);
        putInstants(node, "deadlineMoved", deadlineMoved);
        newParagraphs.forEach(node.withArray("newParagraphs")::add);
        node.put("rewritten", rewritten);
        node.put("pagesCompleted", pagesCompleted);
        node.put("observed", observed.name());
        return node.toString();
    }

    public static Changes fromJson(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            Map<String, List<String>> other = new LinkedHashMap<>();
            node.path("otherStatus").properties().forEach(e -> other.put(e.getKey(), texts(e.getValue())));
            return new Changes(Json.text(node, "statusBefore"), Json.text(node, "statusAfter"), texts(node.path("added")),
                    texts(node.path("resolved")), other, texts(node.path("dropped")), instants(node.path("startMoved")),
                    instants(node.path("endMoved")), instants(node.path("deadlineMoved")),
                    texts(node.path("newParagraphs")), node.path("rewritten").asBoolean(),
                    node.path("pagesCompleted").asBoolean(),
                    Observation.valueOf(node.path("observed").asText(Observation.NONE.name())));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("stored changes are not readable: " + e.getMessage(), e);
        }
    }

    private static void putInstants(ObjectNode node, String field, List<Instant> instants) {
        if (!instants.isEmpty()) {
            var array = node.putArray(field);
            instants.forEach(i -> array.add(i == null ? null : i.toString()));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.isNull() ? null : n.asText()));
        return texts;
    }

    private static List<Instant> instants(JsonNode array) {
        List<Instant> instants = new ArrayList<>();
        array.forEach(n -> instants.add(n.isNull() ? null : Instant.parse(n.asText())));
        return instants;
    }
}
