package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The REPORT line is shaped as Lambda writes it, so that local runs read as CloudWatch does. */
class InvocationReportTest {

    @Test
    void theFirstInvocationOfAProcessReportsItsInit() {
        InvocationReport report = new InvocationReport("8f5e1c2a-0000-4000-8000-000000000001",
                Duration.ofNanos(12_344_900), 512, 98, Duration.ofNanos(545_678_000), null);

        assertThat(report.line()).isEqualTo("REPORT RequestId: 8f5e1c2a-0000-4000-8000-000000000001\tDuration: 12.34 ms"
                + "\tBilled Duration: 13 ms\tMemory Size: 512 MB\tMax Memory Used: 98 MB\tInit Duration: 545.68 ms");
    }

    @Test
    void afterARestoreItReportsTheRestoreInstead() {
        InvocationReport report = new InvocationReport("id", Duration.ofMillis(80), 256, 120, null, Duration.ofNanos(40_000));

        assertThat(report.line()).isEqualTo("REPORT RequestId: id\tDuration: 80.00 ms\tBilled Duration: 80 ms"
                + "\tMemory Size: 256 MB\tMax Memory Used: 120 MB\tRestore Duration: 0.04 ms");
    }

    @Test
    void laterInvocationsReportNeither() {
        assertThat(new InvocationReport("id", Duration.ofNanos(300_000), 512, 99, null, null).line())
                .isEqualTo("REPORT RequestId: id\tDuration: 0.30 ms\tBilled Duration: 1 ms\tMemory Size: 512 MB"
                        + "\tMax Memory Used: 99 MB");
    }

    @Test
    void peakMemoryIsThisProcesssAndUptimeCountsFromTheJvmsStart() {
        long peak = InvocationReport.peakMemoryMb();

        assertThat(peak).isPositive();
        assertThat(InvocationReport.peakMemoryMb()).isGreaterThanOrEqualTo(peak);
        assertThat(InvocationReport.uptime()).isPositive();
    }

    @Test
    void uptimeCountsFromTheLaunchersClockWhenItGivesOne() {
        Instant now = Instant.parse("2026-12-01T03:00:01.250Z");
        long launched = Instant.parse("2026-12-01T03:00:00Z").getEpochSecond();

        assertThat(InvocationReport.uptime(launched + ".000125", now)).isEqualTo(Duration.ofMillis(1250).minusNanos(125_000));
        // bash writes EPOCHREALTIME with the locale's decimal separator
        assertThat(InvocationReport.uptime(launched + ",500000", now)).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void withoutTheLaunchersClockOrWithNonsenseTheJvmsOwnUptimeCounts() {
        Instant now = Instant.parse("2026-12-01T03:00:01Z");
        for (String launched : new String[] {"", "yesterday", "1.2.3", "1796094000", "9999999999.000000"}) {
            Duration uptime = InvocationReport.uptime(launched, now);
            assertThat(uptime).as(launched).isPositive().isLessThan(Duration.ofHours(1));
        }
    }
}
