package dev.shirase.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.budget.Budget;
import dev.shirase.log.JsonLog;
import dev.shirase.notice.Announcement;
import dev.shirase.render.MinimalNotice;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedNotice;
import dev.shirase.classify.Classifier;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each channel its own failure domain: rendering, sending and hanging in one leave the others alone. */
class DispatchTest {
    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), Clock.systemUTC());

    /** A channel that records what it sent, with behaviour given per test. */
    private static final class Recording implements Channel {
        final String name;
        final Function<Outgoing, String> render;
        final SendBehaviour send;
        final List<String> sent = new CopyOnWriteArrayList<>();

        interface SendBehaviour {
            void run(Budget budget) throws Exception;
        }

        Recording(String name, Function<Outgoing, String> render, SendBehaviour send) {
            this.name = name;
            this.render = render;
            this.send = send;
        }

        static Recording healthy(String name) {
            return new Recording(name, Outgoing::text, budget -> { });
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Delivery prepare(Outgoing message) {
            String payload = render.apply(message);
            return budget -> {
                try {
                    send.run(budget);
                } catch (DeliveryException e) {
                    throw e;
                } catch (Exception e) {
                    throw new DeliveryException(e.toString(), e);
                }
                sent.add(payload);
            };
        }
    }

    private static RenderedNotice notice() {
        return RenderedNotice.of(new Classifier().classify(new EventReader().read(
                Events.sample("health-ec2-instance-reboot.json"))), NOW);
    }

    @Test
    void aChannelWhosePayloadCannotBeBuiltSendsTheMinimalNoticeAndTheOthersTheFullOne() {
        Recording broken = new Recording("sns", m -> {
            if (m instanceof MinimalNotice) {
                return m.text();
            }
            throw new StackOverflowError("deep markup");
        }, budget -> { });
        Recording healthy = Recording.healthy("ses");

        Dispatch d = Dispatch.send(notice(), List.of(broken, healthy), Budget.of(Duration.ofSeconds(5)), log, Map.of());

        assertThat(d.delivered()).containsExactly("sns", "ses");
        assertThat(d.fallbacks()).containsOnlyKeys("sns");
        assertThat(d.fallbacks().get("sns")).contains("StackOverflowError");
        assertThat(broken.sent).singleElement().asString()
                .contains("この通知は簡易版です")
                .contains("AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED")
                .contains("\"source\": \"aws.health\"");
        assertThat(healthy.sent).singleElement().asString().contains("■ 概要").doesNotContain("簡易版");
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("minimal form");
    }

    @Test
    void aChannelThatFailsIsReportedWithoutItsAddressesAndTheOtherDelivers() {
        Recording failing = new Recording("ses", Outgoing::html, budget -> {
            throw new DeliveryException("SES send failed: identity ops@example.com is not verified", null);
        });
        Recording healthy = Recording.healthy("sns");

        Dispatch d = Dispatch.send(notice(), List.of(failing, healthy), Budget.of(Duration.ofSeconds(5)), log, Map.of());

        assertThat(d.delivered()).containsExactly("sns");
        assertThat(d.failures()).containsOnlyKeys("ses");
        assertThat(d.failures().get("ses")).contains("not verified").doesNotContain("ops@example.com");
        assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain("ops@example.com");
        assertThat(d.deliveredNowhere()).isFalse();
    }

    @Test
    void aChannelThatHangsIsAbandonedAtTheEndOfTheBudgetWhileTheOtherDelivers() {
        Recording hanging = new Recording("sns", Outgoing::text, budget -> {
            // Deaf to interruption, as a stuck native call would be; long past the budget, short enough not to linger.
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
        Recording healthy = Recording.healthy("ses");

        long started = System.nanoTime();
        Dispatch d = Dispatch.send(notice(), List.of(hanging, healthy), Budget.of(Duration.ofMillis(700)), log, Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofMillis(1500));
        assertThat(d.delivered()).containsExactly("ses");
        assertThat(d.failures().get("sns")).contains("time budget");
    }

    @Test
    void channelsRunSideBySide() {
        Recording slowA = new Recording("a", Outgoing::text, budget -> Thread.sleep(800));
        Recording slowB = new Recording("b", Outgoing::text, budget -> Thread.sleep(800));

        long started = System.nanoTime();
        Dispatch d = Dispatch.send(notice(), List.of(slowA, slowB), Budget.of(Duration.ofSeconds(10)), log, Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(d.delivered()).containsExactly("a", "b");
        assertThat(took).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void whenNothingIsDeliveredDispatchSaysSo() {
        Recording failing = new Recording("sns", Outgoing::text, budget -> {
            throw new DeliveryException("down", null);
        });

        assertThat(Dispatch.send(notice(), List.of(failing), Budget.of(Duration.ofSeconds(2)), log, Map.of())
                .deliveredNowhere()).isTrue();
    }

    @Test
    void theMinimalNoticeOfAnAnnouncementNamesTheEventAndKeepsTheRawInput() {
        Announcement a = Announcement.unrecognized("{\"id\": \"x\"}", "AWS Health Event", "123456789012",
                "ap-northeast-1", "why");

        MinimalNotice m = MinimalNotice.of(a, "OutOfMemoryError: Java heap space");

        assertThat(m.subject()).startsWith("【要確認】").hasSizeLessThan(100);
        assertThat(m.text()).contains("OutOfMemoryError").contains("123456789012").contains("{\"id\": \"x\"}");
    }
}
