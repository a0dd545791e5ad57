package dev.shirase.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated inputs for the notifier: the real samples in events/, mutated the ways AWS payloads, hand-made test events
 * and attackers differ from them. Each mutation is data (a kind, a number that picks the place, and a text), so jqwik
 * can reproduce and shrink a failing case.
 */
public final class GeneratedEvents {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<JsonNode> SAMPLES = samples();

    /** Pieces of text, from AWS's prose to the hostile: dates in every written form, chat and HTML markup, controls. */
    private static final List<String> FRAGMENTS = List.of(
            "We will automatically upgrade your DB instances ", "Beginning March 3, 2027, ", "on or after 2027-03-03 ",
            "3 March 2027 at 10:00 AM PDT", "March 3, 2027 10:00 UTC", "2027-03-03T10:00:00Z", "from ", "will ",
            "end of standard support ", "security patch ", "CVE-2026-12345 ", "operating system update ", "reboot ",
            "No action is required. ", "You must upgrade before ", "during your maintenance window. ", ". ", "\n", "\n\n",
            "\r\n", "<!channel>", "<!here>", "<!everyone>", "<@U0123ABC>", "<#C0123>", "<https://evil.example|click here>",
            "[click](https://evil.example)", "*bold*", "_italic_", "~strike~", "`code`", "```block```", "> quote\n",
            "# heading\n", "@here ", "@channel ", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "&amp;&lt;&gt;&#39;", "\"quoted\" ", "\\", "\u202E", "\u202D", "\u200B", "\u200E", "\u2066", "\u2069",
            "\uFEFF", "\u061C", "\u0000", "\u0007", "\u001B[31m", "\u0085", "\u2028", "😀", "𠮷野家", "\uD83D",
            "メンテナンス ", "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db ", "db-ABCDEFGHIJKLMNOP ");

    private GeneratedEvents() {
    }

