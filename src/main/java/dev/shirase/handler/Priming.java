package dev.shirase.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.aws.AwsClients;
import dev.shirase.aws.CannedHttpClient;
import dev.shirase.budget.Budget;
import dev.shirase.log.JsonLog;
import dev.shirase.notice.Jst;
import dev.shirase.pipeline.NoticePipeline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart's runtime hooks for one function. Before the snapshot, a rehearsal runs the function's whole path (read,
 * classify, enrich, track, render and send every channel's payload; for the scan, list, digest and send) on bundled
 * samples, with the function's own configuration over clients whose every request is answered in the process
 * ({@link CannedHttpClient}): the classes are loaded and the hot code compiled, yet nothing is sent, no state is written
 * and no network or credential is needed. Then the real clients the rehearsal used are built, so that their cost is in
 * the snapshot too. After a restore, the credentials and member-account sessions are taken anew.
 *
 * <p>A rehearsal that fails is logged and the snapshot is taken anyway: priming only makes the first invocation faster.
 */
final class Priming implements Resource {
    /** The most one rehearsal may take; Lambda allows the initialization of a SnapStart version far more. */
    static final Duration REHEARSAL_TIME = Duration.ofSeconds(20);
    /**
     * Rehearsals before a snapshot: the JIT compiles a method only once it has run often enough, and the code that ran
     * a few times only is still interpreted in the first invocation. Repeated while they take less than {@link
     * #PRIMING_TIME} in all.
     */
    static final int ROUNDS = 10;
    static final Duration PRIMING_TIME = Duration.ofSeconds(10);
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String function;
    private final Map<String, String> env;
    private final AwsClients clients;
    private final JsonLog log;
    private final Rehearsal rehearsal;

    /** One run of the function's path over {@code answered}, clients configured as the function's are. */
    @FunctionalInterface
    interface Rehearsal {
        void run(AwsClients answered) throws IOException;
    }

    Priming(String function, Map<String, String> env, AwsClients clients, JsonLog log, Rehearsal rehearsal) {
        this.function = function;
        this.env = Map.copyOf(env);
        this.clients = clients;
        this.log = log;
        this.rehearsal = rehearsal;
    }

    /**
     * NotifyFunction's: an RDS Health event, an RDS event and an EC2 Health event (a scheduled reboot, which takes other
     * paths of classification and rendering and asks RDS nothing), each through the whole pipeline.
     */
    static Priming notifyFunction(Map<String, String> env, AwsClients clients, JsonLog log) {
        return new Priming(TemplateFunction.NOTIFY.logicalId(), env, clients, log, answered -> {
            NoticePipeline pipeline = NotifyHandler.fromEnvironment(env, answered, JsonLog.silent(), NOWHERE);
            for (String sample : List.of("health-rds-aurora-postgresql-security-upgrade.json",
                    "rds-event-0287-cluster-os-upgrade-required.json", "health-ec2-instance-reboot.json")) {
                pipeline.process(sample(sample), Budget.of(REHEARSAL_TIME));
            }
        });
    }

    /**
     * ScanFunction's: a scheduled scan of the function's region (and of the member accounts the environment names),
     * on its weekly digest day, which finds a database with two pending actions.
     */
    static Priming scanFunction(Map<String, String> env, AwsClients clients, JsonLog log) {
        return new Priming(TemplateFunction.SCAN.logicalId(), env, clients, log, answered -> {
            ScanHandler rehearsing = new ScanHandler(ScanHandler.pipeline(env, answered, JsonLog.silent(), NOWHERE),
                    env, Clock.systemUTC());
            rehearsing.handleRequest(new ByteArrayInputStream(scheduledToday(Instant.now())),
                    OutputStream.nullOutputStream(),
                    new LocalContext(TemplateFunction.SCAN.logicalId(), REHEARSAL_TIME, NOWHERE));
        });
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime(ROUNDS);
    }

    /** Rehearses up to {@code rounds} times (within {@link #PRIMING_TIME}), then builds the clients the rehearsal used. */
    void prime(int rounds) {
        long start = System.nanoTime();
        try {
            AwsClients answered = AwsClients.answeredBy(new CannedHttpClient(rdsAnswers(env)), env);
            int round = 0;
            try {
                do {
                    rehearsal.run(answered);
                    round++;
                } while (round < rounds && System.nanoTime() - start < PRIMING_TIME.toNanos());
            } finally {
                // What the rehearsal got to use before it stopped, if it stopped, is still worth building.
                clients.buildClientsUsedBy(answered);
            }
            clients.rehearseHttp();
            Map<String, Object> fields = fields(start, "clients", String.join(", ", clients.builtClients()));
            fields.put("rounds", round);
            log.info("primed for the snapshot", fields);
        } catch (IOException | RuntimeException e) {
            // For instance the scan's ScanFailedException when a channel is misconfigured: the first real run says so.
            log.warn("priming did not finish; the snapshot is taken without the rest of it",
                    fields(start, "error", e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        clients.renewAfterRestore();
    }

    private Map<String, Object> fields(long start, String name, String value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("function", function);
        fields.put("millis", Duration.ofNanos(System.nanoTime() - start).toMillis());
        fields.put(name, value);
        return fields;
    }

    /** The scheduled event, dated {@code now}, on its weekly digest day, with the environment's regions and accounts. */
    static byte[] scheduledToday(Instant now) throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(sample("scan/scheduled-scan.json"));
        event.put("time", now.toString());
        ObjectNode detail = MAPPER.createObjectNode();
        detail.put("weeklyDigestDay", now.atZone(Jst.ZONE).getDayOfWeek().name());
        event.set("detail", detail);
        return MAPPER.writeValueAsBytes(event);
    }

    /**
     * What AWS answers the rehearsal: sends are accepted, and RDS has one PostgreSQL instance in the function's region
     * with two pending actions.
     */
    private static Map<String, String> rdsAnswers(Map<String, String> env) {
        Instant now = Instant.now();
        Map<String, String> values = Map.of(
                "${region}", first(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1"),
                "${account}", first(env.get(NotifyHandler.HOME_ACCOUNT), "123456789012"),
                "${inAWeek}", now.plus(Duration.ofDays(7)).toString(),
                "${inAMonth}", now.plus(Duration.ofDays(30)).toString());
        return Map.of(
                // The channels count a send without a message id as failed.
                "Publish", "<PublishResponse><PublishResult><MessageId>primed</MessageId></PublishResult>"
                        + "</PublishResponse>",
                "/v2/email/outbound-emails", "{\"MessageId\":\"primed\"}",
                "DescribePendingMaintenanceActions", filled("describe-pending-maintenance-actions.xml", values),
                "DescribeDBInstances", filled("describe-db-instances.xml", values),
                "AssumeRole", filled("assume-role.xml", values));
    }

    private static String filled(String resource, Map<String, String> values) {
        String text = new String(sample(resource), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace(v.getKey(), v.getValue());
        }
        return text;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** A file bundled under {@code priming/} (the samples are copied there from events/ by the build). */
    static byte[] sample(String name) {
        try (InputStream in = Priming.class.getResourceAsStream("/priming/" + name)) {
            if (in == null) {
                throw new IllegalStateException("priming/" + name + " is not in the package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
