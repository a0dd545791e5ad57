package dev.shirase.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.Channels;
import dev.shirase.deliver.ConsoleChannel;
import dev.shirase.deliver.Routing;
import dev.shirase.json.JsonDocument;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.pipeline.Accounts;
import dev.shirase.pipeline.Enricher;
import dev.shirase.pipeline.NoticePipeline;
import dev.shirase.pipeline.Outcome;
import dev.shirase.rds.RdsApi;
import dev.shirase.rds.RdsEnricher;
import dev.shirase.scan.ScanSettings;
import dev.shirase.state.Tracker;
import dev.shirase.translate.Translating;
import dev.shirase.translate.TranslationSetting;
import dev.shirase.translate.Translators;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.crac.Core;

/**
 * Lambda entry point for EventBridge events (AWS Health, Amazon RDS). A stream handler: it receives the event bytes
 * exactly as Lambda passes them, so an event it cannot parse is still delivered whole.
 */
public final class NotifyHandler implements RequestStreamHandler {
    /**
     * The function's own account: a database of another account (an event forwarded from a member account) is looked up
     * through the role {@code SHIRASE_READER_ROLE} there, or not at all without one. Unset, every database is looked up
     * with the function's own credentials.
     */
    public static final String HOME_ACCOUNT = "SHIRASE_HOME_ACCOUNT";
    /** The session name of the reader role in member accounts, as their CloudTrail shows it. */
    static final String SESSION = "shirase-notify";
    private final NoticePipeline pipeline;
    /** SnapStart's hooks, held here because org.crac holds the resources registered with it weakly. */
    private final Priming priming;

    /**
     * Used by Lambda: configured from the environment, built once per execution environment. Under SnapStart, the
     * snapshot is taken once {@link Priming} has rehearsed an invocation.
     */
    public NotifyHandler() {
        this(Map.copyOf(System.getenv()), JsonLog.toStandardError());
    }

    NotifyHandler(Map<String, String> env, JsonLog log) {
        AwsClients clients = new AwsClients(env);
        this.pipeline = fromEnvironment(env, clients, log, System.out);
        this.priming = Priming.notifyFunction(env, clients, log);
        Core.getGlobalContext().register(priming);
    }

    public NotifyHandler(NoticePipeline pipeline) {
        this.pipeline = pipeline;
        this.priming = null;
    }

    /** The SnapStart hooks this handler registered; null for a pipeline given ready-made. */
    Priming priming() {
        return priming;
    }

    static NoticePipeline fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, JsonLog.toStandardError());
    }

    static NoticePipeline fromEnvironment(Map<String, String> env, JsonLog log) {
        return fromEnvironment(env, new AwsClients(env), log, System.out);
    }

    /** The pipeline {@code environment} configures, over {@code clients}; the console channel prints to {@code console}. */
    static NoticePipeline fromEnvironment(Map<String, String> environment, AwsClients clients, JsonLog log,
            PrintStream console) {
        Map<String, String> env = SamLocal.withoutUnresolvedReferences(environment, log);
        Routing routing = Routing.fromEnvironment(env);
        List<Channel> channels = Channels.fromEnvironment(env, clients, console);
        // Printing to the console is the offline mode (no AWS account): RDS is not asked then either.
        boolean offline = channels.stream().allMatch(c -> c instanceof ConsoleChannel);
        if (!offline) {
            // An RDS notice looks its databases up, most often in this region: that client is built while this thread
            // goes on (the rest of the set-up, then reading and classifying the event).
            clients.buildAhead(AwsClients::rds);
        }
        Enricher enricher = offline ? Enricher.NONE : new RdsEnricher(AccountReaders.of(clients, SESSION, RdsApi::new),
                blankToNull(env.get(HOME_ACCOUNT)), blankToNull(env.get(ScanSettings.READER_ROLE)), log);
        Clock clock = Clock.systemUTC();
        Tracker tracker = Tracker.fromEnvironment(env, clients, clock);
        return new NoticePipeline(enricher, channels, routing, tracker, Accounts.fromEnvironment(env, clients, log, clock),
                clock, log, Metrics.fromEnvironment(log, env)).translatingWith(translation(env, clients, clock, log));
    }

    /**
     * The translation {@code SHIRASE_TRANSLATION} configures, or null. A value that cannot be read (the template's
     * pattern keeps it out of a deployed stack) costs the translation, never the notices: it is logged and left out.
     */
    static Translating translation(Map<String, String> env, AwsClients clients, Clock clock, JsonLog log) {
        try {
            return Translators.fromEnvironment(env, clients, clock, log);
        } catch (IllegalArgumentException e) {
            log.error("translation is off: " + e.getMessage(), Map.of("variable", TranslationSetting.ENV));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Budget invocation = Budget.of(Duration.ofMillis(context.getRemainingTimeInMillis()));
        Outcome outcome = pipeline.process(input.readAllBytes(), invocation);
        if (outcome.mustRetry()) {
            // Fail the invocation: Lambda retries it, then hands it to the on-failure destination.
            throw new NoticeNotDeliveredException((outcome.deliveredNowhere() ? "no channel accepted the notice: "
                    : "a channel did not accept the notice; the retry sends to it alone: ")
                    + outcome.dispatch().failures());
        }
        output.write(summary(outcome));
    }

    static byte[] summary(Outcome outcome) {
        Notice n = outcome.notice();
        return JsonDocument.utf8(json -> {
            json.writeStartObject();
            json.writeStringField("eventId", n == null ? null : n.announcement().eventId());
            json.writeStringField("code", n == null ? null : n.announcement().code());
            json.writeStringField("category", n == null ? null : n.category().name());
            json.writeStringField("obligation", n == null ? null : n.obligation().name());
            json.writeStringField("stage", n == null ? null : n.stage().name());
            json.writeStringField("deadline", n == null || n.deadline() == null ? null : Jst.iso(n.deadline().at()));
            json.writeStringField("subject", outcome.message() == null ? null : outcome.message().subject());
            json.writeStringField("filtered", outcome.filtered());
            if (outcome.notSent() != null) {
                json.writeStringField("notSent", outcome.notSent());
            }
            JsonDocument.strings(json, "delivered", outcome.dispatch().delivered());
            JsonDocument.strings(json, "failures", outcome.dispatch().failures());
            if (!outcome.dispatch().fallbacks().isEmpty()) {
                JsonDocument.strings(json, "minimalNotice", outcome.dispatch().fallbacks());
            }
            json.writeEndObject();
        });
    }

    /** Thrown so that Lambda counts the invocation as failed and retries it. */
    public static final class NoticeNotDeliveredException extends RuntimeException {
        public NoticeNotDeliveredException(String message) {
            super(message);
        }
    }
}
