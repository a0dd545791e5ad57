package dev.shirase.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A message on the failure queue, read the way each sender writes it:
 * <ul>
 * <li>Lambda's on-failure destination: an invocation record; the event is its {@code requestPayload}, the function its
 * {@code requestContext.functionArn};</li>
 * <li>an EventBridge rule's dead letter: the event itself, with {@code RULE_ARN}, {@code TARGET_ARN},
 * {@code ERROR_CODE} and {@code ERROR_MESSAGE} as message attributes;</li>
 * <li>a Scheduler dead letter: the schedule's input, an EventBridge-shaped scheduled event, with the error in message
 * attributes.</li>
 * </ul>
 * The function is the one an ARN names, when it names one of the template's; otherwise a scheduled event goes to the
 * scan and any other event to the notifier, as the template routes them. JSON that is no EventBridge event is left
 * alone.
 */
final class FailureMessage {
    static final String RULE_ARN = "RULE_ARN";
    static final String TARGET_ARN = "TARGET_ARN";
    static final String ERROR_CODE = "ERROR_CODE";
    static final String ERROR_MESSAGE = "ERROR_MESSAGE";
    // A body with text after its JSON value is not what any sender writes: refuse it rather than cut it.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private FailureMessage() {
    }

    /** What a message holds: an event to run again, or nothing this tool can run. */
    sealed interface Content {
    }

    /** Who put the message on the queue. */
    enum Sender {
        LAMBDA_ON_FAILURE("Lambda on-failure record"),
        RULE_DEAD_LETTER("EventBridge rule dead letter"),
        SCHEDULE_DEAD_LETTER("Scheduler dead letter"),
        UNKNOWN("event");

        private final String description;

        Sender(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * An event to run again.
     *
     * @param event     the bytes to give the handler
     * @param lastError why it failed, as the sender recorded it; null when it did not say
     */
    record Replayable(TemplateFunction function, byte[] event, Sender sender, String eventId, String source,
            String detailType, String lastError) implements Content {
    }

    /** A message that holds no event this tool can run: it is left for a person to look at. */
    record Unreadable(String reason) implements Content {
    }

    static Content read(String body, Map<String, String> attributes) {
        JsonNode message;
        try {
            message = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return new Unreadable("not JSON: " + e.getOriginalMessage());
        }
        if (message == null || !message.isObject()) {
            return new Unreadable(message == null || message.isMissingNode() ? "empty body" : "not a JSON object");
        }
        if (message.path("requestContext").isObject() && message.has("requestPayload")) {
            return invocationRecord(message);
        }
        Sender sender = attributes.containsKey(RULE_ARN) ? Sender.RULE_DEAD_LETTER
                : isScheduled(message) ? Sender.SCHEDULE_DEAD_LETTER
                : Sender.UNKNOWN;
        String error = joined(attributes.get(ERROR_CODE), attributes.get(ERROR_MESSAGE));
        return replayable(message, body.getBytes(StandardCharsets.UTF_8), sender, attributes.get(TARGET_ARN), error);
    }

    /** The template's function that a Lambda ARN names ({@code ...:function:stack-NotifyFunction-AbC123:live}). */
    static Optional<TemplateFunction> namedIn(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        String[] parts = arn.split(":");
        if (parts.length < 7 || !parts[2].equals("lambda") || !parts[5].equals("function")) {
            return Optional.empty();
        }
        List<TemplateFunction> named = Arrays.stream(TemplateFunction.values())
                .filter(f -> parts[6].contains(f.logicalId()))
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private static Content invocationRecord(JsonNode record) {
        JsonNode payload = record.get("requestPayload");
        if (!payload.isObject()) {
            return new Unreadable("an invocation record whose requestPayload is not an event");
        }
        JsonNode context = record.get("requestContext");
        String error = joined(context.path("condition").asText(null),
                record.path("responsePayload").path("errorMessage").asText(null));
        byte[] event;
        try {
            event = MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            return new Unreadable("cannot write its requestPayload back: " + e.getOriginalMessage());
        }
        return replayable(payload, event, Sender.LAMBDA_ON_FAILURE, context.path("functionArn").asText(null), error);
    }

    private static Content replayable(JsonNode event, byte[] bytes, Sender sender, String functionArn, String error) {
        // Every sender keeps an EventBridge event; JSON of another shape is something this tool does not understand,
        // and replaying it would turn it into an unclassified notice and delete it.
        if (!event.path("source").isTextual() || !event.path("detail-type").isTextual()) {
            return new Unreadable("not an EventBridge event (no source and detail-type)");
        }
        TemplateFunction function = namedIn(functionArn)
                .orElse(isScheduled(event) ? TemplateFunction.SCAN : TemplateFunction.NOTIFY);
        return new Replayable(function, bytes, sender, event.path("id").asText(null),
                event.path("source").asText(null), event.path("detail-type").asText(null), error);
    }

    private static boolean isScheduled(JsonNode event) {
        return event.path("source").asText("").equals("aws.scheduler")
                || event.path("detail-type").asText("").equals("Scheduled Event");
    }

    private static String joined(String first, String second) {
        if (first == null || second == null) {
            return first != null ? first : second;
        }
        return first + ": " + second;
    }
}
