package dev.shirase.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.account.AccountDirectory;
import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.deliver.Channels;
import dev.shirase.ec2.Ec2Api;
import dev.shirase.ec2.Ec2Completion;
import dev.shirase.json.JsonDocument;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.pipeline.Accounts;
import dev.shirase.pipeline.ScanPipeline;
import dev.shirase.rds.RdsApi;
import dev.shirase.scan.MemberAccounts;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.ScanSettings;
import dev.shirase.source.AwsTimes;
import dev.shirase.state.Tracker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Core;

/**
 * Lambda entry point for the daily scan, run by an EventBridge Scheduler schedule. The event's {@code time} is the
 * scan's "today" (a retried run keeps its day), its {@code account} the function's own account, and its {@code detail}
 * carries the settings (regions, reminder days, digest day, member accounts and their reader role); the environment
 * supplies what the event leaves out.
 */
public final class ScanHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The session name of the reader role in member accounts, as their CloudTrail shows it. */
    static final String SESSION = "shirase-scan";
    private final ScanPipeline pipeline;
    private final Map<String, String> env;
    private final Clock clock;
    /** SnapStart's hooks, held here because org.crac holds the resources registered with it weakly. */
    private final Priming priming;

    /**
     * Used by Lambda: configured from the environment, built once per execution environment. Under SnapStart, the
     * snapshot is taken once {@link Priming} has rehearsed a scan.
     */
    public ScanHandler() {
        this(Map.copyOf(System.getenv()), JsonLog.toStandardError());
    }

    ScanHandler(Map<String, String> env, JsonLog log) {
        AwsClients clients = new AwsClients(env);
        this.pipeline = pipeline(env, clients, log, System.out);
        this.env = Map.copyOf(env);
        this.clock = Clock.systemUTC();
        this.priming = Priming.scanFunction(env, clients, log);
        Core.getGlobalContext().register(priming);
    }

    ScanHandler(Map<String, String> env, Clock clock) {
        this(pipeline(env), env, clock);
    }

    public ScanHandler(ScanPipeline pipeline, Map<String, String> env, Clock clock) {
        this.pipeline = pipeline;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.priming = null;
    }

    static ScanPipeline pipeline(Map<String, String> env) {
        return pipeline(env, JsonLog.toStandardError());
    }

    static ScanPipeline pipeline(Map<String, String> env, JsonLog log) {
        return pipeline(env, new AwsClients(env), log, System.out);
    }

    /** The scan {@code environment} configures, over {@code clients}; the console channel prints to {@code console}. */
    static ScanPipeline pipeline(Map<String, String> environment, AwsClients clients, JsonLog log, PrintStream console) {
        Map<String, String> env = SamLocal.withoutUnresolvedReferences(environment, log);
        Tracker tracker = Tracker.fromEnvironment(env, clients, Clock.systemUTC());
        Accounts accounts = Accounts.fromEnvironment(env, clients, log, Clock.systemUTC());
        return new ScanPipeline(AccountReaders.of(clients, SESSION, RdsApi::new), organization(accounts.directory()),
                Channels.fromEnvironment(env, clients, console), tracker,
                new Ec2Completion(AccountReaders.of(clients, SESSION, Ec2Api::new)), accounts, log,
                Metrics.fromEnvironment(log, env)).translatingWith(NotifyHandler.translation(env, clients, Clock.systemUTC(), log));
    }

    /** A scan of ORGANIZATION reads the accounts AWS Organizations lists as active, in organization mode only. */
    static MemberAccounts organization(AccountDirectory directory) {
        return budget -> directory.activeAccounts(budget).orElseThrow(() -> new IllegalStateException(
                "AWS Organizations did not list the accounts (OrganizationId not set, organizations:ListAccounts "
                        + "denied, or no answer in time; see the log)"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = event(input.readAllBytes());
        Instant scheduled = AwsTimes.parse(event.path("time").asText(null));
        Instant now = scheduled != null ? scheduled : clock.instant();
        ScanSettings settings = ScanSettings.of(event.get("detail"), event.path("account").asText(null), env);

        ScanPipeline.Report report = pipeline.run(now, settings,
                Budget.of(Duration.ofMillis(context.getRemainingTimeInMillis())));

        if (report.failed()) {
            throw new ScanFailedException("scan failed: regions not scanned " + reasons(report.notScanned()) + ", delivery "
                    + report.dispatch().failures());
        }
        output.write(JsonDocument.utf8(json -> {
            json.writeStartObject();
            json.writeStringField("now", now.toString());
            JsonDocument.strings(json, "regions", settings.regions());
            json.writeNumberField("pendingActions", report.notices().size());
            JsonDocument.strings(json, "regionErrors", reasons(report.notScanned()));
            JsonDocument.strings(json, "detailsUnread", reasons(report.detailsUnread()));
            json.writeBooleanField("digestSent", report.digest().isPresent());
            json.writeStringField("subject", report.digest().map(d -> d.subject()).orElse(null));
            JsonDocument.strings(json, "delivered", report.dispatch().delivered());
            ScanPipeline.Stories stories = report.stories();
            json.writeNumberField("openEvents", stories.open());
            json.writeNumberField("overdue", stories.overdue());
            json.writeNumberField("completions", stories.completions().size());
            if (stories.unavailable() != null) {
                json.writeStringField("stateUnavailable", stories.unavailable());
            }
            json.writeEndObject();
        }));
    }

    /**
     * Where to why, as text: {@code {"us-east-1": "THROTTLED: Rate exceeded"}}; a member account's places are
     * {@code 111111111111/us-east-1}, a whole member account its id (see {@link RegionGap#where}).
     */
    private static Map<String, String> reasons(List<RegionGap> gaps) {
        Map<String, String> reasons = new LinkedHashMap<>();
        gaps.forEach(gap -> reasons.put(gap.where(), gap.toString()));
        return reasons;
    }

    /** The scheduled event; anything unreadable is taken as an event with no settings, run now. */
    private static JsonNode event(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : MAPPER.createObjectNode();
        } catch (JsonProcessingException e) {
            return MAPPER.createObjectNode();
        }
    }

    /** Thrown so that Lambda counts the run as failed: the errors alarm fires and the run is retried. */
    public static final class ScanFailedException extends RuntimeException {
        public ScanFailedException(String message) {
            super(message);
        }
    }
}
