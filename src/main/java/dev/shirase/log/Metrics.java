package dev.shirase.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch metrics through the embedded metric format: a JSON log line that CloudWatch Logs turns into metrics, so
 * counting costs no API call and no permission. Each delivery attempt of a notice to a channel is counted as
 * delivered or failed, by function, by channel, and by channel and category; template.yaml alarms on failures.
 */
public final class Metrics {
    public static final String NAMESPACE = "Shirase";
    public static final String DELIVERED = "NoticesDelivered";
    public static final String FAILED = "NoticesFailed";
    public static final String FUNCTION = "FunctionName";
    public static final String CHANNEL = "Channel";
    public static final String CATEGORY = "Category";
    /** The state table could not be used: a notice went out without de-duplication. */
    public static final String STATE_UNAVAILABLE = "StateUnavailable";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonLog log;
    private final String functionName;

    public Metrics(JsonLog log, String functionName) {
        this.log = log;
        this.functionName = functionName == null || functionName.isBlank() ? "local" : functionName;
    }

    /** Lambda names the function in {@code AWS_LAMBDA_FUNCTION_NAME}; elsewhere the metrics say "local". */
    public static Metrics fromEnvironment(JsonLog log, Map<String, String> env) {
        return new Metrics(log, env.get("AWS_LAMBDA_FUNCTION_NAME"));
    }

    /** One notice (or digest) offered to one channel, and whether the channel took it. */
    public void delivery(String channel, String category, boolean delivered) {
        ObjectNode line = emf(List.of(List.of(FUNCTION), List.of(FUNCTION, CHANNEL), List.of(FUNCTION, CHANNEL, CATEGORY)),
                List.of(DELIVERED, FAILED));
        line.put("level", delivered ? "INFO" : "ERROR");
        line.put("message", delivered ? "delivery metric" : "delivery failure metric");
        line.put(FUNCTION, functionName);
        line.put(CHANNEL, channel);
        line.put(CATEGORY, category);
        line.put(DELIVERED, delivered ? 1 : 0);
        line.put(FAILED, delivered ? 0 : 1);
        log.line(line);
    }

    /** One occurrence of {@code metric}, by function. */
    public void count(String metric) {
        ObjectNode line = emf(List.of(List.of(FUNCTION)), List.of(metric));
        line.put("level", "INFO");
        line.put("message", "metric " + metric);
        line.put(FUNCTION, functionName);
        line.put(metric, 1);
        log.line(line);
    }

    /** A log line's metric directive: these metrics (counts) in {@link #NAMESPACE}, by these sets of dimensions. */
    private ObjectNode emf(List<List<String>> dimensionSets, List<String> metricNames) {
        ObjectNode line = MAPPER.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", log.clock().millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensions = directive.putArray("Dimensions");
        for (List<String> set : dimensionSets) {
            ArrayNode names = dimensions.addArray();
            set.forEach(names::add);
        }
        ArrayNode metrics = directive.putArray("Metrics");
        metricNames.forEach(name -> metrics.addObject().put("Name", name).put("Unit", "Count"));
        return line;
    }
}
