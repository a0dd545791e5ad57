package dev.shirase.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void eachTaskEndsOnItsOwnAndTheEndingsKeepTheOrderGiven() {
        Map<String, Callable<String>> tasks = new LinkedHashMap<>();
        tasks.put("hangs", () -> {
            Thread.sleep(Duration.ofSeconds(30));
            return "late";
        });
        tasks.put("fails", () -> {
            throw new IllegalStateException("down");
        });
        tasks.put("answers", () -> "ok");

        long started = System.nanoTime();
        Map<String, SideBySide.Ending<String>> endings = SideBySide.run(tasks, Budget.of(Duration.ofMillis(500)),
                Duration.ZERO);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(endings.keySet()).containsExactly("hangs", "fails", "answers");
        assertThat(endings.get("hangs")).isEqualTo(new SideBySide.Abandoned<String>(false));
        assertThat(endings.get("fails")).isInstanceOfSatisfying(SideBySide.Failed.class,
                f -> assertThat(f.cause()).hasMessage("down"));
        assertThat(endings.get("answers")).isEqualTo(new SideBySide.Done<>("ok"));
    }

    @Test
    void theTasksRunAtTheSameTime() {
        Map<Integer, Callable<Integer>> tasks = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            tasks.put(i, () -> {
                Thread.sleep(600);
                return n;
            });
        }

        long started = System.nanoTime();
        Map<Integer, SideBySide.Ending<Integer>> endings = SideBySide.run(tasks, Budget.of(Duration.ofSeconds(10)),
                Duration.ZERO);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1800));
        assertThat(endings.values()).allSatisfy(e -> assertThat(e).isInstanceOf(SideBySide.Done.class));
    }

    @Test
    void inTurnsNoMoreThanTheGivenNumberRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Map<Integer, Function<Budget, Integer>> tasks = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            tasks.put(i, share -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                return n;
            });
        }

        Map<Integer, SideBySide.Ending<Integer>> endings = SideBySide.inTurns(tasks, 2, Budget.of(Duration.ofSeconds(10)),
                Duration.ZERO);

        assertThat(most.get()).isEqualTo(2);
        assertThat(endings.keySet()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(endings.values()).allSatisfy(e -> assertThat(e).isInstanceOf(SideBySide.Done.class));
    }

    /**
     * Four tasks two at a time, all hanging: each turn gets half of the time, so the last two still get theirs and every
     * one is abandoned by the end of the whole, none before it has had its turn.
     */
    @Test
    void inTurnsTasksThatAllHangStillEachGetATurnWithinTheWhole() {
        Map<Integer, Duration> shares = new ConcurrentHashMap<>();
        Map<Integer, Function<Budget, String>> tasks = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            tasks.put(i, share -> {
                shares.put(n, share.remaining());
                try {
                    Thread.sleep(Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "late";
            });
        }

        long started = System.nanoTime();
        Map<Integer, SideBySide.Ending<String>> endings = SideBySide.inTurns(tasks, 2,
                Budget.of(Duration.ofMillis(1200)), Duration.ZERO);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1800));
        assertThat(endings.values()).allSatisfy(e -> assertThat(e).isEqualTo(new SideBySide.Abandoned<String>(false)));
        assertThat(shares).containsOnlyKeys(0, 1, 2, 3);
        assertThat(shares.values()).allSatisfy(share -> assertThat(share)
                .isLessThanOrEqualTo(Duration.ofMillis(600)).isGreaterThan(Duration.ofMillis(400)));
    }

    @Test
    void inTurnsATaskThatEndsEarlyLeavesItsTimeToTheNext() {
        Map<String, Duration> shares = new ConcurrentHashMap<>();
        Map<String, Function<Budget, String>> tasks = new LinkedHashMap<>();
        tasks.put("quick", share -> {
            shares.put("quick", share.remaining());
            return "done";
        });
        tasks.put("next", share -> {
            shares.put("next", share.remaining());
            return "done";
        });

        SideBySide.inTurns(tasks, 1, Budget.of(Duration.ofSeconds(2)), Duration.ZERO);

        // The first turn is half of the whole; the second, started at once after it, has nearly all of it.
        assertThat(shares.get("quick")).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(shares.get("next")).isGreaterThan(Duration.ofMillis(1500));
    }
}
