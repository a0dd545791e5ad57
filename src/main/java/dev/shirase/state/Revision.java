package dev.shirase.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Which notice of a story this is: the first, an update that says what changed, or the one that says it is done.
 *
 * @param kind    new, update or completion
 * @param changes what changed since the previous notice; {@link Changes#NONE} for the first
 */
public record Revision(Kind kind, Changes changes) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final Revision FIRST = new Revision(Kind.NEW, Changes.NONE);

    public enum Kind {
        NEW,
        UPDATE,
        COMPLETION
    }

    public Revision {
        Objects.requireNonNull(kind, "kind");
        changes = changes == null ? Changes.NONE : changes;
    }

    public String toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", kind.name());
        node.put("changes", changes.toJson());
        return node.toString();
    }

    public static Revision fromJson(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return new Revision(Kind.valueOf(node.path("kind").asText()), Changes.fromJson(node.path("changes").asText()));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("stored revision is not readable: " + e.getMessage(), e);
        }
    }
}
