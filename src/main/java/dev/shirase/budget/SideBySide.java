package dev.shirase.budget;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Tasks run side by side, each on a thread of its own, and waited for until a budget ends and not after: one that hangs
 * (a channel, a region) is abandoned rather than allowed to hold back the others or the invocation.
 *
 * <p>Platform daemon threads, not virtual ones: a virtual thread that does socket I/O starts the JDK's I/O poller
 * threads, which sit in native code, and a JVM that exits waits 300 ms for such threads (every {@code shirase invoke}
 * paid that); there are never more than a few tasks at a time here.
 */
public final class SideBySide {
    private static final ThreadFactory DAEMONS = Thread.ofPlatform().daemon().name("side-by-side-", 0).factory();

    /** How one task ended. */
    public sealed interface Ending<T> {
    }

    /** It returned {@code value}. */
    public record Done<T>(T value) implements Ending<T> {
    }

    /** It threw {@code cause}. */
    public record Failed<T>(Throwable cause) implements Ending<T> {
    }

    /** It was still running when the wait ended, or the waiting thread was interrupted: its thread is interrupted. */
    public record Abandoned<T>(boolean waitInterrupted) implements Ending<T> {
    }

    private SideBySide() {
    }

    /**
     * Starts every task at once and waits for each until {@code budget} ends, plus {@code grace} to collect a result
     * that comes just then. The endings come in the order of {@code tasks}.
     */
    public static <K, T> Map<K, Ending<T>> run(Map<K, Callable<T>> tasks, Budget budget, Duration grace) {
        ExecutorService threads = Executors.newThreadPerTaskExecutor(DAEMONS);
        try {
            Map<K, Future<T>> running = new LinkedHashMap<>();
            tasks.forEach((key, task) -> running.put(key, threads.submit(task)));
            Map<K, Ending<T>> endings = new LinkedHashMap<>();
            running.forEach((key, result) -> endings.put(key, await(result, budget, grace)));
            return endings;
        } finally {
            // Not close(): it would wait for a task that hangs. Its thread is interrupted, and its calls are bounded anyway.
            threads.shutdownNow();
        }
    }

    /**
     * Runs the tasks at most {@code atOnce} at a time, each within a share of {@code whole} that it is given when it
     * starts: what is left then, divided by the turns still to come (this task's and those of the tasks not started yet).
     * Tasks that all hang thus still each get a turn before {@code whole} ends, and one that ends early leaves its time
     * to those after it. Each is waited for until its share ends, plus {@code grace}, and not after: a task that has not
     * ended then is abandoned and its turn goes to the next. A task that has not started when {@code whole} ends is
     * abandoned without starting. The endings come in the order of {@code tasks}.
     */
    public static <K, T> Map<K, Ending<T>> inTurns(Map<K, Function<Budget, T>> tasks, int atOnce, Budget whole,
            Duration grace) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one task at a time: " + atOnce);
        }
        // atOnce turns at a time, taken in order from the pool's queue; each turn waits for its task on a thread of its
        // own, so that a task that hangs is left behind and the turn goes on to the next.
        ExecutorService turns = Executors.newFixedThreadPool(atOnce, DAEMONS);
        ExecutorService threads = Executors.newThreadPerTaskExecutor(DAEMONS);
        AtomicInteger notStarted = new AtomicInteger(tasks.size());
        try {
            Map<K, Future<Ending<T>>> running = new LinkedHashMap<>();
            tasks.forEach((key, task) -> running.put(key, turns.submit(() -> {
                int waiting = notStarted.getAndDecrement();
                if (whole.remaining().toNanos() <= 0) {
                    return new Abandoned<T>(false);
                }
                int turnsLeft = (waiting + atOnce - 1) / atOnce;
                Budget share = whole.share(1.0 / turnsLeft, whole.remaining());
                return await(threads.submit(() -> task.apply(share)), share, grace);
            })));
            Map<K, Ending<T>> endings = new LinkedHashMap<>();
            // Each turn ends by its share plus grace, and every share ends with whole: waiting one grace more is enough.
            running.forEach((key, turn) -> endings.put(key, switch (await(turn, whole, grace.plus(grace))) {
                case Done<Ending<T>> done -> done.value();
                case Failed<Ending<T>> failed -> new Failed<>(failed.cause());
                case Abandoned<Ending<T>> abandoned -> new Abandoned<>(abandoned.waitInterrupted());
            }));
            return endings;
        } finally {
            turns.shutdownNow();
            threads.shutdownNow();
        }
    }

    private static <T> Ending<T> await(Future<T> result, Budget budget, Duration grace) {
        try {
            return new Done<>(result.get(budget.remaining().plus(grace).toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            return new Failed<>(e.getCause());
        } catch (TimeoutException e) {
            result.cancel(true);
            return new Abandoned<>(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            return new Abandoned<>(true);
        }
    }
}
