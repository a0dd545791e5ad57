package dev.shirase.pipeline;

import dev.shirase.account.AccountNames;
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
import dev.shirase.notice.Translation;
import dev.shirase.render.MinimalNotice;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedNotice;
import dev.shirase.source.EventReader;
import dev.shirase.state.Revision;
import dev.shirase.state.Tracker;
import dev.shirase.translate.Chunks;
import dev.shirase.translate.Translating;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /** The state table's share of the working time for deciding and claiming, at most {@link #MAX_STATE}. */
    static final double STATE = 0.15;
    static final Duration MAX_STATE = Duration.ofSeconds(5);
    /**
     * The account lookup's share (its OUs and its name, from AWS Organizations), at most {@link #MAX_ACCOUNTS}. Most
     * invocations need no call: what Organizations said is kept per container.
     */
    static final double ACCOUNTS = 0.1;
    static final Duration MAX_ACCOUNTS = Duration.ofSeconds(5);
    /**
     * The translation's share of the working time, at most {@link #MAX_TRANSLATION}. It runs beside enrichment, so a
     * notice waits for it only as long as it takes beyond the lookups, and never beyond this share.
     */
    static final double TRANSLATION = 0.25;
    static final Duration MAX_TRANSLATION = Duration.ofSeconds(10);
    /** The preview waits for a translation as a person would at a terminal; nothing else there is bounded by time. */
    static final Duration PREVIEW_TRANSLATION = Duration.ofSeconds(60);
    /** Beyond its share, the translation's last answer may still be arriving. */
    private static final Duration TRANSLATION_GRACE = Duration.ofMillis(500);

    private final EventReader reader = new EventReader();
    private final Classifier classifier = new Classifier();
    private final Enricher enricher;
    private final List<Channel> channels;
    private final Routing routing;
    private final Tracker tracker;
    private final Accounts accounts;
    /** The original's machine translation, or null when none is configured. */
    private final Translating translating;
    private final Clock clock;
    private final JsonLog log;
    private final Metrics metrics;

    public NoticePipeline(Enricher enricher, List<Channel> channels, Clock clock, JsonLog log, Metrics metrics) {
        this(enricher, channels, Routing.EVERYTHING, Tracker.none(clock), clock, log, metrics);
    }

    public NoticePipeline(Enricher enricher, List<Channel> channels, Routing routing, Clock clock, JsonLog log,
            Metrics metrics) {
        this(enricher, channels, routing, Tracker.none(clock), clock, log, metrics);
    }

    /**
     * @param routing what the user chose not to hear of, and each channel's minimum obligation
     * @param tracker the state table ({@link Tracker#none} without one)
     */
    public NoticePipeline(Enricher enricher, List<Channel> channels, Routing routing, Tracker tracker, Clock clock,
            JsonLog log, Metrics metrics) {
        this(enricher, channels, routing, tracker, Accounts.NONE, clock, log, metrics);
    }

    /**
     * @param accounts the names of accounts, and the extra channels of each account's notices
     */
    public NoticePipeline(Enricher enricher, List<Channel> channels, Routing routing, Tracker tracker,
            Accounts accounts, Clock clock, JsonLog log, Metrics metrics) {
        this(enricher, channels, routing, tracker, accounts, null, clock, log, metrics);
    }

    private NoticePipeline(Enricher enricher, List<Channel> channels, Routing routing, Tracker tracker,
            Accounts accounts, Translating translating, Clock clock, JsonLog log, Metrics metrics) {
        this.enricher = enricher;
        this.translating = translating;
        this.channels = List.copyOf(channels);
        this.routing = routing;
        this.tracker = tracker;
        this.accounts = accounts;
        this.clock = clock;
        this.log = log;
        this.metrics = metrics;
    }

    /** A pipeline that only renders (the preview): no enrichment, no channels, no metrics. */
    public static NoticePipeline renderOnly(Clock clock) {
        return renderOnly(clock, AccountNames.NONE);
    }

    /** A pipeline that only renders, naming accounts as {@code names} does (and asking AWS nothing). */
    public static NoticePipeline renderOnly(Clock clock, AccountNames names) {
        JsonLog silent = JsonLog.silent();
        return new NoticePipeline(Enricher.NONE, List.of(), Routing.EVERYTHING, Tracker.none(clock),
                Accounts.named(names), clock, silent, new Metrics(silent, "preview"));
    }

    /** This pipeline, with the notices' English original translated by {@code translating} (null: not translated). */
    public NoticePipeline translatingWith(Translating translating) {
        return new NoticePipeline(enricher, channels, routing, tracker, accounts, translating, clock, log, metrics);
    }

    /** The notice an input becomes, without delivering it: what the preview shows. */
    public RenderedNotice render(byte[] input) {
        Notice understood = understand(input);
        // Nothing but a translation takes time here (no lookups): give it what a person at a terminal would wait.
        return render(understood, Revision.FIRST, 0, input, Budget.of(Duration.ZERO), Budget.of(PREVIEW_TRANSLATION),
                accounts.configuredName(understood));
    }

    /**
     * What the stateful path would send for an input, given the state table as it is now; nothing is written or sent.
     *
     * @param rendered the notice that would go out, or null when none would
     * @param notSent  why none would (a repeat, a page kept for later), else null
     */
    public record Foreseen(RenderedNotice rendered, Notice notice, String notSent) {
    }

    /** The preview of the stateful path ({@code preview --state}); throws when the table cannot be read. */
    public Foreseen foresee(byte[] input, List<String> channelNames, Budget budget) {
        Notice understood = understand(input);
        Tracker.Plan plan = tracker.foresee(understood, channelNames, budget);
        if (plan instanceof Tracker.Quiet quiet) {
            return new Foreseen(null, understood, quiet.why());
        }
        Revision revision = plan instanceof Tracker.Send send ? send.revision() : Revision.FIRST;
        RenderedNotice rendered = render(plan.notice(), revision, sequence(plan), input, budget,
                accounts.configuredName(understood));
        return new Foreseen(rendered, rendered.notice(), null);
    }

    /** The time left for work once the reserve at the end of {@code invocation} is set aside. */
    public static Budget working(Budget invocation) {
        Duration reserve = Duration.ofNanos((long) (invocation.remaining().toNanos() * RESERVE));
        return invocation.less(reserve.compareTo(MIN_RESERVE) < 0 ? MIN_RESERVE : reserve);
    }

    public Outcome process(byte[] input, Budget invocation) {
        Budget working = working(invocation);
        Notice understood = understand(input);
        Map<String, Object> fields = fields(understood);
        Optional<String> excluded = routing.exclusion(understood);
        if (excluded.isPresent()) {
            // The user chose not to hear of it: nothing to send or remember, and nothing failed.
            fields.put("outcome", "filtered");
            fields.put("filtered", excluded.get());
            log.info("notice filtered", fields);
            return Outcome.filtered(understood, null, excluded.get());
        }
        // Before the state table: a retry must know every channel the notice goes to, the account's topics included.
        Accounts.Found account = accounts.find(understood, working.share(ACCOUNTS, MAX_ACCOUNTS), log);
        List<Channel> all = new ArrayList<>(channels);
        all.addAll(account.channels());
        Tracker.Plan plan = plan(understood, new String(input, StandardCharsets.UTF_8), all, working);
        if (plan instanceof Tracker.Quiet quiet) {
            fields.put("outcome", "not sent");
            fields.put("why", quiet.why());
            log.info("notice processed", fields);
            return Outcome.quiet(understood, quiet.why());
        }
        Revision revision = plan instanceof Tracker.Send send ? send.revision() : Revision.FIRST;
        List<Channel> to = plan instanceof Tracker.Send send
                ? all.stream().filter(c -> !send.delivered().contains(c.name())).toList()
                : all;
        Notice notice = plan.notice();
        Outgoing message;
        try {
            RenderedNotice rendered = render(notice, revision, sequence(plan), input, working, account.name());
            notice = rendered.notice();
            message = rendered;
        } catch (RuntimeException | Error defect) {
            // Even the fallback notice could not be rendered: send what was received, as it is.
            log.error("could not render any notice; sending the minimal one", Map.of("error", String.valueOf(defect)));
            message = MinimalNotice.ofRaw(new String(input, StandardCharsets.UTF_8),
                    "internal error while rendering the notice: " + defect);
        }
        fields.put("revision", revision.kind().name());
        Routing.Route route = routing.route(notice, to);
        if (route.filtered() != null) {
            // Below every channel's minimum (its obligation may have been settled by enrichment): nothing failed.
            if (plan instanceof Tracker.Send send) {
                finish(send, List.of(), route.withheld(), working);
            }
            fields.put("outcome", "filtered");
            fields.put("filtered", route.filtered());
            log.info("notice filtered", fields);
            return Outcome.filtered(notice, message, route.filtered());
        }
        if (!route.withheld().isEmpty()) {
            fields.put("belowMinimumOf", route.withheld());
        }
        Dispatch dispatch = Dispatch.send(message, route.channels(), working, log, fields);
        dispatch.count(metrics, notice == null ? Category.UNCLASSIFIED.name() : notice.category().name());
        boolean tracked = false;
        if (plan instanceof Tracker.Send send) {
            tracked = finish(send, dispatch.delivered(), route.withheld(), working);
        }
        Outcome outcome = new Outcome(notice, message, dispatch, null, null, tracked);
        fields.put("outcome", outcome.deliveredNowhere() ? "failed"
                : dispatch.failures().isEmpty() ? "delivered" : "partly delivered");
        fields.put("delivered", dispatch.delivered());
        if (!dispatch.fallbacks().isEmpty()) {
            fields.put("minimalNoticeSentTo", dispatch.fallbacks().keySet());
        }
        log.info("notice processed", fields);
        return outcome;
    }

    /**
     * What the state table says of this delivery. The table gets a share of the time; when it cannot answer, the notice
     * goes out without it: a repeated notice is better than a lost one.
     */
    private Tracker.Plan plan(Notice understood, String raw, List<Channel> to, Budget working) {
        Tracker.Plan plan;
        try {
            plan = tracker.begin(understood, to.stream().map(Channel::name).toList(), raw,
                    working.share(STATE, MAX_STATE), working.remaining());
        } catch (RuntimeException defect) {
            plan = new Tracker.Untracked(understood, "state could not be used: " + defect);
        }
        if (plan instanceof Tracker.Untracked untracked && untracked.unavailable() != null) {
            stateUnavailable(untracked.unavailable(), understood);
        }
        return plan;
    }

    /**
     * Records which channels are done with the notice: those that took it, and those whose minimum it does not meet.
     * True when it was recorded, so that a retry sends only to the rest.
     */
    private boolean finish(Tracker.Send send, List<String> delivered, List<String> withheld, Budget working) {
        try {
            List<String> done = new ArrayList<>(delivered);
            done.addAll(withheld);
            tracker.finish(send, done, working);
            return true;
        } catch (RuntimeException e) {
            stateUnavailable(String.valueOf(e.getMessage()), null);
            return false;
        }
    }

    private void stateUnavailable(String why, Notice notice) {
        Map<String, Object> fields = fields(notice);
        fields.put("error", why);
        log.error("state table unavailable; the notice goes out without state", fields);
        metrics.count(Metrics.STATE_UNAVAILABLE);
    }

    /**
     * The notice's place in its story, for its calendar entry's SEQUENCE: 0 for the first and without the state table,
     * where every notice stands for itself.
     */
    private static int sequence(Tracker.Plan plan) {
        return plan instanceof Tracker.Send send ? send.number() - 1 : 0;
    }

    /** @param accountName the name of the notice's account, or null */
    private RenderedNotice render(Notice understood, Revision revision, int sequence, byte[] input, Budget working,
            String accountName) {
        return render(understood, revision, sequence, input, working, working.share(TRANSLATION, MAX_TRANSLATION),
                accountName);
    }

    private RenderedNotice render(Notice understood, Revision revision, int sequence, byte[] input, Budget working,
            Budget translationShare, String accountName) {
        Future<Translation> translation = startTranslation(understood, translationShare);
        Notice enriched = enrich(understood.withAccountName(accountName), working);
        try {
            return RenderedNotice.of(enriched, clock.instant(), revision,
                    awaitTranslation(translation, translationShare, understood), sequence);
        } catch (RuntimeException | Error defect) {
            log.error("could not render notice", Map.of("error", String.valueOf(defect)));
            return RenderedNotice.of(fallback(input, "internal error while rendering the notice: " + defect),
                    clock.instant());
        }
    }

    /**
     * Starts translating the notice's English original on a thread of its own, within its share of the time; null when
     * no translation is configured or there is no original.
     */
    private Future<Translation> startTranslation(Notice notice, Budget share) {
        String original = notice.announcement().description();
        if (translating == null || original == null || original.isBlank()) {
            return null;
        }
        FutureTask<Translation> task = new FutureTask<>(() -> translating.translate(original, share));
        Thread.ofPlatform().daemon().name("translation").start(task);
        return task;
    }

    /** The translation, or, if it has not ended (it ends with its share, so this is a defect's doing), none shown. */
    private Translation awaitTranslation(Future<Translation> translation, Budget share, Notice notice) {
        if (translation == null) {
            return null;
        }
        try {
            return translation.get(share.remaining().plus(TRANSLATION_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.error("translation did not end; the notice goes out without it", Map.of("error", String.valueOf(e)));
        }
        translation.cancel(true);
        return new Translation(Chunks.paragraphs(notice.announcement().description()).stream()
                .map(p -> Translation.Paragraph.missing(p, Translation.Gap.TIMED_OUT, List.of())).toList(), List.of());
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
        if (a.account() != null) {
            fields.put("account", a.account());
        }
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
