package dev.shirase.bench;

import dev.shirase.classify.Classifier;
import dev.shirase.classify.TextDates;
import dev.shirase.classify.TextDates.StatedDate;
import dev.shirase.classify.TextLimits;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Date detection and classification of an event's English text, by size and shape of the text. The {@code unlimited}
 * benchmarks lift {@link TextLimits} to show that the analysis itself grows linearly with the text; the
 * {@code production} ones measure what the notifier does. Run: {@code ./mvnw -B -Pbench -DskipTests verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class TextAnalysisBenchmark {

    public enum Shape {
        /** Sentences as AWS writes them, nearly every one with a date. */
        PROSE(String.join(" ",
                "We are reaching out because Amazon RDS will upgrade your DB instances to a new minor version "
                        + "beginning March %1$d, 2027 at 10:00 AM PDT.",
                "Please upgrade before February %1$d, 2027 to avoid an upgrade during business hours.",
                "On 2027-04-%1$02dT09:30Z we will apply the required operating system update in your maintenance window.",
                "If you have questions or concerns, contact AWS Support.",
                "Starting on %1$d June 2027, instances that have not been updated will be updated automatically.\n")),
        /** One sentence without a break, a date every few words, none of the words the rules look for. */
        NO_BREAKS("from March %1$d, 2027 from 2027-04-%1$02d from %1$d June 2027 and then ");

        private final String template;

        Shape(String template) {
            this.template = template;
        }

        String text(int chars) {
            StringBuilder text = new StringBuilder(chars + template.length() + 8);
            for (int day = 1; text.length() < chars; day = day % 28 + 1) {
                text.append(template.formatted(day));
            }
            text.setLength(chars);
            return text.toString();
        }
    }

    @Param({"10240", "102400", "1048576"})
    public int chars;

    @Param
    public Shape shape;

    private final Classifier unlimited = new Classifier(TextLimits.NONE);
    private final Classifier production = new Classifier();
    private String description;
    private Announcement announcement;

    @Setup
    public void describe() {
        description = shape.text(chars);
        // A code the rules table does not know: every word rule may have to read the whole text.
        announcement = new Announcement(Origin.HEALTH_EVENT, "bench", "AWS Health Event", "RDS",
                "AWS_RDS_BENCH_NOTIFICATION", "accountNotification", "open", null, "123456789012", "ap-northeast-1",
                List.of(), Schedule.of(null, null, Instant.parse("2026-11-20T01:00:00Z")), description, null, null,
                null, Map.of(), "{}", null);
    }

    @Benchmark
    public List<StatedDate> datesUnlimited() {
        return TextDates.find(description, TextLimits.NONE);
    }

    @Benchmark
    public List<StatedDate> datesProduction() {
        return TextDates.find(description);
    }

    @Benchmark
    public Notice classifyUnlimited() {
        return unlimited.classify(announcement);
    }

    @Benchmark
    public Notice classifyProduction() {
        return production.classify(announcement);
    }
}
