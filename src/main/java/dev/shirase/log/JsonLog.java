package dev.shirase.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Structured logs: one JSON object a line, with a {@code level} that Lambda's JSON log format filters on. Written to
 * standard error so that the CLI's standard output stays the preview's contract. Callers pass ids, codes and outcomes;
 * every text value still goes through {@link Redaction}, so no e-mail address and no long payload reaches the log.
 */
public final class JsonLog {
    private static final ObjectMapper MAPPER = new ObjectMapper();
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
    void line(ObjectNode document) {
        synchronized (out) {
            out.println(document);
        }
    }

    private void write(String level, String message, Map<String, ?> fields) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level);
        line.put("message", Redaction.value(message));
        fields.forEach((key, value) -> line.set(key, redacted(MAPPER.valueToTree(value))));
        line(line);
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
