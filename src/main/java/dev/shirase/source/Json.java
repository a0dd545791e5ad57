package dev.shirase.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-tolerant reads from a Jackson tree: AWS may leave out any field, and blank is as good as missing. */
public final class Json {
    private Json() {
    }

    /** The text of a field, or null when it is missing, null or empty. Numbers and booleans come back as text. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    static List<String> texts(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<String> result = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (JsonNode item : value) {
                if (item.isValueNode() && !item.asText().isBlank()) {
                    result.add(item.asText());
                }
            }
        } else if (value != null && value.isValueNode() && !value.asText().isBlank()) {
            result.add(value.asText());
        }
        return result;
    }

    /** A flat string map; nested values are kept as their JSON text. */
    static Map<String, String> map(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        Map<String, String> result = new LinkedHashMap<>();
        if (value != null && value.isObject()) {
            value.properties().forEach(e -> result.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        return result;
    }

    static Integer integer(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
