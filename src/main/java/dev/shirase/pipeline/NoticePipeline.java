package dev.shirase.pipeline;

import dev.shirase.budget.Budget;
import dev.shirase.classify.Classifier;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.Dispatch;
import dev.shirase.deliver.Routing;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Category;
import dev.shirase.notice.Notice;
import dev.shirase.render.MinimalNotice;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedNotice;
import dev.shirase.source.EventReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * read -> classify -> enrich -> render -> route -> deliver, for one input, each stage its own failure domain: whatever
 * fails, a notice still goes out, in its minimal form when nothing better can be made. Without channels it only renders
 * (the preview); processing then counts as delivered nowhere. Routing may leave out a notice the user chose not to
 * hear of, or keep it from a channel ({@link Routing}); a notice that could not be read always goes out.
 *
 * <p>Time: the invocation's budget keeps a reserve at the end (to log, count and return before Lambda's timeout);
 * enrichment gets a small share of the rest and is skipped when that share is too short to be useful; the channels
 * share what is left, side by side.
 */
public final class NoticePipeline {
    /** Kept back at the end of the invocation: this fraction of it, at least {@link #MIN_RESERVE}. */
    static final double RESERVE = 0.1;
    static final Duration MIN_RESERVE = Duration.ofMillis(500);
    /** Enrichment's share of what is left after the reserve, at most {@link #MAX_ENRICHMENT}. */
    static final double ENRICHMENT = 0.2;
    static final Duration MAX_ENRICHMENT = Duration.ofSeconds(8);
    /** Below this, enrichment is skipped: a lookup would not finish, and delivery needs the time more. */
    static final Duration MIN_ENRICHMENT = Duration.ofSeconds(1);

    private final EventReader reader = new EventReader();
    private final Classifier classifier = new Classifier();
    private final Enricher enricher;
    private final List<Channel> channels;
    private final Routing routing;
    private final Clock clock;
    private final JsonLog log;
    private final Metrics metrics;

    public NoticePipeline(Enricher enricher, List<Channel> channels, Clock clock, JsonLog log, Metrics metrics) {
        this(enricher, channels, Routing.EVERYTHING, clock, log, metrics);
    }

    public NoticePipeline(Enricher enricher, List<Channel> channels, Routing routing, Clock clock, JsonLog log,
            Metrics metrics) {
        this.enricher = enricher;
        this.channels = List.copyOf(channels);
        this.routing = routing;
        this.clock = clock;
        this.log = log;
        this.metrics = metrics;
    }

    /** A pipeline that only renders (the preview): no enrichment, no channels, no metrics. */
    public static NoticePipeline renderOnly(Clock clock) {
        JsonLog silent = JsonLog.silent();
        return new NoticePipeline(Enricher.NONE, List.of(), clock, silent, new Metrics(silent, "preview"));
    }

    /** The notice an input becomes, without delivering it: what the preview shows. */
    public RenderedNotice render(byte[] input) {
        return render(input, Budget.of(Duration.ZERO));
    }

    /** The time left for work once the reserve at the end of {@code invocation} is set aside. */
    public static Budget working(Budget invocation) {
        Duration reserve = Duration.ofNanos((long) (invocation.remaining().toNanos() * RESERVE));
        return invocation.less(reserve.compareTo(MIN_RESERVE) < 0 ? MIN_RESERVE : reserve);
    }

    public Outcome process(byte[] input, Budget invocation) {
        Budget working = working(invocation);
        Notice notice = null;
        Outgoing message;
        try {
            RenderedNotice rendered = render(input, working);
            notice = rendered.notice();
            message = rendered;
        } catch (RuntimeException | Error defect) {
            // Even the fallback notice could not be rendered: send what was received, as it is.
            log.error("could not render any notice; sending the minimal one", Map.of("error", String.valueOf(defect)));
            message = MinimalNotice.ofRaw(new String(input, StandardCharsets.UTF_8),
                    "internal error while rendering the notice: " + defect);
        }
        Map<String, Object> fields = fields(notice);
        Routing.Route route = routing.route(notice, channels);
        if (route.filtered() != null) {
            // The user chose not to hear of it: nothing to send, and nothing failed.
            fields.put("outcome", "filtered");
            fields.put("filtered", route.filtered());
            log.info("notice filtered", fields);
            return new Outcome(notice, message, Dispatch.none(), route.filtered());
        }
        if (!route.withheld().isEmpty()) {
            fields.put("belowMinimumOf", route.withheld());
        }
        Dispatch dispatch = Dispatch.send(message, route.channels(), working, log, fields);
        dispatch.count(metrics, notice == null ? Category.UNCLASSIFIED.name() : notice.category().name());
        Outcome outcome = new Outcome(notice, message, dispatch);
        fields.put("outcome", outcome.deliveredNowhere() ? "failed"
                : dispatch.failures().isEmpty() ? "delivered" : "partly delivered");
        fields.put("delivered", dispatch.delivered());
        if (!dispatch.fallbacks().isEmpty()) {
            fields.put("minimalNoticeSentTo", dispatch.fallbacks().keySet());
        }
        log.info("notice processed", fields);
        return outcome;
    }

    private RenderedNotice render(byte[] input, Budget working) {
        Notice notice = understand(input);
        Notice enriched = enrich(notice, working);
        try {
            return RenderedNotice.of(enriched, clock.instant());
        } catch (RuntimeException | Error defect) {
            log.error("could not render notice", Map.of("error", String.valueOf(defect)));
            return RenderedNotice.of(fallback(input, "internal error while rendering the notice: " + defect),
                    clock.instant());
        }
    }

    private Notice enrich(Notice notice, Budget working) {
        Budget share = working.share(ENRICHMENT, MAX_ENRICHMENT);
        if (share.isShorterThan(MIN_ENRICHMENT)) {
            return notice;
        }
        try {
            return enricher.enrich(notice, share);
        } catch (RuntimeException | Error defect) {
            log.error("could not enrich notice; it goes out without", Map.of("error", String.valueOf(defect)));
            return notice;
        }
    }

    /** Reads and classifies; a defect in either still yields a notice that carries the raw input. */
    private Notice understand(byte[] input) {
        try {
            return classifier.classify(reader.read(input));
        } catch (RuntimeException | Error defect) {
            log.error("could not classify input", Map.of("error", String.valueOf(defect)));
            return fallback(input, "internal error while reading the event: " + defect);
        }
    }

    private Notice fallback(byte[] input, String why) {
        return classifier.classify(Announcement.unrecognized(new String(input, StandardCharsets.UTF_8), null, null,
                null, why));
    }

    private static Map<String, Object> fields(Notice notice) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (notice == null) {
            return fields;
        }
        Announcement a = notice.announcement();
        fields.put("eventId", a.eventId());
        fields.put("eventArn", a.eventArn());
        fields.put("code", a.code());
        fields.put("category", notice.category().name());
        fields.put("obligation", notice.obligation().name());
        fields.put("stage", notice.stage().name());
        fields.put("resources", a.resources().size());
        if (a.readError() != null) {
            fields.put("readError", a.readError());
        }
        return fields;
    }
}
