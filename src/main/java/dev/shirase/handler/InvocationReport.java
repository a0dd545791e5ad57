package dev.shirase.handler;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The line Lambda writes to the function's log after each invocation, for a local one, so that local runs and
 * benchmarks read as CloudWatch does:
 * {@code REPORT RequestId: <id>\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB\tMax Memory Used: 98 MB}
 * then {@code \tInit Duration: <ms> ms} after the first invocation of a process, or {@code \tRestore Duration: <ms> ms}
 * after the first one that follows a restore from a snapshot.
 *
 * @param duration    the handler's own time
 * @param memoryUsedMb the process's peak resident memory so far, as Lambda's Max Memory Used counts the sandbox's
 * @param init        from the start of the JVM until the handler was built, or null
 * @param restore     the afterRestore hooks' time, or null
 */
record InvocationReport(String requestId, Duration duration, int memorySizeMb, long memoryUsedMb, Duration init,
        Duration restore) {

    String line() {
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(millis(duration)).append(" ms")
                // Lambda bills by the millisecond, rounded up.
                .append("\tBilled Duration: ").append(Math.max(1, ceilMillis(duration))).append(" ms")
                .append("\tMemory Size: ").append(memorySizeMb).append(" MB")
                .append("\tMax Memory Used: ").append(memoryUsedMb).append(" MB");
        if (init != null) {
            line.append("\tInit Duration: ").append(millis(init)).append(" ms");
        }
        if (restore != null) {
            line.append("\tRestore Duration: ").append(millis(restore)).append(" ms");
        }
        return line.toString();
    }

    /** Milliseconds with two decimals, as Lambda writes them. */
    static String millis(Duration d) {
        return BigDecimal.valueOf(d.toNanos()).movePointLeft(6).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static long ceilMillis(Duration d) {
        return (d.toNanos() + 999_999) / 1_000_000;
    }

    /**
     * How long the JVM has run, from its own start (before main), to now: from the moment {@code ./shirase} started it
     * when the launcher gives it ({@code -Dshirase.launched=$EPOCHREALTIME}, which costs nothing), else as the JVM's
     * management interface counts it, which takes some 30 ms to load on a cold JVM.
     */
    static Duration uptime() {
        return uptime(System.getProperty("shirase.launched", ""), Instant.now());
    }

    /** @param launched seconds since the epoch with a fraction, as bash's EPOCHREALTIME gives it (in any locale) */
    static Duration uptime(String launched, Instant now) {
        int point = Math.max(launched.indexOf('.'), launched.indexOf(','));
        if (point > 0 && launched.chars().filter(Character::isDigit).count() == launched.length() - 1) {
            Instant start = Instant.ofEpochSecond(Long.parseLong(launched.substring(0, point)),
                    new BigDecimal("0." + launched.substring(point + 1)).movePointRight(9).longValue());
            if (!start.isAfter(now)) {
                return Duration.between(start, now);
            }
        }
        return Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /**
     * The peak resident memory of this process in MB, rounded up: Linux's VmHWM. Elsewhere, the heap in use, which is
     * less than the process uses.
     */
    static long peakMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.substring(6).strip().toLowerCase(Locale.ROOT).replace("kb", "").strip());
                    return (kb + 1023) / 1024;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // the heap below
        }
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory() + (1 << 20) - 1) >> 20;
    }
}
