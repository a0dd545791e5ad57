package dev.shirase.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
 * know ({@code !Sub} strings). {@link #loadLongForm} keeps them, for tests that must tell {@code !Ref X} from the text
 * {@code X}.
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
     * template.yaml with each short-form tag turned into the long form it stands for, as CloudFormation reads it:
     * {@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.B} is {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub s}
     * is {@code {"Fn::Sub": "s"}}, and so on.
     */
    static SamTemplate loadLongForm() {
        return new SamTemplate(CloudFormation.read(FILE));
    }

    /** A resource as written: Type, Properties, DeletionPolicy ...; fails when the template has no such resource. */
    JsonNode resource(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        if (!resource.isObject()) {
            throw new AssertionError(FILE + " has no resource " + logicalId);
        }
        return resource;
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

    JsonNode outputs() {
        return root.path("Outputs");
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
        return resource(logicalId).path("Properties");
    }

    /** The IAM statements of a function's Policies, wherever they sit: in Statement lists and in the branches of Fn::If. */
    java.util.List<JsonNode> statements(String functionLogicalId) {
        java.util.List<JsonNode> statements = new java.util.ArrayList<>();
        collectStatements(properties(functionLogicalId).path("Policies"), statements);
        return statements;
    }

    private static void collectStatements(JsonNode node, java.util.List<JsonNode> into) {
        if (node.isObject() && node.has("Effect")) {
            into.add(node);
            return;
        }
        node.forEach(child -> collectStatements(child, into));
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
