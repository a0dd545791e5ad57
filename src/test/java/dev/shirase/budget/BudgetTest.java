package dev.shirase.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Budgets on a clock the test moves by hand. */
class BudgetTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private Budget budget(Duration remaining) {
        return Budget.of(remaining, nanos::get);
    }

    private void elapse(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void countsDownAndNeverGoesNegative() {
        Budget b = budget(Duration.ofSeconds(10));
        elapse(Duration.ofSeconds(4));
        assertThat(b.remaining()).isEqualTo(Duration.ofSeconds(6));
        assertThat(b.isSpent()).isFalse();

        elapse(Duration.ofSeconds(7));
        assertThat(b.remaining()).isZero();
        assertThat(b.isSpent()).isTrue();
    }

    @Test
    void aShareIsAFractionOfWhatIsLeftCappedAndNeverLongerThanTheWhole() {
        Budget whole = budget(Duration.ofSeconds(60));
        elapse(Duration.ofSeconds(10));

        assertThat(whole.share(0.2, Duration.ofSeconds(8)).remaining()).isEqualTo(Duration.ofSeconds(8));
        assertThat(whole.share(0.1, Duration.ofSeconds(8)).remaining()).isEqualTo(Duration.ofSeconds(5));
        assertThat(whole.share(1.0, Duration.ofDays(3)).remaining()).isEqualTo(Duration.ofSeconds(50));
        assertThatThrownBy(() -> whole.share(1.5, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lessSetsAsideAReserveAtTheEnd() {
        Budget whole = budget(Duration.ofSeconds(60));

        Budget working = whole.less(Duration.ofSeconds(6));
        assertThat(working.remaining()).isEqualTo(Duration.ofSeconds(54));
        assertThat(whole.less(Duration.ofMinutes(5)).isSpent()).isTrue();
    }

    @Test
    void atMostIsTheShorterOfTheTwo() {
        Budget whole = budget(Duration.ofSeconds(60));

        assertThat(whole.atMost(Duration.ofSeconds(5)).remaining()).isEqualTo(Duration.ofSeconds(5));
        assertThat(whole.atMost(Duration.ofMinutes(5)).remaining()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shorterThanTellsWhetherSomethingStillFits() {
        Budget b = budget(Duration.ofMillis(900));

        assertThat(b.isShorterThan(Duration.ofSeconds(1))).isTrue();
        assertThat(b.isShorterThan(Duration.ofMillis(500))).isFalse();
    }

    @Test
    void absurdDurationsDoNotOverflow() {
        assertThat(budget(Duration.ofSeconds(Long.MAX_VALUE)).remaining()).isEqualTo(Duration.ofDays(1));
        assertThat(budget(Duration.ofSeconds(-5)).isSpent()).isTrue();
    }
}
