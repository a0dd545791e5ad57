package dev.shirase.state;

/**
 * Decides, from what is known of a story and what was last told, what one more delivery of its event calls for. Pure:
 * the same stories always give the same decision, so a retried or concurrent delivery decides the same.
 */
public final class Lifecycle {

    /** What to do with a delivery. */
    public sealed interface Decision {
    }

    /** Tell the reader: a first notice, an update or a completion. {@code story} is what is known from now on. */
    public record Tell(Revision revision, Story story) implements Decision {
    }

    /** Keep what the delivery adds (a further page of an event not yet complete) without a notice. */
    public record Keep(Story story) implements Decision {
    }

    /** Nothing new: a repeated delivery, a backup copy, a change only of {@code lastUpdatedTime}. */
    public record Repeat() implements Decision {
    }

    private Lifecycle() {
    }

    /**
     * @param told     the story as the last notice told it, or null when none was sent
     * @param known    everything known of the story (told, and any page received since), or null at first sight
     * @param arriving the story this delivery tells on its own
     */
    public static Decision decide(Story told, Story known, Story arriving) {
        if (known == null || told == null) {
            return new Tell(Revision.FIRST, arriving.after(known));
        }
        Story next = arriving.after(known);
        if (next.equals(known)) {
            return new Repeat();
        }
        // Pages of one event arrive one by one: the first is told at once, the rest together once all are in.
        if (next.onlyAddsPagesTo(known) && !next.allPagesReceived()) {
            return new Keep(next);
        }
        Changes changes = Changes.between(told, next);
        if (changes.isEmpty()) {
            // Back to what was last told (a page that changed and changed back): nothing to say.
            return new Keep(next);
        }
        if (told.isDone() && next.isDone() && changes.newParagraphs().isEmpty() && !changes.rewritten()) {
            // Already told as done (AWS closing what the scan found finished): no second completion.
            return new Keep(next);
        }
        boolean completes = next.isDone() && !told.isDone();
        return new Tell(new Revision(completes ? Revision.Kind.COMPLETION : Revision.Kind.UPDATE, changes), next);
    }
}
