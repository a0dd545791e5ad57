package dev.shirase.bench;

import dev.shirase.classify.Classifier;
import dev.shirase.log.JsonLog;
import dev.shirase.notice.Notice;
import dev.shirase.render.ChatNotification;
import dev.shirase.render.RenderedNotice;
import dev.shirase.render.SnsMessage;
import dev.shirase.source.EventReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON documents an invocation writes, once warm: the "notice processed" log line, the chat notification and the
 * SNS message structure of a sample notice. The text and chat that the SNS message carries are rendered beforehand,
 * so that {@code snsMessage} measures the fitting and the document. {@link FirstCall} measures the same work cold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class JsonWritingBenchmark {
    static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    static final String SAMPLE = "events/health-rds-maintenance-scheduled.json";

    private final JsonLog log = new JsonLog(new PrintStream(OutputStream.nullOutputStream(), false,
            StandardCharsets.UTF_8), Clock.systemUTC());
    private Map<String, Object> fields;
    private RenderedNotice rendered;
    private String text;
    private String chat;

    @Setup
    public void render() throws IOException {
        rendered = rendered(Files.readAllBytes(Path.of(SAMPLE)));
        fields = processed(rendered.notice());
        text = rendered.text();
        chat = rendered.chat();
    }

    static RenderedNotice rendered(byte[] event) {
        Notice notice = new Classifier().classify(new EventReader().read(event));
        return RenderedNotice.of(notice, NOW);
    }

    /** The fields of the pipeline's "notice processed" line for {@code notice}, delivered to two channels. */
    static Map<String, Object> processed(Notice notice) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("eventId", notice.announcement().eventId());
        fields.put("eventArn", notice.announcement().eventArn());
        fields.put("code", notice.announcement().code());
        fields.put("account", notice.announcement().account());
        fields.put("category", notice.category().name());
        fields.put("obligation", notice.obligation().name());
        fields.put("stage", notice.stage().name());
        fields.put("resources", notice.announcement().resources().size());
        fields.put("revision", "FIRST");
        fields.put("outcome", "delivered");
        fields.put("delivered", List.of("sns", "ses"));
        return fields;
    }

    @Benchmark
    public void logLine() {
        log.info("notice processed", fields);
    }

    @Benchmark
    public String chatNotification() {
        return ChatNotification.render(rendered.notice(), rendered.content(), rendered.subject());
    }

    @Benchmark
    public String snsMessage() {
        return SnsMessage.of(budget -> text, chat);
    }
}
