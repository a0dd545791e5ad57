package dev.shirase.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded metric format lines: what CloudWatch needs to turn a log line into metrics. */
class MetricsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(out, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aFailedDeliveryIsOneEmbeddedMetricDocument() throws Exception {
        Metrics.fromEnvironment(log, Map.of("AWS_LAMBDA_FUNCTION_NAME", "shirase-NotifyFunction-X1"))
                .delivery("ses", "SECURITY_PATCH", false);

        JsonNode line = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli());
        assertThat(directive.get("Namespace").asText()).isEqualTo("Shirase");
        List<String> metricNames = new ArrayList<>();
        directive.get("Metrics").forEach(m -> {
            metricNames.add(m.get("Name").asText());
            assertThat(m.get("Unit").asText()).isEqualTo("Count");
        });
        assertThat(metricNames).containsExactly("NoticesDelivered", "NoticesFailed");
        // Every dimension named in a set has a value at the top level, as the format requires.
        directive.get("Dimensions").forEach(set -> set.forEach(name -> assertThat(line.has(name.asText())).isTrue()));
        assertThat(directive.get("Dimensions").get(0)).hasSize(1);
        assertThat(line.get("FunctionName").asText()).isEqualTo("shirase-NotifyFunction-X1");
        assertThat(line.get("Channel").asText()).isEqualTo("ses");
        assertThat(line.get("Category").asText()).isEqualTo("SECURITY_PATCH");
        assertThat(line.get("NoticesFailed").asInt()).isEqualTo(1);
        assertThat(line.get("NoticesDelivered").asInt()).isZero();
    }

    @Test
    void outsideLambdaTheFunctionIsLocal() throws Exception {
        Metrics.fromEnvironment(log, Map.of()).delivery("console", "INFORMATION", true);

        JsonNode line = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(line.get("FunctionName").asText()).isEqualTo("local");
        assertThat(line.get("NoticesDelivered").asInt()).isEqualTo(1);
    }
}
