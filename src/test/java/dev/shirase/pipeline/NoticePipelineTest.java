package dev.shirase.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.budget.Budget;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.Routing;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.notice.Notice;
import dev.shirase.render.MinimalNotice;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedNotice;
import dev.shirase.testing.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The stages of the notice pipeline fail apart: whatever breaks, one notice goes out on every channel. */
class NoticePipelineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), CLOCK);
    private final RecordingChannel recording = new RecordingChannel();
    private final List<Outgoing> sent = recording.sent;

    private NoticePipeline pipeline(Enricher enricher, Channel channel) {
        return new NoticePipeline(enricher, List.of(channel), CLOCK, log, new Metrics(log, "test"));
    }

    @Test
    void anEnricherThatBlowsUpLeavesTheNoticeAsItWas() {
        Enricher exploding = (notice, budget) -> {
            throw new StackOverflowError();
        };

        Outcome outcome = pipeline(exploding, recording).process(Events.sample("health-rds-oracle-os-update.json"),
                Budget.of(Duration.ofSeconds(60)));

        assertThat(sent).singleElement().isInstanceOf(RenderedNotice.class);
        assertThat(outcome.notice().category().name()).isEqualTo("OS_UPDATE");
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("could not enrich");
    }

    @Test
    void enrichmentGetsASmallShareAndIsSkippedWhenTheBudgetIsShort() {
        AtomicReference<Duration> given = new AtomicReference<>();
        Enricher watching = (notice, budget) -> {
            given.set(budget.remaining());
            return notice;
        };

        pipeline(watching, recording).process(Events.sample("health-rds-oracle-os-update.json"),
                Budget.of(Duration.ofSeconds(60)));
        assertThat(given.get()).isGreaterThan(Duration.ofSeconds(7)).isLessThanOrEqualTo(Duration.ofSeconds(8));

        given.set(null);
        pipeline(watching, recording).process(Events.sample("health-rds-oracle-os-update.json"),
                Budget.of(Duration.ofSeconds(3)));
        assertThat(given.get()).as("no enrichment on a 3 s budget").isNull();
        assertThat(sent).hasSize(2);
    }

    @Test
    void aChannelThatCannotRenderTheFullNoticeGetsTheMinimalOne() {
        Channel picky = new Channel() {
            @Override
            public String name() {
                return "picky";
            }

            @Override
            public Delivery prepare(Outgoing message) {
                if (!(message instanceof MinimalNotice)) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return budget -> sent.add(message);
            }
        };

        Outcome outcome = pipeline(Enricher.NONE, picky).process(Events.sample("health-ec2-instance-reboot.json"),
                Budget.of(Duration.ofSeconds(10)));

        assertThat(outcome.deliveredNowhere()).isFalse();
        assertThat(outcome.dispatch().fallbacks()).containsKey("picky");
        assertThat(sent).singleElement().isInstanceOf(MinimalNotice.class)
                .satisfies(m -> assertThat(m.text()).contains("AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED"));
    }

    @Test
    void inputThatIsNotAnEventStillMakesExactlyOneNotice() {
        Outcome outcome = pipeline(Enricher.NONE, recording).process(new byte[] {(byte) 0xff, 0x00, '{'},
                Budget.of(Duration.ofSeconds(10)));

        Notice notice = outcome.notice();
        assertThat(notice.category().name()).isEqualTo("UNCLASSIFIED");
        assertThat(sent).hasSize(1);
    }

    @Test
    void deliveriesAreCountedByChannelAndCategory() {
        pipeline(Enricher.NONE, recording).process(Events.sample("health-ec2-instance-reboot.json"),
                Budget.of(Duration.ofSeconds(10)));

        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("\"Channel\":\"recording\"")
                .contains("\"Category\":\"SYSTEM_REBOOT\"")
                .contains("\"NoticesDelivered\":1");
    }

    @Test
    void aFilteredNoticeIsSentNowhereLoggedWithWhyAndNotAFailure() {
        Routing noReboots = Routing.fromEnvironment(Map.of(Routing.EXCLUDE_CATEGORIES, "SYSTEM_REBOOT"));
        NoticePipeline pipeline = new NoticePipeline(Enricher.NONE, List.of(recording), noReboots, CLOCK, log,
                new Metrics(log, "test"));

        Outcome outcome = pipeline.process(Events.sample("health-ec2-instance-reboot.json"),
                Budget.of(Duration.ofSeconds(10)));

        assertThat(sent).isEmpty();
        assertThat(outcome.filtered()).isEqualTo("category SYSTEM_REBOOT is in SHIRASE_EXCLUDE_CATEGORIES");
        assertThat(outcome.deliveredNowhere()).isFalse();
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("\"message\":\"notice filtered\"")
                .contains("\"outcome\":\"filtered\"")
                .contains("\"filtered\":\"category SYSTEM_REBOOT is in SHIRASE_EXCLUDE_CATEGORIES\"")
                .doesNotContain("NoticesFailed");
    }
}
