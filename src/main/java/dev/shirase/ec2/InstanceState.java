package dev.shirase.ec2;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What EC2 says of one instance: whether it knows it, its state, and its scheduled events (pending or recently
 * completed or canceled).
 *
 * @param existence whether EC2 knows the instance
 * @param stateName {@code pending}, {@code running}, {@code stopping}, {@code stopped}, {@code shutting-down},
 *                  {@code terminated}; null when EC2 did not list the instance or gave no state
 * @param events    every event EC2 lists for the instance; empty when it did not list it
 */
public record InstanceState(Existence existence, String stateName, List<ScheduledEvent> events) {
    /** A terminated instance can no longer be rebooted, stopped or retired, whatever events EC2 still lists. */
    private static final Set<String> ENDED = Set.of("shutting-down", "terminated");

    public enum Existence {
        /** EC2 listed the instance. */
        EXISTS,
        /** EC2 says there is no such instance: terminated and gone (or never in this account and region). */
        NOT_FOUND,
        /** EC2 said nothing certain: the id is not an instance id, or EC2 left it out of its answer. */
        UNKNOWN
    }

    public InstanceState {
        Objects.requireNonNull(existence, "existence");
        events = List.copyOf(events);
    }

    public static InstanceState listed(String stateName, List<ScheduledEvent> events) {
        return new InstanceState(Existence.EXISTS, stateName, events);
    }

    public static InstanceState notFound() {
        return new InstanceState(Existence.NOT_FOUND, null, List.of());
    }

    public static InstanceState unknown() {
        return new InstanceState(Existence.UNKNOWN, null, List.of());
    }

    public boolean exists() {
        return existence == Existence.EXISTS;
    }

    /** The events still to happen, in EC2's order. */
    public List<ScheduledEvent> pendingEvents() {
        return events.stream().filter(ScheduledEvent::pending).toList();
    }

    /** Whether EC2 lists an event still to happen for a live instance. False when EC2 said nothing certain. */
    public boolean hasPendingEvent() {
        return exists() && !ended() && !pendingEvents().isEmpty();
    }

    /**
     * Whether EC2 says for certain that nothing is left to happen: the instance is gone or terminated, or it lists no
     * pending event. False when EC2 said nothing certain ({@link Existence#UNKNOWN}), so that an unanswered question is
     * never read as "done".
     */
    public boolean nothingPending() {
        return switch (existence) {
            case NOT_FOUND -> true;
            case EXISTS -> ended() || pendingEvents().isEmpty();
            case UNKNOWN -> false;
        };
    }

    private boolean ended() {
        return stateName != null && ENDED.contains(stateName);
    }
}
