package dev.shirase.bench;

import dev.shirase.deliver.Channel;
import dev.shirase.handler.NotifyHandler;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.pipeline.Enricher;
import dev.shirase.pipeline.NoticePipeline;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedNotice;
import dev.shirase.source.EventReader;
import dev.shirase.testing.LambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The first call of one piece of an invocation's work in a fresh JVM, as a cold Lambda runs it: what comes before it in
 * an invocation is done first, untimed, and the call itself is timed with {@link System#nanoTime}. Prints the
 * milliseconds, of wall time and of the thread's CPU time. One JVM a measurement; run it several times and take the
 * median:
 * <pre>java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp (test classpath) dev.shirase.bench.FirstCall log|chat|sns|invoke</pre>
 * <ul>
 *     <li>{@code log}: the first log line, once the event has been read;</li>
 *     <li>{@code chat}: the chat notification of a notice that has been read, classified and worded;</li>
 *     <li>{@code sns}: the SNS message structure of such a notice, with its text and chat;</li>
 *     <li>{@code invoke}: NotifyFunction's whole first invocation over a channel that renders the SNS message, from
 *     the event bytes to the result written, with the log writing to nowhere.</li>
 * </ul>
 */
public final class FirstCall {
    private FirstCall() {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(JsonWritingBenchmark.SAMPLE));
        String what = args.length > 0 ? args[0] : "invoke";
        Timer timer = new Timer();
        switch (what) {
            case "log" -> {
                JsonLog log = new JsonLog(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8),
                        Clock.systemUTC());
                var fields = JsonWritingBenchmark.processed(JsonWritingBenchmark.rendered(event).notice());
                new EventReader().read(event);
                timer.start();
                log.info("notice processed", fields);
            }
            case "chat" -> {
                RenderedNotice rendered = JsonWritingBenchmark.rendered(event);
                timer.start();
                rendered.chat();
            }
            case "sns" -> {
                RenderedNotice rendered = JsonWritingBenchmark.rendered(event);
                timer.start();
                rendered.snsMessage();
            }
            case "invoke" -> {
                JsonLog log = new JsonLog(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8),
                        Clock.systemUTC());
                NotifyHandler handler = new NotifyHandler(new NoticePipeline(Enricher.NONE, List.of(new Rendering()),
                        Clock.systemUTC(), log, new Metrics(log, "first-call")));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                LambdaContext context = new LambdaContext();
                timer.start();
                handler.handleRequest(new ByteArrayInputStream(event), out, context);
            }
            default -> throw new IllegalArgumentException("log, chat, sns or invoke, not " + what);
        }
        timer.stop();
        System.out.printf(Locale.ROOT, "%s %.3f %.3f%n", what, timer.wall / 1e6, timer.cpu / 1e6);
    }

    /**
     * Wall time, and the CPU time of the calling thread, which other work on a busy machine disturbs less
     * (class loading and interpreting run on this thread; C1 compiles on its own threads).
     */
    private static final class Timer {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long wall;
        private long cpu;

        Timer() {
            threads.getCurrentThreadCpuTime();
        }

        void start() {
            cpu = threads.getCurrentThreadCpuTime();
            wall = System.nanoTime();
        }

        void stop() {
            wall = System.nanoTime() - wall;
            cpu = threads.getCurrentThreadCpuTime() - cpu;
        }
    }

    /** Renders the SNS message, as the SNS channel does before it sends, and takes it. */
    private record Rendering() implements Channel {
        @Override
        public String name() {
            return "sns";
        }

        @Override
        public Delivery prepare(Outgoing message) {
            String payload = message.snsMessage();
            return budget -> {
                if (payload.isEmpty()) {
                    throw new IllegalStateException("nothing to send");
                }
            };
        }
    }
}
