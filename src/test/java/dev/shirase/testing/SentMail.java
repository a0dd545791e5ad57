package dev.shirase.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;

/**
 * An email as moto's SES received it (the raw MIME the notifier sent), parsed as a mail client would.
 *
 * @param parts the leaf parts in order, with their content type as sent and their decoded text
 */
public record SentMail(String subject, List<String> to, String contentType, List<Part> parts) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One leaf part: {@code text/plain}, {@code text/html}, {@code text/calendar} ... */
    public record Part(String mimeType, String contentType, String disposition, String text) {
    }

    /** Every email moto's SES accepted, oldest first. */
    public static List<SentMail> all(MotoServer moto) {
        try {
            JsonNode raw = MAPPER.readTree(moto.data()).at("/ses/RawMessage");
            List<SentMail> mails = new ArrayList<>();
            raw.forEach(m -> mails.add(parse(m.get("raw_data").asText().getBytes(StandardCharsets.UTF_8))));
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SentMail parse(byte[] mime) {
        try {
            Message message = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(mime));
            List<Part> parts = new ArrayList<>();
            leaves(message, parts);
            List<String> to = message.getTo() == null ? List.of()
                    : message.getTo().flatten().stream().map(Mailbox::getAddress).toList();
            return new SentMail(message.getSubject(), to, message.getHeader().getField("Content-Type").getBody(),
                    parts);
        } catch (IOException e) {
            throw new AssertionError("not a MIME message: " + e.getMessage(), e);
        }
    }

    private static void leaves(Entity entity, List<Part> parts) throws IOException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                leaves(part, parts);
            }
        } else if (body instanceof SingleBody single) {
            try (InputStream in = single.getInputStream()) {
                String charset = entity.getCharset() == null ? "UTF-8" : entity.getCharset();
                parts.add(new Part(entity.getMimeType(), entity.getHeader().getField("Content-Type").getBody(),
                        entity.getDispositionType(), new String(in.readAllBytes(), charset)));
            }
        }
    }

    public String text() {
        return part("text/plain").orElseThrow().text();
    }

    public String html() {
        return part("text/html").orElseThrow().text();
    }

    public Optional<Part> calendar() {
        return part("text/calendar");
    }

    public Optional<Part> part(String mimeType) {
        return parts.stream().filter(p -> p.mimeType().equals(mimeType)).findFirst();
    }
}
