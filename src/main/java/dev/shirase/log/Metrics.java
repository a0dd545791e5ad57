package dev.shirase.log;

import dev.shirase.json.JsonDocument;
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
        log.line(line(List.of(List.of(FUNCTION), List.of(FUNCTION, CHANNEL), List.of(FUNCTION, CHANNEL, CATEGORY)),
                List.of(DELIVERED, FAILED), json -> {
                    json.writeStringField("level", delivered ? "INFO" : "ERROR");
                    json.writeStringField("message", delivered ? "delivery metric" : "delivery failure metric");
                    json.writeStringField(FUNCTION, functionName);
                    json.writeStringField(CHANNEL, channel);
                    json.writeStringField(CATEGORY, category);
                    json.writeNumberField(DELIVERED, delivered ? 1 : 0);
                    json.writeNumberField(FAILED, delivered ? 0 : 1);
                }));
    }

    /** One occurrence of {@code metric}, by function. */
    public void count(String metric) {
        log.line(line(List.of(List.of(FUNCTION)), List.of(metric), json -> {
            json.writeStringField("level", "INFO");
            json.writeStringField("message", "metric " + metric);
            json.writeStringField(FUNCTION, functionName);
            json.writeNumberField(metric, 1);
        }));
    }

    /**
     * A log line: the metric directive (these metrics, counts, in {@link #NAMESPACE}, by these sets of dimensions), then
     * the {@code fields}.
     */
    private String line(List<List<String>> dimensionSets, List<String> metricNames, JsonDocument.Body fields) {
        return JsonDocument.text(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", log.clock().millis());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", NAMESPACE);
            json.writeArrayFieldStart("Dimensions");
            for (List<String> set : dimensionSets) {
                json.writeStartArray();
                for (String name : set) {
                    json.writeString(name);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (String name : metricNames) {
                json.writeStartObject();
                json.writeStringField("Name", name);
                json.writeStringField("Unit", "Count");
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            fields.write(json);
            json.writeEndObject();
        });
    }
}
