package dev.shirase.template;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template as CloudFormation sees it for given parameter values: short-form tags read as their long form
 * ({@code !Ref X} as {@code {"Ref": "X"}}), then parameters, pseudo parameters, conditions, {@code Fn::If} (with
 * {@code AWS::NoValue} removing what it stands in), {@code Fn::Split}, {@code Fn::Join}, {@code Fn::Select} and
 * {@code Fn::Sub} of parameters resolved, and the resources and outputs whose condition is false left out. What only
 * exists once deployed ({@code Fn::GetAtt}, a {@code Ref} to a resource) stays as written. Parameter values are checked
 * against AllowedPattern and AllowedValues, as CloudFormation checks them; a {@code CommaDelimitedList} is a list.
 * The pseudo parameters are those of an account and region of tests, which the parameters may replace (for
 * {@code "AWS::Region"}, say), to see the template deployed elsewhere.
 */
final class CloudFormation {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What {@code AWS::NoValue} resolves to: the property or element that holds it is removed. */
    private static final JsonNode NO_VALUE = MissingNode.getInstance();
    private static final Set<String> SHORT_FORMS = Set.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Length", "Select", "Split", "Sub", "ToJsonString", "Transform", "And", "Equals",
            "If", "Not", "Or");
    private static final Map<String, String> PSEUDO = Map.of(
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::Region", "ap-northeast-1",
            "AWS::StackName", "shirase",
            "AWS::URLSuffix", "amazonaws.com");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final JsonNode conditions;
    private final Map<String, String> values;
    /** The parameters of type CommaDelimitedList, which {@code Ref} gives as a list. */
    private final Set<String> lists = new java.util.HashSet<>();
    private final Map<String, Boolean> decided = new HashMap<>();

    private CloudFormation(JsonNode template, Map<String, String> parameters) {
        this.conditions = template.path("Conditions");
        this.values = new HashMap<>(PSEUDO);
        Map<String, String> unknown = new LinkedHashMap<>(parameters);
        PSEUDO.keySet().forEach(pseudo -> {
            if (unknown.containsKey(pseudo)) {
                values.put(pseudo, unknown.remove(pseudo));
            }
        });
        template.path("Parameters").properties().forEach(p -> {
            String name = p.getKey();
            JsonNode declared = p.getValue();
            String value = unknown.containsKey(name) ? unknown.remove(name) : declared.path("Default").asText(null);
            if (value == null) {
                throw new IllegalArgumentException("parameter " + name + " has no default and no value");
            }
            check(name, value, declared);
            values.put(name, value);
            if (declared.path("Type").asText().equals("CommaDelimitedList")) {
                lists.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the template declares no parameter " + unknown.keySet());
        }
    }

    /** The template file with CloudFormation's short-form tags turned into their long form. */
    static ObjectNode read(Path file) {
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            parser.nextToken();
            return (ObjectNode) node(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The template with the parameters (the others at their defaults) and all that follows from them resolved. */
    static ObjectNode resolve(ObjectNode template, Map<String, String> parameters) {
        CloudFormation cfn = new CloudFormation(template, parameters);
        ObjectNode resolved = NODES.objectNode();
        template.properties().forEach(section -> resolved.set(section.getKey(),
                Set.of("Parameters", "Conditions").contains(section.getKey()) ? section.getValue()
                        : Set.of("Resources", "Outputs").contains(section.getKey()) ? cfn.created(section.getValue())
                        : cfn.value(section.getValue())));
        return resolved;
    }

    /** The resources (or outputs) whose condition holds, or which have none, resolved. */
    private JsonNode created(JsonNode section) {
        ObjectNode kept = NODES.objectNode();
        section.properties().forEach(entry -> {
            JsonNode condition = entry.getValue().path("Condition");
            if (condition.isMissingNode() || condition(condition.asText())) {
                kept.set(entry.getKey(), value(entry.getValue()));
            }
        });
        return kept;
    }

    private static void check(String name, String value, JsonNode declared) {
        String pattern = declared.path("AllowedPattern").asText(null);
        if (pattern != null && !value.matches(pattern)) {
            throw new IllegalArgumentException(name + "=" + value + " does not match AllowedPattern " + pattern);
        }
        JsonNode allowed = declared.path("AllowedValues");
        if (allowed.isArray() && allowed.valueStream().noneMatch(v -> v.asText().equals(value))) {
            throw new IllegalArgumentException(name + "=" + value + " is not in AllowedValues " + allowed);
        }
    }

    private static JsonNode node(YAMLParser parser) throws IOException {
        String tag = parser.getTypeId();
        JsonToken token = parser.currentToken();
        JsonNode node = switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, node(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(node(parser));
                }
                yield array;
            }
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
        if (tag == null) {
            return node;
        }
        String function = switch (tag) {
            case "Ref", "Condition" -> tag;
            default -> {
                if (!SHORT_FORMS.contains(tag)) {
                    throw new IllegalArgumentException("unknown tag !" + tag + " at " + parser.currentLocation());
                }
                yield "Fn::" + tag;
            }
        };
        if (tag.equals("GetAtt") && node.isTextual()) {
            // !GetAtt A.B is the short form of {"Fn::GetAtt": ["A", "B"]}.
            String[] parts = node.asText().split("\\.", 2);
            node = NODES.arrayNode().add(parts[0]).add(parts.length > 1 ? parts[1] : "");
        }
        return NODES.objectNode().set(function, node);
    }

    private JsonNode value(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(element -> {
                JsonNode v = value(element);
                if (v != NO_VALUE) {
                    array.add(v);
                }
            });
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String name = node.fieldNames().next();
            if (name.equals("Ref") || name.startsWith("Fn::")) {
                return function(name, node.get(name), node);
            }
        }
        ObjectNode object = NODES.objectNode();
        node.properties().forEach(p -> {
            JsonNode v = value(p.getValue());
            if (v != NO_VALUE) {
                object.set(p.getKey(), v);
            }
        });
        return object;
    }

    private JsonNode function(String name, JsonNode args, JsonNode original) {
        return switch (name) {
            case "Ref" -> args.asText().equals("AWS::NoValue") ? NO_VALUE
                    : lists.contains(args.asText()) ? split(values.get(args.asText()), ",")
                    : values.containsKey(args.asText()) ? NODES.textNode(values.get(args.asText())) : original;
            case "Fn::If" -> value(condition(args.get(0).asText()) ? args.get(1) : args.get(2));
            case "Fn::Split" -> {
                JsonNode source = value(args.get(1));
                yield source.isTextual() ? split(source.asText(), args.get(0).asText()) : original;
            }
            case "Fn::Join" -> {
                JsonNode list = value(args.get(1));
                if (!list.isArray() || list.valueStream().anyMatch(v -> !v.isTextual())) {
                    yield original;
                }
                yield NODES.textNode(String.join(args.get(0).asText(), list.valueStream().map(JsonNode::asText)
                        .toList()));
            }
            case "Fn::Select" -> {
                JsonNode list = value(args.get(1));
                yield list.isArray() ? list.get(args.get(0).asInt()) : original;
            }
            case "Fn::Sub" -> sub(args, original);
            default -> original;
        };
    }

    /** Split at each delimiter, as Fn::Split and a CommaDelimitedList's Ref split ("" is one empty element). */
    private static JsonNode split(String value, String delimiter) {
        ArrayNode parts = NODES.arrayNode();
        List.of(value.split(Pattern.quote(delimiter), -1)).forEach(parts::add);
        return parts;
    }

    /** {@code Fn::Sub} when every placeholder is a parameter, a pseudo parameter or a resolvable variable. */
    private JsonNode sub(JsonNode args, JsonNode original) {
        Map<String, String> variables = new HashMap<>(values);
        String text = args.isArray() ? args.get(0).asText() : args.asText();
        if (args.isArray()) {
            for (var variable : args.get(1).properties()) {
                JsonNode v = value(variable.getValue());
                if (!v.isTextual()) {
                    return original;
                }
                variables.put(variable.getKey(), v.asText());
            }
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = variables.get(m.group(1));
            if (v == null) {
                return original;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return NODES.textNode(out.toString());
    }

    private boolean condition(String name) {
        Boolean known = decided.get(name);
        if (known == null) {
            JsonNode declared = conditions.get(name);
            if (declared == null) {
                throw new IllegalArgumentException("the template declares no condition " + name);
            }
            known = holds(declared);
            decided.put(name, known);
        }
        return known;
    }

    private boolean holds(JsonNode expression) {
        String name = expression.fieldNames().next();
        JsonNode args = expression.get(name);
        return switch (name) {
            case "Condition" -> condition(args.asText());
            case "Fn::Not" -> !holds(args.get(0));
            case "Fn::And" -> args.valueStream().allMatch(this::holds);
            case "Fn::Or" -> args.valueStream().anyMatch(this::holds);
            case "Fn::Equals" -> {
                JsonNode a = value(args.get(0));
                JsonNode b = value(args.get(1));
                if (!a.isValueNode() || !b.isValueNode()) {
                    throw new IllegalArgumentException("cannot compare " + a + " with " + b);
                }
                yield a.asText().equals(b.asText());
            }
            default -> throw new IllegalArgumentException("not a condition function: " + expression);
        };
    }
}
