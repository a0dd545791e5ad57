package dev.shirase.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.budget.Budget;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedNotice;
import dev.shirase.testing.Events;
import dev.shirase.translate.ContainerCache;
import dev.shirase.translate.Translating;
import dev.shirase.translate.Translator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The translation as a stage: where its section goes, and that it never holds a notice beyond its share. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoticePipelineTranslationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    private final JsonLog log = JsonLog.silent();
    private final RecordingChannel recording = new RecordingChannel();
    private final List<Outgoing> sent = recording.sent;

    /** Keeps every token by quoting the English whole: a translation the check passes. */
    private static final Translator QUOTING = translator("quoting", paragraph -> "【訳】" + paragraph);

    private static final Translator HANGING = translator("hanging", paragraph -> {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "【訳】" + paragraph;
    });

    private static Translator translator(String cacheKey, UnaryOperator<String> answer) {
        return new Translator() {
            @Override
            public String name() {
                return "Amazon Translate";
            }

            @Override
            public String cacheKey() {
                return cacheKey;
            }

            @Override
            public String translate(String paragraph, List<String> mustKeep, Budget budget) {
                return answer.apply(paragraph);
            }
        };
    }

    private NoticePipeline pipeline(Translator translator) {
        return new NoticePipeline(Enricher.NONE, List.of(recording), CLOCK, log, new Metrics(log, "test"))
                .translatingWith(new Translating(List.of(translator), new ContainerCache(), log));
    }

    @Test
    void theTranslationComesAfterTheStepsAndBeforeTheOriginalInEveryForm() {
        Outcome outcome = pipeline(QUOTING).process(Events.sample("health-ec2-instance-reboot.json"),
                Budget.of(Duration.ofSeconds(30)));

        assertThat(outcome.dispatch().delivered()).containsExactly("recording");
        RenderedNotice notice = (RenderedNotice) sent.get(0);
        String text = notice.text();
        assertThat(text.indexOf("■ 推奨対応")).isLessThan(text.indexOf("■ 和訳 (機械翻訳)"));
        assertThat(text.indexOf("■ 和訳 (機械翻訳)")).isLessThan(text.indexOf("■ 原文 (English)"));
        assertThat(text).contains("【訳】Amazon EC2 has to perform maintenance", "※ Amazon Translate による機械翻訳です");
        assertThat(notice.html()).contains("和訳 (機械翻訳)</h2>", "【訳】Amazon EC2 has to perform maintenance");
        assertThat(notice.chat()).contains("■ 和訳 (機械翻訳)", "【訳】Amazon EC2", "続きはメールの和訳を確認してください");
        // Ours, not the machine's: the subject and 概要 are not translated.
        assertThat(notice.subject()).doesNotContain("【訳】");
        assertThat(notice.content().summary()).doesNotContain("【訳】");
    }

    @Test
    void aHangingTranslatorHoldsTheNoticeOnlyForItsShareAndTheNoticeSaysSo() {
        Budget invocation = Budget.of(Duration.ofSeconds(8));
        long start = System.nanoTime();

        Outcome outcome = pipeline(HANGING).process(Events.sample("health-ec2-instance-reboot.json"), invocation);

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(outcome.dispatch().delivered()).containsExactly("recording");
        // Working time 7.2 s; the translation's share a quarter of it; a second more for rendering and grace.
        assertThat(elapsedMs).isLessThan(1_800 + 1_000);
        assertThat(sent.get(0).text()).contains("■ 和訳 (機械翻訳)\n通知を遅らせないよう翻訳を打ち切ったため、和訳はありません。");
    }

    @Test
    void withoutTranslationThereIsNoSection() {
        new NoticePipeline(Enricher.NONE, List.of(recording), CLOCK, log, new Metrics(log, "test"))
                .process(Events.sample("health-ec2-instance-reboot.json"), Budget.of(Duration.ofSeconds(30)));

        assertThat(sent.get(0).text()).doesNotContain("和訳");
    }

    @Test
    void thePreviewTranslatesToo() {
        RenderedNotice rendered = NoticePipeline.renderOnly(CLOCK)
                .translatingWith(new Translating(List.of(QUOTING), new ContainerCache(), log))
                .render(Events.sample("health-ec2-instance-reboot.json"));

        assertThat(rendered.text()).contains("■ 和訳 (機械翻訳)\n【訳】Amazon EC2 has to perform maintenance");
    }
}
