package dev.shirase.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.account.AccountNames;
import dev.shirase.classify.Classifier;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Notice;
import dev.shirase.pipeline.NoticePipeline;
import dev.shirase.render.MinimalNotice;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedNotice;
import dev.shirase.source.EventReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * An AWS Health event with many affected entities, through each stage of the notifier (read, classify, render) and
 * through the whole render path as {@link NoticePipeline#render} runs it, ending in every payload a channel sends: the
 * mail's text and HTML and the SNS message with its chat part; and the minimal notice a failing channel falls back to.
 * The event is a sample of events/ with its {@code affectedEntities} and {@code resources} repeated. Run: {@code
 * ./mvnw -B -Pbench -DskipTests verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
// 10,000 entities take a dozen seconds on two cores before the compiled code settles.
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 1)
public class NoticeRenderBenchmark {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Two weeks before the samples' maintenance: days left and deadlines read as they would on the day. */
    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

    @Param({"1", "100", "10000"})
    public int entities;

    /** A file of events/ with at least one affected entity ({@code -p sample=health-ec2-system-reboot.json} ...). */
    @Param({"health-rds-maintenance-scheduled.json"})
    public String sample;

    private byte[] event;
    private Announcement announcement;
    private Notice notice;
    private final EventReader reader = new EventReader();
    private final Classifier classifier = new Classifier();
    private final NoticePipeline pipeline = NoticePipeline.renderOnly(Clock.fixed(NOW, ZoneOffset.UTC),
            AccountNames.of(Map.of("123456789012", "payments-prod")));

    @Setup
    public void event() {
        event = withEntities(Path.of("events", sample), entities);
        announcement = reader.read(event);
        notice = classifier.classify(announcement);
        if (announcement.resources().size() != entities) {
            throw new IllegalStateException("the event names " + announcement.resources().size() + " resources, not "
                    + entities);
        }
    }

    @Benchmark
    public Announcement read() {
        return reader.read(event);
    }

    @Benchmark
    public Notice classify() {
        return classifier.classify(announcement);
    }

    /** The classified notice to every payload. */
    @Benchmark
    public void render(Blackhole bh) {
        payloads(RenderedNotice.of(notice, NOW), bh);
    }

    /** The event's bytes to every payload, as the notifier goes. */
    @Benchmark
    public void renderPath(Blackhole bh) {
        payloads(pipeline.render(event), bh);
    }

    /**
     * The minimal notice a channel sends when its own payload cannot be built: it carries the event as received, so it
     * grows with the event's size rather than with what the notice says.
     */
    @Benchmark
    public void minimalNotice(Blackhole bh) {
        payloads(MinimalNotice.of(announcement, "benchmark"), bh);
    }

    /** What the SNS and SES channels ask of a message: the SNS message (with its chat part), the mail's text and HTML. */
    static void payloads(Outgoing message, Blackhole bh) {
        bh.consume(message.subject());
        bh.consume(message.text());
        bh.consume(message.html());
        bh.consume(message.snsMessage());
    }

    /**
     * The sample event with {@code n} affected entities, each a copy of the sample's first with an id of the same shape,
     * and the envelope's {@code resources} listing the same ids, as AWS Health sends them.
     */
    static byte[] withEntities(Path sample, int n) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(Files.readString(sample));
            ObjectNode detail = (ObjectNode) root.get("detail");
            ObjectNode first = (ObjectNode) detail.get("affectedEntities").get(0);
            String firstId = first.get("entityValue").asText();
            ArrayNode entities = detail.putArray("affectedEntities");
            ArrayNode resources = root.putArray("resources");
            for (int i = 0; i < n; i++) {
                String id = like(firstId, i);
                entities.add(first.deepCopy().put("entityValue", id));
                resources.add(id);
            }
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("run from the project's folder: " + sample + " is read from there", e);
        }
    }

    /** An id of the same kind as {@code sample}: an EC2 instance id, or a DB identifier with a number. */
    private static String like(String sample, int i) {
        return sample.startsWith("i-") ? String.format(Locale.ROOT, "i-%017x", 0x3c5e7a9b1d2f4680L + i * 7919L)
                : String.format(Locale.ROOT, "%s-%05d", sample, i);
    }
}
