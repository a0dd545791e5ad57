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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void removesEveryEmailAddressAndKeepsTheRest() {
        String sesError = "Email address is not verified. The following identities failed the check in region "
                + "AP-NORTHEAST-1: alerts@example.com, On-Call.Team+aws@mail.example.co.jp";

        assertThat(Redaction.value(sesError))
                .isEqualTo("Email address is not verified. The following identities failed the check in region "
                        + "AP-NORTHEAST-1: <address>, <address>");
    }

    @Test
    void leavesArnsAndIdsAlone() {
        String arn = "arn:aws:sns:ap-northeast-1:123456789012:shirase-Topic-1ABC";
        assertThat(Redaction.value(arn)).isEqualTo(arn);
        assertThat(Redaction.value("user@host")).isEqualTo("user@host");
    }

    @Test
    void cutsLongValuesAndSaysHowLongTheyWere() {
        String payload = "x".repeat(100_000);

        String kept = Redaction.value(payload);
        assertThat(kept).startsWith("x".repeat(Redaction.MAX_CHARS)).endsWith("…(100000 chars)");
        assertThat(kept.length()).isLessThan(Redaction.MAX_CHARS + 20);
    }

    @Test
    void anAddressAtTheCutIsNotLeftHalfShown() {
        String text = "y".repeat(Redaction.MAX_CHARS - 5) + " oncall@example.com and more";

        assertThat(Redaction.value(text)).doesNotContain("oncall").doesNotContain("@");
    }

    @Test
    void theLogRedactsEveryTextFieldNestedOrNot() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLog log = new JsonLog(new PrintStream(out, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

        log.error("send to a@example.com failed", Map.of("error", "rejected: b@example.com",
                "recipients", List.of("c@example.com", "d@example.com"), "attempts", 3));

        JsonNode line = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(line.toString()).doesNotContain("@example.com");
        assertThat(line.get("message").asText()).isEqualTo("send to <address> failed");
        assertThat(line.get("recipients")).hasSize(2);
        assertThat(line.get("attempts").asInt()).isEqualTo(3);
        assertThat(line.get("level").asText()).isEqualTo("ERROR");
    }
}
