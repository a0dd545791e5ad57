package dev.shirase.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.budget.Budget;
import dev.shirase.deliver.Channel;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Notice;
import dev.shirase.pipeline.ScanPipeline;
import dev.shirase.rds.RdsInventory;
import dev.shirase.rds.RegionScan;
import dev.shirase.render.DigestRenderer;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedDigest;
import dev.shirase.scan.CliOutput;
import dev.shirase.scan.Databases;
import dev.shirase.scan.Digest;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.ScanSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * The daily scan's digest of many pending maintenance actions: building it from saved {@code aws rds
 * describe-pending-maintenance-actions} / {@code describe-db-instances} / {@code describe-db-clusters} output (as
 * {@code shirase preview --pending-maintenance} does), rendering it into every payload, both together, and
 * {@link ScanPipeline#run} over an inventory held in memory with a channel that builds its payloads and sends nothing.
 * The output is examples/rds-cli's, its databases repeated under other names with their dates spread over six weeks.
 * Run: {@code ./mvnw -B -Pbench -DskipTests verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
// An operation takes up to seconds until the compiled code settles: on two busy cores that takes half a minute.
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
public class DigestBenchmark {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SAMPLES = Path.of("examples", "rds-cli");
    /** A Monday in Japan: the weekly digest lists everything, and some actions are a reminder day away. */
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    private static final ScanSettings SETTINGS = new ScanSettings(List.of("ap-northeast-1"),
            new TreeSet<>(List.of(14, 7, 3, 1)), DayOfWeek.MONDAY);
    private static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    @Param({"2000"})
    public int actions;

    private byte[] pending;
    private byte[] instances;
    private byte[] clusters;
    private Digest digest;
    private ScanPipeline scan;

    @Setup
    public void savedOutput() {
        int copies = (actions + 4) / 5;
        ObjectNode pendingOutput = read("describe-pending-maintenance-actions.json");
        ObjectNode instancesOutput = read("describe-db-instances.json");
        ObjectNode clustersOutput = read("describe-db-clusters.json");
        scale(pendingOutput, "PendingMaintenanceActions", copies, actions);
        scale(instancesOutput, "DBInstances", copies, Integer.MAX_VALUE);
        scale(clustersOutput, "DBClusters", copies, Integer.MAX_VALUE);
        pending = bytes(pendingOutput);
        instances = bytes(instancesOutput);
        clusters = bytes(clustersOutput);
        digest = build();
        if (digest.pending().size() != actions) {
            throw new IllegalStateException("the digest lists " + digest.pending().size() + " actions, not " + actions);
        }
        List<DatabaseState> databases = databases();
        RdsInventory inventory = new RdsInventory() {
            @Override
            public RegionScan withPendingMaintenance(String region, Budget budget) {
                return RegionScan.complete(databases);
            }

            @Override
            public Map<String, DatabaseState> describe(String region, List<String> identifiers, Budget budget) {
                return Map.of();
            }
        };
        JsonLog silent = JsonLog.silent();
        scan = new ScanPipeline(inventory, List.of(new Unsent("sns", Outgoing::snsMessage),
                new Unsent("ses", message -> message.text() + message.html())), silent, new Metrics(silent, "bench"));
    }

    /** Saved output to the digest the scan would send. */
    @Benchmark
    public Digest build() {
        List<Notice> notices = new PendingNotices().of(databases());
        return Digest.plan(notices, List.of(), NOW, SETTINGS).orElseThrow();
    }

    /** The digest to every payload. */
    @Benchmark
    public void render(Blackhole bh) {
        NoticeRenderBenchmark.payloads(DigestRenderer.render(digest), bh);
    }

    /** The calendar the digest's mail attaches: an entry for each of the actions, as iCalendar text. */
    @Benchmark
    public String calendar() {
        return DigestRenderer.render(digest).calendar().orElseThrow().text("alerts@example.com");
    }

    /** Saved output to every payload. */
    @Benchmark
    public void buildAndRender(Blackhole bh) {
        NoticeRenderBenchmark.payloads(DigestRenderer.render(build()), bh);
    }

    /** The scan function's pipeline, with RDS in memory and channels that only build their payloads. */
    @Benchmark
    public Optional<RenderedDigest> scan() {
        return scan.run(NOW, SETTINGS, Budget.of(Duration.ofMinutes(5))).digest();
    }

    private List<DatabaseState> databases() {
        return Databases.join(CliOutput.pendingActions(tree(pending)), CliOutput.instances(tree(instances)),
                CliOutput.clusters(tree(clusters)));
    }

    /** A channel that builds its payload as SNS or SES does, and sends nothing. */
    private record Unsent(String name, Function<Outgoing, String> payload) implements Channel {
        @Override
        public Delivery prepare(Outgoing message) {
            String built = payload.apply(message);
            return budget -> {
                if (built.isEmpty()) {
                    throw new IllegalStateException("empty payload");
                }
            };
        }
    }

    /**
     * The list {@code field} repeated {@code copies} times, at most {@code max} entries: every name gets the copy's
     * number, every date moves by up to six weeks and every maintenance window by up to six days, so that the
     * databases sort and group as a large account's would.
     */
    private static void scale(ObjectNode output, String field, int copies, int max) {
        ArrayNode originals = (ArrayNode) output.get(field);
        ArrayNode scaled = MAPPER.createArrayNode();
        for (int copy = 0; copy < copies; copy++) {
            for (JsonNode original : originals) {
                if (scaled.size() < max) {
                    scaled.add(copyOf(original, copy));
                }
            }
        }
        output.set(field, scaled);
    }

    private static JsonNode copyOf(JsonNode node, int copy) {
        if (node.isObject()) {
            ObjectNode copied = MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copied.set(field.getKey(), copyOf(field.getKey(), field.getValue(), copy));
            }
            return copied;
        }
        if (node.isArray()) {
            ArrayNode copied = MAPPER.createArrayNode();
            node.forEach(element -> copied.add(copyOf(element, copy)));
            return copied;
        }
        return node;
    }

    private static JsonNode copyOf(String field, JsonNode value, int copy) {
        if (!value.isTextual()) {
            return copyOf(value, copy);
        }
        String text = value.asText();
        String suffix = String.format(Locale.ROOT, "-%04d", copy);
        if (field.endsWith("Identifier") || field.endsWith("Arn")) {
            return MAPPER.getNodeFactory().textNode(text + suffix);
        }
        if (field.endsWith("Date")) {
            return MAPPER.getNodeFactory().textNode(Instant.parse(text.replace("+00:00", "Z"))
                    .plus(Duration.ofDays(copy % 42)).toString());
        }
        if (field.equals("PreferredMaintenanceWindow")) {
            return MAPPER.getNodeFactory().textNode(shiftWindow(text, copy % 7));
        }
        return value;
    }

    /** "mon:18:00-mon:18:30" moved by {@code days}. */
    private static String shiftWindow(String window, int days) {
        StringBuilder shifted = new StringBuilder(window);
        for (int at : new int[] {0, window.indexOf('-') + 1}) {
            String day = WEEKDAYS.get((WEEKDAYS.indexOf(window.substring(at, at + 3)) + days) % 7);
            shifted.replace(at, at + 3, day);
        }
        return shifted.toString();
    }

    private static ObjectNode read(String file) {
        try {
            return (ObjectNode) MAPPER.readTree(Files.readString(SAMPLES.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("run from the project's folder: " + file + " is read from " + SAMPLES, e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
