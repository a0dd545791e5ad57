package dev.shirase.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each log line to the byte, as the log has always written it: field order, escapes, number formats, nulls, and every
 * text value redacted at any depth. The expected lines were taken from the log when it built a Jackson tree per line.
 */
class JsonLogTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(out, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    /** Its toString differs from its name: the name is what is logged. */
    enum Shade {
        LIGHT, DARK;

        @Override
        public String toString() {
            return "shade " + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A type the log knows nothing of. */
    record Recipient(String address, int tries, List<String> cc) {
    }

    /** Fields in the order given: names and values, alternately. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** A line as the log writes it at this test's time: {@code rest} is what follows the message, with its comma. */
    private static String line(String level, String message, String rest) {
        return "{\"timestamp\":\"2026-12-01T00:00:00Z\",\"level\":\"" + level + "\",\"message\":\"" + message + "\""
                + rest + "}\n";
    }

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void redactsTextAtEveryDepthOfMapsAndLists() {
        log.error("send to e@example.com failed", fields(
                "recipients", fields("to", "ops@example.com",
                        "cc", List.of("a@example.com", Map.of("deep", List.of("z@example.org", 7))), "none", null),
                "list", Arrays.asList("b@example.com", null, List.of(List.of("c@example.jp"))),
                "long", "x".repeat(600) + " d@example.com"));

        assertThat(written()).isEqualTo(line("ERROR", "send to <address> failed",
                ",\"recipients\":{\"to\":\"<address>\",\"cc\":[\"<address>\",{\"deep\":[\"<address>\",7]}],"
                        + "\"none\":null},"
                        + "\"list\":[\"<address>\",null,[[\"<address>\"]]],"
                        + "\"long\":\"" + "x".repeat(500) + "…(614 chars)\""));
    }

    @Test
    void writesNullsNumbersAndBooleansAsJacksonDoes() {
        log.info("numbers", fields("null", null, "int", 3, "long", 12345678901L, "double", 0.1, "large", 1e20,
                "float", 0.1f, "nan", Double.NaN, "decimal", new BigDecimal("1.50"),
                "bigint", new BigInteger("123456789012345678901234567890"), "short", (short) 7, "byte", (byte) -1,
                "yes", true, "no", Boolean.FALSE, "char", 'x'));

        assertThat(written()).isEqualTo(line("INFO", "numbers",
                ",\"null\":null,\"int\":3,\"long\":12345678901,\"double\":0.1,\"large\":1.0E20,\"float\":0.1,"
                        + "\"nan\":\"NaN\",\"decimal\":1.5,\"bigint\":123456789012345678901234567890,\"short\":7,"
                        + "\"byte\":-1,\"yes\":true,\"no\":false,\"char\":\"x\""));
    }

    @Test
    void writesEnumsByNameAsValuesAndAsKeys() {
        Map<Shade, String> byShade = new EnumMap<>(Shade.class);
        byShade.put(Shade.LIGHT, "f@example.com");
        Map<Integer, Object> byNumber = new LinkedHashMap<>();
        byNumber.put(1, "one");
        byNumber.put(2, null);

        log.warn("enums", fields("shade", Shade.DARK, "day", DayOfWeek.MONDAY,
                "set", new LinkedHashSet<>(List.of(Shade.LIGHT, Shade.DARK)), "enumKeys", byShade,
                "intKeys", byNumber));

        assertThat(written()).isEqualTo(line("WARN", "enums",
                ",\"shade\":\"DARK\",\"day\":\"MONDAY\",\"set\":[\"LIGHT\",\"DARK\"],"
                        + "\"enumKeys\":{\"LIGHT\":\"<address>\"},\"intKeys\":{\"1\":\"one\",\"2\":null}"));
    }

    @Test
    void writesOtherTypesAsJacksonDoesAndStillRedactsTheirText() {
        log.info("objects", fields("recipient", new Recipient("g@example.com", 2, List.of("h@example.com")),
                "strings", new String[] {"i@example.com"}, "ints", new int[] {1, 2},
                "builder", new StringBuilder("sb l@example.com")));

        assertThat(written()).isEqualTo(line("INFO", "objects",
                ",\"recipient\":{\"address\":\"<address>\",\"tries\":2,\"cc\":[\"<address>\"]},"
                        + "\"strings\":[\"<address>\"],\"ints\":[1,2],\"builder\":\"sb <address>\""));
    }

    @Test
    void aValueJacksonCannotWriteFailsTheCallAndWritesNothing() {
        assertThatThrownBy(() -> log.info("odd", fields("first", "kept", "v", Optional.of("k@example.com"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(written()).isEmpty();
    }

    @Test
    void escapesAsJacksonDoesAndPrintsWhatCannotBeEncodedAsTheStreamDoes() {
        log.info("escapes", fields("text", "quote \" backslash \\ slash / nl \n tab \t ctl \u0001\u001f del \u007f "
                + "ls \u2028 日本語 🙂 lone \ud800 end", "key \"quoted\"", "v"));

        assertThat(written()).isEqualTo(line("INFO", "escapes",
                ",\"text\":\"quote \\\" backslash \\\\ slash / nl \\n tab \\t ctl \\u0001\\u001F del \u007f "
                        + "ls \u2028 日本語 🙂 lone ? end\",\"key \\\"quoted\\\"\":\"v\""));
    }

    @Test
    void aFieldNamedAsALineFieldTakesItsPlaceAndIsWrittenOnce() {
        log.info("original", fields("error", "x", "message", "override j@example.com", "level", "DEBUG",
                "timestamp", 5));

        assertThat(written()).isEqualTo("{\"timestamp\":5,\"level\":\"DEBUG\",\"message\":\"override <address>\","
                + "\"error\":\"x\"}\n");
    }

    @Test
    void metricLinesAreWrittenAsTheyWere() {
        new Metrics(log, "shirase-NotifyFunction-X1").delivery("ses", "SECURITY_PATCH", false);
        new Metrics(log, null).delivery("sns", null, true);
        new Metrics(log, "fn").count(Metrics.STATE_UNAVAILABLE);

        String deliveryDirective = "{\"_aws\":{\"Timestamp\":1796083200000,"
                + "\"CloudWatchMetrics\":[{\"Namespace\":\"Shirase\",\"Dimensions\":[[\"FunctionName\"],"
                + "[\"FunctionName\",\"Channel\"],[\"FunctionName\",\"Channel\",\"Category\"]],"
                + "\"Metrics\":[{\"Name\":\"NoticesDelivered\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"NoticesFailed\",\"Unit\":\"Count\"}]}]},";
        assertThat(written()).isEqualTo(deliveryDirective
                + "\"level\":\"ERROR\",\"message\":\"delivery failure metric\","
                + "\"FunctionName\":\"shirase-NotifyFunction-X1\",\"Channel\":\"ses\",\"Category\":\"SECURITY_PATCH\","
                + "\"NoticesDelivered\":0,\"NoticesFailed\":1}\n"
                + deliveryDirective
                + "\"level\":\"INFO\",\"message\":\"delivery metric\",\"FunctionName\":\"local\",\"Channel\":\"sns\","
                + "\"Category\":null,\"NoticesDelivered\":1,\"NoticesFailed\":0}\n"
                + "{\"_aws\":{\"Timestamp\":1796083200000,\"CloudWatchMetrics\":[{\"Namespace\":\"Shirase\","
                + "\"Dimensions\":[[\"FunctionName\"]],"
                + "\"Metrics\":[{\"Name\":\"StateUnavailable\",\"Unit\":\"Count\"}]}]},"
                + "\"level\":\"INFO\",\"message\":\"metric StateUnavailable\",\"FunctionName\":\"fn\","
                + "\"StateUnavailable\":1}\n");
    }
}
