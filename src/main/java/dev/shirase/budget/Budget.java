package dev.shirase.budget;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A share of an invocation's time. Lambda kills an invocation at its timeout, so every stage and every network call
 * made for it gets a budget that ends before the invocation's, and work that cannot finish in its share is cut short
 * or skipped rather than taking the rest down with it. Measured on a monotonic clock.
 */
public final class Budget {
    private static final Duration LONGEST = Duration.ofDays(1);
    private final LongSupplier nanoClock;
    private final long deadlineNanos;

    private Budget(LongSupplier nanoClock, long deadlineNanos) {
        this.nanoClock = nanoClock;
        this.deadlineNanos = deadlineNanos;
    }

    /** A budget of {@code remaining} from now. */
    public static Budget of(Duration remaining) {
        return of(remaining, System::nanoTime);
    }

    static Budget of(Duration remaining, LongSupplier nanoClock) {
        long now = nanoClock.getAsLong();
        return new Budget(nanoClock, now + Math.max(0, saturatedNanos(remaining)));
    }

    /** What is left; zero once the budget is spent, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - nanoClock.getAsLong()));
    }

    /** Whether less than {@code needed} is left: too little to start something that takes that long. */
    public boolean isShorterThan(Duration needed) {
        return remaining().compareTo(needed) < 0;
    }

    public boolean isSpent() {
        return deadlineNanos - nanoClock.getAsLong() <= 0;
    }

    /** This budget without its last {@code reserve}: what is left for work once time to finish up is set aside. */
    public Budget less(Duration reserve) {
        return new Budget(nanoClock, Math.max(nanoClock.getAsLong(), deadlineNanos - saturatedNanos(reserve)));
    }

    /**
     * A part of what is left: {@code fraction} of it, at most {@code cap}. The part ends no later than this budget,
     * so a stage given a share can never overrun the whole.
     */
    public Budget share(double fraction, Duration cap) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("a share is a fraction between 0 and 1: " + fraction);
        }
        long now = nanoClock.getAsLong();
        long left = Math.max(0, deadlineNanos - now);
        long part = Math.min((long) (left * fraction), saturatedNanos(cap));
        return new Budget(nanoClock, now + part);
    }

    /** The shorter of this budget and {@code limit} from now. */
    public Budget atMost(Duration limit) {
        long now = nanoClock.getAsLong();
        return new Budget(nanoClock, Math.min(deadlineNanos, now + saturatedNanos(limit)));
    }

    /** Durations beyond a day mean "no limit" here (no invocation runs that long); clamping keeps sums from overflowing. */
    private static long saturatedNanos(Duration d) {
        Duration clamped = d.compareTo(LONGEST) > 0 ? LONGEST : d.compareTo(LONGEST.negated()) < 0 ? LONGEST.negated() : d;
        return clamped.toNanos();
    }

    @Override
    public String toString() {
        return "Budget[" + remaining().toMillis() + " ms left]";
    }
}