    /** Inputs as Lambda passes them: bytes, usually JSON, sometimes not. */
    public static Arbitrary<byte[]> inputs() {
        Arbitrary<JsonNode> base = Arbitraries.of(SAMPLES);
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(0).ofMaxSize(6);
        Arbitrary<Integer> truncateAt = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(-1)),
                Tuple.of(1, Arbitraries.integers().between(0, 100_000)));
        return Combinators.combine(base, mutations, truncateAt).as(GeneratedEvents::build);
    }

    /** One change to an event. */
    public record Mutation(Kind kind, int pick, String text) {
        public enum Kind {
            REMOVE_FIELD, NULL_FIELD, WRONG_TYPE, DESCRIPTION, IDENTIFIER, MANY_ENTITIES, NESTED_JUNK, HOSTILE_FIELD
        }
    }

    private static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.of(Mutation.Kind.class), Arbitraries.integers().between(0, 1_000_000),
                text()).as(Mutation::new);
    }

    /** Text: prose pieces, any characters at all, or a huge date-dense run (up to about 300 KB). */
    static Arbitrary<String> text() {
        Arbitrary<String> prose = Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(40)
                .map(parts -> String.join("", parts));
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(400);
        Arbitrary<String> huge = Combinators.combine(prose, Arbitraries.integers().between(1_000, 300_000))
                .as(GeneratedEvents::repeatTo);
        return Arbitraries.frequencyOf(Tuple.of(8, prose), Tuple.of(3, anything), Tuple.of(1, huge));
    }

    private static String repeatTo(String piece, int length) {
        StringBuilder s = new StringBuilder(length + piece.length());
        while (s.length() < length) {
            s.append(piece);
        }
        return s.toString();
    }

    private static byte[] build(JsonNode sample, List<Mutation> mutations, int truncateAt) {
        JsonNode event = sample.deepCopy();
        for (Mutation m : mutations) {
            event = apply(event, m);
        }
        byte[] bytes = event.toString().getBytes(StandardCharsets.UTF_8);
        if (truncateAt >= 0 && bytes.length > 0) {
            int cut = truncateAt % bytes.length;
            byte[] truncated = new byte[cut];
            System.arraycopy(bytes, 0, truncated, 0, cut);
            return truncated;
        }
        return bytes;
    }

    private static JsonNode apply(JsonNode event, Mutation m) {
        if (!(event instanceof ObjectNode root)) {
            return event;
        }
        ObjectNode detail = root.path("detail") instanceof ObjectNode d ? d : root.putObject("detail");
        switch (m.kind()) {
            case REMOVE_FIELD -> withField(root, m.pick(), (parent, name) -> parent.remove(name));
            case NULL_FIELD -> withField(root, m.pick(), (parent, name) -> parent.putNull(name));
            case WRONG_TYPE -> withField(root, m.pick(), (parent, name) -> parent.set(name, wrongType(parent.get(name), m)));
            case DESCRIPTION -> setDescription(detail, m.text());
            case IDENTIFIER -> {
                String id = m.pick() % 2 == 0 ? m.text() : repeatTo(m.text().isEmpty() ? "x" : m.text(), 200_000);
                detail.put("eventArn", id);
                detail.put("SourceIdentifier", id);
                entities(detail).addObject().put("entityValue", id).put("status", "PENDING");
            }
            case MANY_ENTITIES -> {
                ArrayNode entities = entities(detail);
                int count = m.pick() % 5_000;
                for (int i = 0; i < count; i++) {
                    entities.addObject().put("entityValue", "i-" + Integer.toHexString(i) + m.text().substring(0,
                            Math.min(m.text().length(), 20))).put("status", i % 3 == 0 ? "RESOLVED" : "PENDING");
                }
            }
            case NESTED_JUNK -> {
                JsonNode junk = JsonNodeFactory.instance.textNode(m.text());
                for (int depth = 0; depth < m.pick() % 200; depth++) {
                    ObjectNode wrapper = MAPPER.createObjectNode();
                    wrapper.set("junk", junk);
                    junk = depth % 2 == 0 ? wrapper : MAPPER.createArrayNode().add(wrapper);
                }
                detail.set("eventMetadata", junk);
                root.set("x-" + (m.pick() % 7), junk);
            }
            case HOSTILE_FIELD -> {
                String[] fields = {"eventTypeCode", "service", "eventRegion", "affectedAccount", "EventID",
                        "eventTypeCategory", "statusCode", "actionability", "startTime", "Date"};
                detail.put(fields[m.pick() % fields.length], m.text());
                if (m.pick() % 3 == 0) {
                    root.put("source", m.text());
                }
            }
        }
        return root;
    }

    private static ArrayNode entities(ObjectNode detail) {
        return detail.path("affectedEntities") instanceof ArrayNode a ? a : detail.putArray("affectedEntities");
    }

    private static void setDescription(ObjectNode detail, String text) {
        if (detail.has("Message")) {
            detail.put("Message", text);
            return;
        }
        ArrayNode descriptions = detail.putArray("eventDescription");
        descriptions.addObject().put("language", "en_US").put("latestDescription", text);
    }

    private static JsonNode wrongType(JsonNode value, Mutation m) {
        if (value != null && value.isTextual()) {
            return m.pick() % 2 == 0 ? JsonNodeFactory.instance.numberNode(m.pick())
                    : MAPPER.createArrayNode().add(value).add(m.text());
        }
        if (value != null && value.isContainerNode()) {
            return JsonNodeFactory.instance.textNode(m.text());
        }
        return m.pick() % 2 == 0 ? JsonNodeFactory.instance.booleanNode(true) : MAPPER.createObjectNode().put("v", m.text());
    }

    /** Calls {@code change} with the parent and name of one field of the tree, chosen by {@code pick}. */
    private static void withField(ObjectNode root, int pick, java.util.function.BiConsumer<ObjectNode, String> change) {
        List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
        collectFields(root, fields);
        if (!fields.isEmpty()) {
            Map.Entry<ObjectNode, String> chosen = fields.get(pick % fields.size());
            change.accept(chosen.getKey(), chosen.getValue());
        }
    }

    private static void collectFields(JsonNode node, List<Map.Entry<ObjectNode, String>> into) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> {
                into.add(Map.entry(object, e.getKey()));
                collectFields(e.getValue(), into);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectFields(child, into));
        }
    }

    private static List<JsonNode> samples() {
        List<JsonNode> samples = new ArrayList<>();
        for (Path file : Events.notifierSamples()) {
            try {
                samples.add(MAPPER.readTree(Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(samples);
    }
}
