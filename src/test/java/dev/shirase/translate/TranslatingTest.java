package dev.shirase.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.budget.Budget;
import dev.shirase.log.JsonLog;
import dev.shirase.notice.Translation;
import dev.shirase.notice.Translation.Gap;
import dev.shirase.notice.Translation.Paragraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Translating} with translators of its own: what is checked, retried, left out and remembered. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TranslatingTest {
    private static final String UPGRADE = "We are upgrading Aurora PostgreSQL 13.12 to 13.16 on March 1, 2027.";
    private static final String UPGRADE_JA = "2027年3月1日に Aurora PostgreSQL 13.12 を 13.16 にアップグレードします。";
    private static final String ACTION = "Please apply the update in your maintenance window.";
    private static final String ACTION_JA = "メンテナンスウィンドウで更新を適用してください。";
    private static final String LINK = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_UpgradeDBInstance.Maintenance.html";

    /** A translator that answers from a table, or as {@code answer} says, and counts what it was asked. */
    private static final class Table implements Translator {
        final String name;
        final BiFunction<String, List<String>, String> answer;
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        final List<List<String>> toldToKeep = Collections.synchronizedList(new ArrayList<>());

        Table(String name, BiFunction<String, List<String>, String> answer) {
            this.name = name;
            this.answer = answer;
        }

        static Table faithful(String name) {
            Map<String, String> known = Map.of(UPGRADE, UPGRADE_JA, ACTION, ACTION_JA);
            return new Table(name, (english, keep) -> known.getOrDefault(english, "訳: " + english));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String cacheKey() {
            return name;
        }

        @Override
        public String translate(String paragraph, List<String> mustKeep, Budget budget) {
            asked.add(paragraph);
            toldToKeep.add(mustKeep);
            return answer.apply(paragraph, mustKeep);
        }
    }

    private static Budget budget() {
        return Budget.of(Duration.ofSeconds(10));
    }

    private static Translating translating(TranslationCache cache, Translator... translators) {
        return new Translating(List.of(translators), cache, JsonLog.silent());
    }

    @Test
    void everyParagraphIsTranslatedAndCheckedAndALinkAloneIsKeptAsItIs() {
        Table translate = Table.faithful("Amazon Translate");

        Translation t = translating(new ContainerCache(), translate)
                .translate(UPGRADE + "\n\n" + ACTION + "\n\n" + LINK + "\n", budget());

        assertThat(t.paragraphs()).extracting(Paragraph::japanese).containsExactly(UPGRADE_JA, ACTION_JA, LINK);
        assertThat(t.complete()).isTrue();
        assertThat(t.by()).containsExactly("Amazon Translate");
        assertThat(translate.asked).containsExactlyInAnyOrder(UPGRADE, ACTION);
    }

    @Test
    void aTranslationThatDropsAVersionIsTriedOnceMoreToldWhatItLostThenLeftOut() {
        Table dropsVersion = new Table("Amazon Translate", (english, keep) -> "Aurora PostgreSQL を 13.16 にアップグレードします (2027年3月1日)。");

        Translation t = translating(new ContainerCache(), dropsVersion).translate(UPGRADE, budget());

        assertThat(dropsVersion.asked).hasSize(2);
        assertThat(dropsVersion.toldToKeep.get(0)).isEmpty();
        assertThat(dropsVersion.toldToKeep.get(1)).containsExactly("13.12");
        Paragraph p = t.paragraphs().get(0);
        assertThat(p.japanese()).isNull();
        assertThat(p.gap()).isEqualTo(Gap.UNFAITHFUL);
        assertThat(p.lost()).containsExactly("13.12");
        assertThat(t.by()).isEmpty();
    }

    @Test
    void theSecondTryCanSucceed() {
        Table learns = new Table("Bedrock", (english, keep) -> keep.isEmpty() ? "アップグレードします。" : UPGRADE_JA);

        Translation t = translating(new ContainerCache(), learns).translate(UPGRADE, budget());

        assertThat(t.paragraphs().get(0).japanese()).isEqualTo(UPGRADE_JA);
        assertThat(learns.asked).hasSize(2);
    }

    @Test
    void theFallbackTakesOverAParagraphTheFirstTranslatedUnfaithfully() {
        Table changesDate = new Table("Amazon Translate", (english, keep) -> english.equals(UPGRADE)
                ? "2027年3月2日に Aurora PostgreSQL 13.12 を 13.16 にアップグレードします。" : ACTION_JA);
        Table fallback = Table.faithful("Amazon Bedrock (model)");

        Translation t = translating(new ContainerCache(), changesDate, fallback)
                .translate(UPGRADE + "\n\n" + ACTION, budget());

        assertThat(t.paragraphs()).extracting(Paragraph::japanese).containsExactly(UPGRADE_JA, ACTION_JA);
        assertThat(fallback.asked).containsExactly(UPGRADE);
        assertThat(t.by()).containsExactlyInAnyOrder("Amazon Translate", "Amazon Bedrock (model)");
    }

    @Test
    void aDeniedServiceIsNotAskedTwiceAndTheParagraphSaysWhy() {
        Table denied = new Table("Amazon Translate", (english, keep) -> {
            throw new TranslationException(TranslationException.Kind.DENIED, "AccessDeniedException");
        });

        Translation t = translating(new ContainerCache(), denied).translate(UPGRADE + "\n\n" + ACTION, budget());

        assertThat(denied.asked).hasSize(2);
        assertThat(t.paragraphs()).extracting(Paragraph::gap).containsOnly(Gap.DENIED);
        assertThat(t.anyShown()).isFalse();
    }

    @Test
    void aDeniedServiceFallsBackToTheOther() {
        Table denied = new Table("Amazon Bedrock (model)", (english, keep) -> {
            throw new TranslationException(TranslationException.Kind.DENIED, "model access not granted");
        });
        Table translate = Table.faithful("Amazon Translate");

        Translation t = translating(new ContainerCache(), denied, translate).translate(ACTION, budget());

        assertThat(t.paragraphs().get(0).japanese()).isEqualTo(ACTION_JA);
        assertThat(t.by()).containsExactly("Amazon Translate");
    }

    @Test
    void aHangingTranslatorCostsNoMoreThanTheBudgetAndIsReportedAsTimedOut() {
        Table hangs = new Table("Amazon Translate", (english, keep) -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "遅すぎた訳";
        });

        long start = System.nanoTime();
        Translation t = translating(new ContainerCache(), hangs)
                .translate(UPGRADE + "\n\n" + ACTION, Budget.of(Duration.ofMillis(600)));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(t.paragraphs()).extracting(Paragraph::gap).containsOnly(Gap.TIMED_OUT);
        assertThat(elapsedMs).as("bounded by the budget and its grace").isLessThan(1_500);
    }

    @Test
    void aSecondIdenticalDescriptionMakesNoCallAndAnUpdateTranslatesOnlyItsNewParagraph() {
        Table translate = Table.faithful("Amazon Translate");
        Translating translating = translating(new ContainerCache(), translate);

        Translation first = translating.translate(UPGRADE + "\n\n" + ACTION, budget());
        Translation again = translating.translate(UPGRADE + "\n\n" + ACTION, budget());
        assertThat(translate.asked).hasSize(2);
        assertThat(again).isEqualTo(first);

        translating.translate(UPGRADE + "\n\nThe change takes about 10 minutes.\n\n" + ACTION, budget());
        assertThat(translate.asked).hasSize(3).last().isEqualTo("The change takes about 10 minutes.");
    }

    @Test
    void anUnfaithfulTranslationIsNotRemembered() {
        Table dropsVersion = new Table("Amazon Translate", (english, keep) -> "アップグレードします。");
        Translating translating = translating(new ContainerCache(), dropsVersion);

        translating.translate(UPGRADE, budget());
        translating.translate(UPGRADE, budget());

        assertThat(dropsVersion.asked).hasSize(4);
    }

    @Test
    void aCacheThatFailsCostsOnlyItsAnswer() {
        TranslationCache broken = new TranslationCache() {
            @Override
            public Map<String, String> get(java.util.Collection<String> keys, Budget budget) {
                throw new IllegalStateException("table unavailable");
            }

            @Override
            public void put(Map<String, String> translations, Budget budget) {
                throw new IllegalStateException("table unavailable");
            }
        };
        Table translate = Table.faithful("Amazon Translate");

        Translation t = translating(broken, translate).translate(ACTION, budget());

        assertThat(t.paragraphs().get(0).japanese()).isEqualTo(ACTION_JA);
    }

    @Test
    void englishPastTheCapIsNotSentAndSaysSo() {
        Table translate = Table.faithful("Amazon Translate");
        String longParagraph = "Aurora maintenance text. ".repeat(Translation.MAX_CHARACTERS / 25);

        Translation t = translating(new ContainerCache(), translate)
                .translate(ACTION + "\n\n" + longParagraph + "\n\n" + UPGRADE, budget());

        assertThat(t.paragraphs()).extracting(Paragraph::gap).containsExactly(null, Gap.TOO_LONG, Gap.TOO_LONG);
        assertThat(translate.asked).containsExactly(ACTION);
    }

    @Test
    void paragraphsPastTheCapOnTheirNumberAreNotSent() {
        Table translate = Table.faithful("Amazon Translate");
        String many = String.join("\n\n", java.util.stream.IntStream.range(0, 70).mapToObj(i -> "Paragraph.").toList());

        Translation t = translating(new ContainerCache(), translate).translate(many, budget());

        assertThat(t.paragraphs()).hasSize(70);
        assertThat(t.paragraphs().subList(0, Translation.MAX_PARAGRAPHS)).extracting(Paragraph::gap).containsOnlyNulls();
        assertThat(t.paragraphs().subList(Translation.MAX_PARAGRAPHS, 70)).extracting(Paragraph::gap)
                .containsOnly(Gap.TOO_LONG);
        assertThat(translate.asked).hasSize(Translation.MAX_PARAGRAPHS);
    }

    @Test
    void anEmptyOriginalHasNoParagraphs() {
        Table translate = Table.faithful("Amazon Translate");

        assertThat(translating(new ContainerCache(), translate).translate("  \n", budget()).paragraphs()).isEmpty();
        assertThat(translate.asked).isEmpty();
    }
}
