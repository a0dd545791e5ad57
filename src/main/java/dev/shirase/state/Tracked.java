package dev.shirase.state;

import java.time.Instant;
import java.util.Set;

/**
 * One story as the state table holds it.
 *
 * @param id         the story's identity ({@link Identity})
 * @param version    raised on every write; a write succeeds only on the version it read (optimistic locking)
 * @param known      everything known of the story
 * @param told       the story as the last notice told it
 * @param revision   how many notices were decided (1 for the first)
 * @param pending    the last notice decided, to send again to channels that did not take it
 * @param delivered  the channels that accepted notice {@code revision}
 * @param leaseUntil until when an invocation is sending notice {@code revision}; others leave it alone until then
 * @param raw        the latest delivery of the event as received, for reminders
 * @param deadline   the story's date while it is open, else null
 * @param overdue    the passing of the deadline was already reported
 * @param first      how the first notice named the story: later notices keep its category, obligation and title, so
 *                   that an update whose new text reads differently is still recognisably the same story
 */
public record Tracked(String id, long version, Story known, Story told, int revision, Revision pending,
        Set<String> delivered, Instant leaseUntil, String raw, Instant deadline, boolean overdue,
        FirstTold first) {

    /** The category, obligation and title (Japanese) of a story's first notice. */
    public record FirstTold(String category, String obligation, String title) {
    }

    public Tracked {
        delivered = Set.copyOf(delivered);
        leaseUntil = leaseUntil == null ? Instant.EPOCH : leaseUntil;
    }

    /** Another invocation is sending the latest notice, and its time has not run out. */
    public boolean leasedAt(Instant now) {
        return leaseUntil.isAfter(now);
    }

    /** Still to be reminded of: not done, with a date, and not yet reported as overdue. */
    public boolean isOpen() {
        return deadline != null && !known.isDone() && !overdue;
    }

    /** This story written once more, leased to an invocation until {@code until} (a retry's claim). */
    public Tracked withLease(Instant until) {
        return new Tracked(id, version + 1, known, told, revision, pending, delivered, until, raw, deadline, overdue,
                first);
    }

    /** This story written once more, knowing more than was told: a page kept for later, as it was received. */
    public Tracked withKnown(Story more, String received) {
        return new Tracked(id, version + 1, more, told, revision, pending, delivered, leaseUntil, received, deadline,
                overdue, first);
    }

    /** This story as it would be with {@code done} resources resolved (not written). */
    public Tracked withResolved(Set<String> done) {
        return new Tracked(id, version, known.resolving(done), told, revision, pending, delivered, leaseUntil, raw,
                deadline, overdue, first);
    }

    /** This story written once more, unchanged but for {@code overdue}. */
    public Tracked withOverdue() {
        return new Tracked(id, version + 1, known, told, revision, pending, delivered, leaseUntil, raw, deadline, true,
                first);
    }
}
