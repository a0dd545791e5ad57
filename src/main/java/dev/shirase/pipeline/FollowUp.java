package dev.shirase.pipeline;

import dev.shirase.budget.Budget;
import dev.shirase.classify.Classifier;
import dev.shirase.log.JsonLog;
import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.scan.CompletionCheck;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.Place;
import dev.shirase.scan.ScanAccounts;
import dev.shirase.source.EventReader;
import dev.shirase.state.Changes.Observation;
import dev.shirase.state.Identity;
import dev.shirase.state.StateStore.StateUnavailableException;
import dev.shirase.state.Tracked;
import dev.shirase.state.Tracker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The scan's follow-up of every story the state table holds open: which are still to be done (the digest reminds of
 * them), which AWS shows done (a completion notice each, and no more reminders), and which passed their date with no
 * sign of completion (reported once as overdue, then dropped). RDS pending actions with a date are kept as stories
 * too, so that one that disappears from the list is told as done.
 */
final class FollowUp {
    private static final String PENDING = "pending|";

    private final Tracker tracker;
    private final CompletionCheck completion;
    private final JsonLog log;
    private final EventReader reader = new EventReader();
    private final Classifier classifier = new Classifier();
    private final PendingNotices pendingNotices = new PendingNotices();

    FollowUp(Tracker tracker, CompletionCheck completion, JsonLog log) {
        this.tracker = tracker;
        this.completion = completion;
        this.log = log;
    }

    /**
     * What the follow-up found.
     *
     * @param events      open AWS Health stories with a date, for the digest
     * @param overdue     stories whose date passed with no sign of completion, reported for the first time
     * @param completions completion notices to send, each already claimed in the table
     * @param unavailable why the table could not be used, or null
     * @param sequences   by story id, the SEQUENCE of its calendar entry as the last notice or digest gave it
     */
    record Found(List<Notice> events, List<Notice> overdue, List<Tracker.Send> completions, String unavailable,
            Map<String, Integer> sequences) {
        static final Found NOTHING = new Found(List.of(), List.of(), List.of(), null, Map.of());
    }

    /**
     * @param readInFull the places (account and region) whose pending actions, and their databases' details, this scan
     *                   read: only there is an action that is no longer listed gone
     * @param accounts   the accounts this scan reads, and how
     */
    Found run(List<Notice> pending, Set<Place> readInFull, ScanAccounts accounts, Collection<String> channels,
            Instant now, Budget budget, Duration lease) {
        if (!tracker.hasState()) {
            return Found.NOTHING;
        }
        try {
            List<Tracked> open = tracker.openStories(budget);
            Map<String, Integer> sequences = new HashMap<>();
            open.forEach(story -> sequences.put(story.id(), story.revision() - 1));
            Set<String> listed = remember(pending, open, sequences, budget);
            List<Notice> events = new ArrayList<>();
            List<Notice> overdue = new ArrayList<>();
            List<Tracker.Send> completions = new ArrayList<>();
            for (Tracked story : open) {
                try {
                    followUp(story, listed, readInFull, accounts, channels, now, budget, lease, events, overdue,
                            completions);
                } catch (StateUnavailableException e) {
                    throw e;
                } catch (RuntimeException defect) {
                    // One story that cannot be read again must not hide the others.
                    log.error("could not follow up a story", Map.of("story", story.id(), "error", String.valueOf(defect)));
                }
            }
            return new Found(events, overdue, completions, null, sequences);
        } catch (StateUnavailableException e) {
            log.error("state table unavailable; the digest goes out without AWS Health reminders",
                    Map.of("error", String.valueOf(e.getMessage())));
            return new Found(List.of(), List.of(), List.of(), e.getMessage(), Map.of());
        }
    }

    /**
     * Keeps the required pending actions with a date that are not open stories already with that date; returns the
     * identities of every action listed now. The revisions written go into {@code sequences}.
     */
    private Set<String> remember(List<Notice> pending, List<Tracked> open, Map<String, Integer> sequences,
            Budget budget) {
        Map<String, Tracked> openById = new HashMap<>();
        open.forEach(story -> openById.put(story.id(), story));
        Set<String> listed = new HashSet<>();
        for (Notice notice : pending) {
            Optional<String> id = Identity.of(notice.announcement());
            id.ifPresent(listed::add);
            if (notice.obligation() == Obligation.REQUIRED && notice.deadline() != null && id.isPresent()
                    && !Objects.equals(id.map(openById::get).map(Tracked::deadline).orElse(null),
                            notice.deadline().at())) {
                sequences.put(id.get(), tracker.remember(notice, notice.announcement().raw(), budget) - 1);
            }
        }
        return listed;
    }

    private void followUp(Tracked story, Set<String> listed, Set<Place> readInFull, ScanAccounts accounts,
            Collection<String> channels, Instant now, Budget budget, Duration lease, List<Notice> events,
            List<Notice> overdue, List<Tracker.Send> completions) {
        if (story.id().startsWith(PENDING)) {
            if (listed.contains(story.id())) {
                return;
            }
            Notice notice = pendingNotices.fromRaw(story.raw());
            // Gone from a place that was read in full: applied, or withdrawn. A place not read (a region or an account that
            // could not be read, or one this scan does not cover) says nothing.
            if (accounts.placeOf(notice.announcement().account(), notice.announcement().region())
                    .filter(readInFull::contains).isPresent()) {
                Set<String> all = new HashSet<>(notice.announcement().resourceIds());
                claimed(tracker.resolve(story, notice, all, Observation.PENDING_ACTION_GONE, channels, budget, lease),
                        completions);
            }
            return;
        }
        Notice notice = Tracker.storyNotice(reread(story), story);
        Set<String> done = doneByAws(notice, accounts, budget);
        if (!done.isEmpty()) {
            Tracker.Plan plan = tracker.resolve(story, notice, done, Observation.EC2_EVENT_GONE, channels, budget, lease);
            if (claimed(plan, completions)) {
                return;
            }
            notice = Tracker.storyNotice(notice, story.withResolved(done));
        }
        if (notice.deadline() != null && Jst.daysBetween(now, notice.deadline().at()) < 0) {
            if (tracker.markOverdue(story, budget)) {
                overdue.add(notice);
            }
            return;
        }
        events.add(notice);
    }

    /** True when the plan is a completion to send. */
    private static boolean claimed(Tracker.Plan plan, List<Tracker.Send> completions) {
        if (plan instanceof Tracker.Send send) {
            completions.add(send);
            return true;
        }
        return false;
    }

    /** The resources AWS shows done; none when it cannot tell, or could not be asked. */
    private Set<String> doneByAws(Notice notice, ScanAccounts accounts, Budget budget) {
        try {
            Set<String> done = new HashSet<>(completion.done(notice, accounts, budget));
            notice.announcement().resources().stream().filter(r -> "RESOLVED".equals(r.status()))
                    .map(AffectedResource::id).forEach(done::remove);
            return done;
        } catch (RuntimeException e) {
            log.warn("could not check whether the work is done", new LinkedHashMap<>(Map.of(
                    "eventArn", String.valueOf(notice.announcement().eventArn()), "error", String.valueOf(e))));
            return Set.of();
        }
    }

    /** The story's event as received, read and classified again. */
    private Notice reread(Tracked story) {
        if (story.raw() == null) {
            throw new IllegalStateException("story " + story.id() + " keeps no event");
        }
        return classifier.classify(reader.read(story.raw().getBytes(StandardCharsets.UTF_8)));
    }
}
