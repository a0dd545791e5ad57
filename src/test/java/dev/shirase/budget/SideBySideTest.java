package dev.shirase.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
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
}
