package dev.shirase.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.shirase.json.JsonDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;

/**
 * Structured logs: one JSON object a line, with a {@code level} that Lambda's JSON log format filters on. Written to
 * standard error so that the CLI's standard output stays the preview's contract. Callers pass ids, codes and outcomes;
 * every text value still goes through {@link Redaction}, so no e-mail address and no long payload reaches the log.
 */
public final class JsonLog {
    private final PrintStream out;
    private final Clock clock;

    public JsonLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public static JsonLog toStandardError() {
        return new JsonLog(System.err, Clock.systemUTC());
    }

    /** A log that writes nothing, for the preview. */
    public static JsonLog silent() {
        return new JsonLog(new PrintStream(PrintStream.nullOutputStream()), Clock.systemUTC());
    }

    public void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields);
    }

    public void warn(String message, Map<String, ?> fields) {
        write("WARN", message, fields);
    }

    public void error(String message, Map<String, ?> fields) {
        write("ERROR", message, fields);
    }

    Clock clock() {
        return clock;
    }

    /** A line written as it is: an embedded-metric-format document (see {@link Metrics}). */
    void line(String document) {
        synchronized (out) {
            out.println(document);
        }
    }

    private void write(String level, String message, Map<String, ?> fields) {
        line(JsonDocument.text(json -> {
            json.writeStartObject();
            // A field of the same name takes the place of each of these, so that no name is written twice.
            head(json, "timestamp", clock.instant().toString(), fields);
            head(json, "level", level, fields);
            head(json, "message", Redaction.value(message), fields);
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                if (!isHead(field.getKey())) {
                    json.writeFieldName(field.getKey());
                    value(json, field.getValue());
                }
            }
            json.writeEndObject();
        }));
    }

    private static void head(JsonGenerator json, String name, String value, Map<String, ?> fields) throws IOException {
        json.writeFieldName(name);
        if (fields.containsKey(name)) {
            value(json, fields.get(name));
        } else {
            json.writeString(value);
        }
    }

    private static boolean isHead(String name) {
        return "timestamp".equals(name) || "level".equals(name) || "message".equals(name);
    }

    /**
     * The value as Jackson would write it, its text redacted. The kinds callers pass are written here; any other goes
     * through a Jackson tree, as every value once did.
     */
    private static void value(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String text -> json.writeString(Redaction.value(text));
            case Boolean b -> json.writeBoolean(b);
            case Integer n -> json.writeNumber(n);
            case Long n -> json.writeNumber(n);
            case Short n -> json.writeNumber(n);
            case Byte n -> json.writeNumber(n);
            case Double n -> json.writeNumber(n);
            case Float n -> json.writeNumber(n);
            case BigInteger n -> json.writeNumber(n);
            // By name, as Jackson writes an enum without annotations.
            case Enum<?> e -> json.writeString(Redaction.value(e.name()));
            case Collection<?> items -> {
                json.writeStartArray();
                for (Object item : items) {
                    value(json, item);
                }
                json.writeEndArray();
            }
            case Map<?, ?> map when map.keySet().stream().allMatch(String.class::isInstance) -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.writeFieldName((String) entry.getKey());
                    value(json, entry.getValue());
                }
                json.writeEndObject();
            }
            default -> Tree.MAPPER.writeTree(json, redacted(Tree.MAPPER.valueToTree(value)));
        }
    }

    /** Built only when a value needs it: most lines hold strings, numbers and lists of strings. */
    private static final class Tree {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static JsonNode redacted(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(Redaction.value(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> e.setValue(redacted(e.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redacted(array.get(i)));
            }
        }
        return node;
    }
}
