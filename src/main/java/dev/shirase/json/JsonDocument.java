package dev.shirase.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * JSON documents written straight to text with Jackson's generator, for what is written once and never read back (log
 * lines, payloads, results): no tree is built, and no serializer is looked up. The factory's defaults are
 * ObjectMapper's, so a document comes out as a tree of the same fields would.
 */
public final class JsonDocument {
    /** Shared: thread-safe, and it keeps the buffers its generators recycle. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonDocument() {
    }

    /** Writes one document's values to the generator it is given. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * The document as text, as {@code JsonNode.toString()} writes it. Into recycled segments, as ObjectMapper writes a
     * string: a StringWriter grows by copying, which made the SNS message slower to write than the tree had been.
     */
    public static String text(Body body) {
        BufferRecycler buffers = FACTORY._getBufferRecycler();
        try (SegmentedStringWriter text = new SegmentedStringWriter(buffers)) {
            try (JsonGenerator json = FACTORY.createGenerator(text)) {
                body.write(json);
            }
            return text.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            buffers.releaseToPool();
        }
    }

    /** The document in UTF-8, as {@code ObjectMapper.writeValueAsBytes} writes it. */
    public static byte[] utf8(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code "field":["a","b"]}. */
    public static void strings(JsonGenerator json, String field, Collection<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** {@code "field":{"key":"value"}}, in the map's order. */
    public static void strings(JsonGenerator json, String field, Map<String, String> values) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
