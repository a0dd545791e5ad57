package dev.shirase.state;

import dev.shirase.budget.Budget;
import dev.shirase.notice.Category;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Stage;
import dev.shirase.state.Lifecycle.Decision;
import dev.shirase.state.Tracked.FirstTold;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The notifier's memory: for each delivery, whether and what to tell, decided against the state table and claimed with
 * a conditional write, so that of two concurrent deliveries only one sends. A notice that a channel did not take is
 * sent again, to that channel only, when Lambda retries the invocation.
 */
public final class Tracker {
    /** Attempts to decide and claim when other invocations keep writing the same story first. */
    static final int ATTEMPTS = 4;

    private final StateStore store;
    private final Clock clock;

    /** {@code store} null: no state table, every delivery is told as a first notice. */
    public Tracker(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** With the table {@code SHIRASE_STATE_TABLE} names, or none when it is not set. */
    public static Tracker fromEnvironment(java.util.Map<String, String> env, dev.shirase.aws.AwsClients clients,
            Clock clock) {
        String table = env.get(StateTable.ENV);
        return table == null || table.isBlank() ? none(clock)
                : new Tracker(new DynamoStateStore(clients.dynamoDb(), table.strip()), clock);
    }

    public static Tracker none(Clock clock) {
        return new Tracker(null, clock);
    }

    public boolean hasState() {
        return store != null;
    }

    /** What to do with one delivery. */
    public sealed interface Plan {
        Notice notice();
    }

    /**
     * Send without state: there is no table, the input belongs to no story, or the table could not be reached.
     *
     * @param unavailable why the table could not be used, or null when there is none or the input has no story
     */
    public record Untracked(Notice notice, String unavailable) implements Plan {
    }

    /** Send nothing, and why: a repeat, a page kept for later, a notice another invocation is sending. */
    public record Quiet(Notice notice, String why) implements Plan {
    }

    /**
     * Send {@code notice} to the channels not in {@code delivered}, then {@link #finish} it.
     *
     * @param number    which notice of the story this is
     * @param delivered channels that already took it (a retry)
     */
    public record Send(Notice notice, Revision revision, String id, int number, Set<String> delivered)
            implements Plan {
    }

    /**
     * Decides what a delivery calls for and claims it.
     *
     * @param channels the channels the notice would go to
     * @param raw      the input as received, kept for reminders
     * @param budget   for the table's calls
     * @param lease    how long this invocation may take to send: others leave the notice to it until then
     */
    public Plan begin(Notice understood, Collection<String> channels, String raw, Budget budget, Duration lease) {
        Optional<String> identity = trackable(understood);
        if (identity.isEmpty()) {
            return new Untracked(understood, null);
        }
        String id = identity.get();
        Story arriving = Story.of(understood);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Instant now = clock.instant();
                Optional<Tracked> stored = store.read(id, budget);
                Optional<Plan> plan = claim(id, stored.orElse(null), decide(stored, arriving), understood, raw,
                        channels, now, now.plus(lease), budget, true);
                if (plan.isPresent()) {
                    return plan.get();
                }
            }
            return new Untracked(understood, "other invocations kept writing story " + id + " first; sent without state");
        } catch (StateStore.StateUnavailableException e) {
            return new Untracked(understood, e.getMessage());
        }
    }

    /**
     * What {@link #begin} would decide for this delivery, reading the table and writing nothing: the preview of the
     * stateful path. Throws {@link StateStore.StateUnavailableException} when the table cannot be read.
     */
    public Plan foresee(Notice understood, Collection<String> channels, Budget budget) {
        Optional<String> identity = trackable(understood);
        if (identity.isEmpty()) {
            return new Untracked(understood, null);
        }
        Instant now = clock.instant();
        Optional<Tracked> stored = store.read(identity.get(), budget);
        return claim(identity.get(), stored.orElse(null), decide(stored, Story.of(understood)), understood, null,
                channels, now, now, budget, false).orElseThrow();
    }

    /** The story a delivery belongs to, when there is a table and the input was read. */
    private Optional<String> trackable(Notice understood) {
        return store == null || understood.announcement().readError() != null ? Optional.empty()
                : Identity.of(understood.announcement());
    }

    private static Decision decide(Optional<Tracked> stored, Story arriving) {
        return stored.isEmpty() ? new Lifecycle.Tell(Revision.FIRST, arriving)
                : Lifecycle.decide(stored.get().told(), stored.get().known(), arriving);
    }

    /**
     * The plan for a decision, once its write succeeded; empty when another invocation wrote first. With {@code write}
     * false, the plan alone, nothing written (the preview).
     *
     * @param stored the story as read, or null at first sight
     */
    private Optional<Plan> claim(String id, Tracked stored, Decision decision, Notice understood, String raw,
            Collection<String> channels, Instant now, Instant lease, Budget budget, boolean write) {
        return switch (decision) {
            case Lifecycle.Repeat repeat -> {
                Set<String> missing = new LinkedHashSet<>(channels);
                missing.removeAll(stored.delivered());
                if (missing.isEmpty()) {
                    yield Optional.of(new Quiet(understood, "repeat: notice " + stored.revision() + " of this story was"
                            + " already delivered to " + String.join(", ", new TreeSet<>(stored.delivered()))));
                }
                if (stored.leasedAt(now)) {
                    yield Optional.of(new Quiet(understood, "repeat: another invocation is sending notice "
                            + stored.revision() + " of this story"));
                }
                yield !write || store.write(stored.withLease(lease), now, budget)
                        ? Optional.of(new Send(noticeOf(understood, stored.known(), stored.pending(), stored.first()),
                                stored.pending(), id, stored.revision(), stored.delivered()))
                        : Optional.empty();
            }
            case Lifecycle.Keep keep -> !write || store.write(stored.withKnown(keep.story(), raw), now, budget)
                    ? Optional.of(new Quiet(understood, "kept: page " + pagesOf(keep.story()) + " of this event;"
                            + " the resources of every page are told together once all have arrived"))
                    : Optional.empty();
            case Lifecycle.Tell tell -> {
                FirstTold first = stored == null || stored.first() == null ? firstTold(understood) : stored.first();
                Notice notice = noticeOf(understood, tell.story(), tell.revision(), first);
                Instant deadline = remindable(notice) && !tell.story().isDone() ? notice.deadline().at() : null;
                int number = stored == null ? 1 : stored.revision() + 1;
                Tracked told = new Tracked(id, stored == null ? 1 : stored.version() + 1, tell.story(), tell.story(),
                        number, tell.revision(), Set.of(), lease, raw, deadline,
                        stored != null && stored.overdue() && Objects.equals(stored.deadline(), deadline), first);
                yield !write || store.write(told, now, budget)
                        ? Optional.of(new Send(notice, tell.revision(), id, number, Set.of()))
                        : Optional.empty();
            }
        };
    }

    /** Every open story with a date, for the scan's reminders. */
    public List<Tracked> openStories(Budget budget) {
        return store.open(budget);
    }

    /**
     * Keeps a story the scan found (an RDS pending action) without telling it: the digest does. Written when new or
     * when its date moved, so that its disappearance can be told later; a concurrent write by another scan wins. A date
     * that moved counts as a revision, so that the digest's calendar entry moves with it.
     *
     * @return the story's revision as stored now (1 when first seen), or 0 without a table or an identity
     */
    public int remember(Notice notice, String raw, Budget budget) {
        Optional<String> id = Identity.of(notice.announcement());
        if (store == null || id.isEmpty()) {
            return 0;
        }
        Instant deadline = notice.deadline() == null ? null : notice.deadline().at();
        Optional<Tracked> stored = store.read(id.get(), budget);
        if (stored.isPresent() && Objects.equals(stored.get().deadline(), deadline) && stored.get().isOpen()) {
            return stored.get().revision();
        }
        Story story = Story.of(notice);
        long version = stored.map(t -> t.version() + 1).orElse(1L);
        int revision = stored.map(t -> t.revision() + 1).orElse(1);
        boolean written = store.write(new Tracked(id.get(), version, story, story, revision, Revision.FIRST, Set.of(),
                Instant.EPOCH, raw, deadline, false, firstTold(notice)), clock.instant(), budget);
        return written ? revision : stored.map(Tracked::revision).orElse(1);
    }

    /**
     * What the scan found out for itself: {@code done} resources of a story finished. When nothing is left, a
     * completion notice, claimed here, to be sent like any other and then {@link #finish}ed. When some are left, nothing
     * is written: the scan asks again tomorrow, and the digest shows what is still open.
     */
    public Plan resolve(Tracked stored, Notice notice, Set<String> done, Changes.Observation observed,
            Collection<String> channels, Budget budget, Duration lease) {
        Story arriving = stored.known().resolving(done);
        if (!arriving.isDone()) {
            return new Quiet(notice, "partly done: " + done.size() + " of " + arriving.resources().size());
        }
        Decision decision = new Lifecycle.Tell(new Revision(Revision.Kind.COMPLETION,
                Changes.between(stored.told(), arriving).observedBy(observed)), arriving);
        Instant now = clock.instant();
        return claim(stored.id(), stored, decision, notice, stored.raw(), channels, now, now.plus(lease), budget, true)
                .orElseGet(() -> new Quiet(notice, "another invocation changed story " + stored.id() + " meanwhile"));
    }

    /** The notice of a stored story, from its event read again: every page's resources, as first named. */
    public static Notice storyNotice(Notice reread, Tracked story) {
        return noticeOf(reread, story.known(), story.pending(), story.first());
    }

    /** Reports a story's date as passed, once: it leaves the open stories. False when another scan wrote first. */
    public boolean markOverdue(Tracked stored, Budget budget) {
        return store.write(stored.withOverdue(), clock.instant(), budget);
    }

    /** Records which channels took notice {@code send.number()}, and lets the story go for the next invocation. */
    public void finish(Send send, Collection<String> delivered, Budget budget) {
        store.delivered(send.id(), send.number(), Set.copyOf(delivered), true, budget);
    }

    private static String pagesOf(Story story) {
        return story.pages().size() + "/" + story.totalPages();
    }

    /**
     * A story the scan reminds of until it is done: an AWS Health event with a date that asks something of the reader.
     * RDS events tell what happened at one moment (their pending actions are the scan's own), and information is not
     * work to be done.
     */
    static boolean remindable(Notice notice) {
        return notice.announcement().origin() == Origin.HEALTH_EVENT && notice.deadline() != null
                && notice.obligation() != Obligation.INFORMATION && notice.category() != Category.UNCLASSIFIED;
    }

    static FirstTold firstTold(Notice notice) {
        return new FirstTold(notice.category().name(), notice.obligation().name(), notice.title());
    }

    /**
     * The notice of a story: every page's resources, the stage a completion calls for, and the first notice's category,
     * obligation and title (the text of an update may read differently, but it is the same story).
     */
    static Notice noticeOf(Notice understood, Story story, Revision revision, FirstTold first) {
        Notice named = understood;
        if (first != null && !Category.UNCLASSIFIED.name().equals(first.category())
                && understood.category() != Category.UNCLASSIFIED) {
            named = new Notice(understood.announcement(), Category.valueOf(first.category()),
                    Obligation.valueOf(first.obligation()), understood.stage(), understood.deadline(), first.title(),
                    understood.rule(), understood.databases(), understood.accountName());
        }
        Stage stage = revision.kind() == Revision.Kind.COMPLETION || story.isDone() ? Stage.COMPLETED : named.stage();
        return story.tellAll(named, stage);
    }
}
