package dev.shirase.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * template.yaml as a tree, read as plain YAML. CloudFormation's short-form tags ({@code !Ref}, {@code !Sub},
 * {@code !If} ...) are unknown to Jackson, which keeps the tagged value and drops the tag: {@code !Ref Topic} reads as
 * the text {@code Topic}. The tests only look at values that carry no tag (handlers, event patterns) or whose tag they
 * know ({@code !Sub} strings).
 */
final class SamTemplate {
    /** The project root: Maven runs tests there, and it is where template.yaml, events/ and cfn-lint's config live. */
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path FILE = PROJECT.resolve("template.yaml");

    private final JsonNode root;

    private SamTemplate(JsonNode root) {
        this.root = root;
    }

    static SamTemplate load() {
        try {
            return new SamTemplate(new YAMLMapper().readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    /**
     * template.yaml as CloudFormation would deploy it with these parameter values, the others at their defaults:
     * conditions decided and {@code !If}, {@code !Split}, {@code !Sub} ... of parameters resolved (see
     * {@link CloudFormation}). Event patterns and environment variables built from parameters are read from here.
     */
    static SamTemplate deployed(Map<String, String> parameters) {
        return new SamTemplate(CloudFormation.resolve(CloudFormation.read(FILE), parameters));
    }

    JsonNode metadata() {
        return root.path("Metadata");
    }

    JsonNode parameters() {
        return root.path("Parameters");
    }

    /** The Globals section's Function properties, which SAM applies to every function. */
    JsonNode functionGlobals() {
        return root.path("Globals").path("Function");
    }

    /** Logical ids of the resources of the given Type, in template order. */
    java.util.List<String> resourcesOfType(String type) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        root.path("Resources").properties().forEach(r -> {
            if (type.equals(r.getValue().path("Type").asText())) {
                ids.add(r.getKey());
            }
        });
        return ids;
    }

    /** A resource's Properties; fails when the template has no such resource. */
    JsonNode properties(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        if (!resource.isObject()) {
            throw new AssertionError(FILE + " has no resource " + logicalId);
        }
        return resource.path("Properties");
    }

    /** The Properties of each event of the given Type on a function, by event name, in template order. */
    Map<String, JsonNode> events(String functionLogicalId, String type) {
        Map<String, JsonNode> events = new LinkedHashMap<>();
        properties(functionLogicalId).path("Events").properties().forEach(event -> {
            if (type.equals(event.getValue().path("Type").asText())) {
                events.put(event.getKey(), event.getValue().path("Properties"));
            }
        });
        return events;
    }
}
