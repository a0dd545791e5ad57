package dev.shirase.translate;

import dev.shirase.budget.Budget;
import dev.shirase.budget.SideBySide;
import dev.shirase.log.JsonLog;
import dev.shirase.notice.Translation;
import dev.shirase.notice.Translation.Gap;
import dev.shirase.notice.Translation.Paragraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * AWS's English original in Japanese, paragraph by paragraph, and only as far as it can be trusted: each paragraph's
 * translation must keep every number, version, date, id and URL of the original ({@link TranslationCheck}). One that
 * does not is tried once more (by the next translator when two are configured, else by the same one told what it
 * lost), and otherwise left out and said so. A paragraph translated before comes from the cache.
 *
 * <p>Never more than its budget: the paragraphs go side by side, a few at a time, each with its share, and whatever has
 * not come back when the budget ends is left out as {@link Gap#TIMED_OUT}. Nothing here throws.
 */
public final class Translating {
    /** Paragraphs in flight at once: a notice has a handful; the services' rate limits are per second. */
    static final int AT_ONCE = 4;
    /** A cache's share of the translation's time: its answer is worth only what it saves. */
    private static final double CACHE_SHARE = 0.2;
    private static final Duration MAX_CACHE = Duration.ofSeconds(2);
    /** Waiting past a paragraph's share for an answer that is just arriving. */
    private static final Duration GRACE = Duration.ofMillis(100);

    private final List<Translator> translators;
    private final TranslationCache cache;
    private final JsonLog log;

    /**
     * @param translators in order of preference: the first translates, the second (if any) is the fallback
     */
    public Translating(List<Translator> translators, TranslationCache cache, JsonLog log) {
        if (translators.isEmpty() || translators.size() > 2) {
            throw new IllegalArgumentException("one translator, or one and its fallback: " + translators.size());
        }
        this.translators = List.copyOf(translators);
        this.cache = cache;
        this.log = log;
    }

    /** The translators, in order of preference. */
    public List<Translator> translators() {
        return translators;
    }

    /** {@code english} in Japanese, as far as it could be made and checked within {@code budget}. */
    public Translation translate(String english, Budget budget) {
        List<String> paragraphs = english == null ? List.of() : Chunks.paragraphs(english);
        Result[] results = new Result[paragraphs.size()];
        int characters = 0;
        Map<Integer, String> toTranslate = new LinkedHashMap<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            characters += paragraphs.get(i).length();
            if (characters > Translation.MAX_CHARACTERS || i >= Translation.MAX_PARAGRAPHS) {
                results[i] = new Result(Paragraph.missing(paragraphs.get(i), Gap.TOO_LONG, List.of()), null);
            } else if (!TranslationCheck.needsTranslation(paragraphs.get(i))) {
                // A URL or an id alone on its line reads the same in Japanese.
                results[i] = new Result(Paragraph.translated(paragraphs.get(i), paragraphs.get(i)), null);
            } else {
                toTranslate.put(i, paragraphs.get(i));
            }
        }
        Map<String, Remembered> remembered = remembered(toTranslate.values(), budget);
        Map<Integer, Function<Budget, Result>> tasks = new LinkedHashMap<>();
        toTranslate.forEach((i, paragraph) -> {
            Remembered hit = remembered.get(paragraph);
            if (hit != null) {
                results[i] = new Result(Paragraph.translated(paragraph, hit.japanese()), hit.by());
            } else {
                tasks.put(i, share -> translateOne(paragraph, share));
            }
        });
        Map<String, String> learned = new LinkedHashMap<>();
        SideBySide.inTurns(tasks, AT_ONCE, budget, GRACE).forEach((i, ending) -> {
            results[i] = switch (ending) {
                case SideBySide.Done<Result> done -> done.value();
                case SideBySide.Failed<Result> failed -> {
                    log.error("translation failed unexpectedly", Map.of("error", String.valueOf(failed.cause())));
                    yield new Result(Paragraph.missing(paragraphs.get(i), Gap.FAILED, List.of()), null);
                }
                case SideBySide.Abandoned<Result> abandoned ->
                        new Result(Paragraph.missing(paragraphs.get(i), Gap.TIMED_OUT, List.of()), null);
            };
            if (results[i].by() != null) {
                learned.put(TranslationCache.key(results[i].by(), paragraphs.get(i)), results[i].paragraph().japanese());
            }
        });
        remember(learned, budget);
        Set<String> by = new LinkedHashSet<>();
        List<Paragraph> out = new ArrayList<>();
        for (Result result : results) {
            out.add(result.paragraph());
            if (result.by() != null) {
                by.add(result.by().name());
            }
        }
        return new Translation(out, List.copyOf(by));
    }

    /** A paragraph's outcome, and the translator whose translation it shows (null: none, or nothing to translate). */
    private record Result(Paragraph paragraph, Translator by) {
    }

    private record Remembered(String japanese, Translator by) {
    }

    /**
     * One paragraph: the first translator, then once more (the fallback, or the first told what it lost). A refusal
     * (denied, throttled) or a timeout is not worth a second call to the same service.
     */
    private Result translateOne(String english, Budget budget) {
        Gap gap = Gap.FAILED;
        List<String> lost = List.of();
        for (int attempt = 0; attempt < 2 && !budget.isSpent(); attempt++) {
            Translator translator = translators.get(Math.min(attempt, translators.size() - 1));
            if (attempt == 1 && translators.size() == 1 && gap != Gap.UNFAITHFUL && gap != Gap.FAILED) {
                break;
            }
            try {
                String japanese = translator.translate(english, attempt == 0 ? List.of() : lost, budget);
                List<String> missing = TranslationCheck.missing(english, japanese);
                if (missing.isEmpty()) {
                    return new Result(Paragraph.translated(english, japanese), translator);
                }
                log.warn("translation lost part of the original", Map.of("translator", translator.name(),
                        "lost", missing));
                gap = Gap.UNFAITHFUL;
                lost = missing;
            } catch (TranslationException e) {
                log.warn("translation failed", Map.of("translator", translator.name(), "kind", e.kind().name(),
                        "error", String.valueOf(e.getMessage())));
                // A translation that came back unfaithful says more than the failure of the next try.
                if (gap != Gap.UNFAITHFUL) {
                    gap = switch (e.kind()) {
                        case DENIED -> Gap.DENIED;
                        case THROTTLED -> Gap.THROTTLED;
                        case TIMED_OUT -> Gap.TIMED_OUT;
                        case FAILED -> Gap.FAILED;
                    };
                }
            } catch (RuntimeException defect) {
                log.error("translator failed unexpectedly", Map.of("translator", translator.name(),
                        "error", String.valueOf(defect)));
            }
        }
        if (budget.isSpent() && gap != Gap.UNFAITHFUL) {
            gap = Gap.TIMED_OUT;
        }
        return new Result(Paragraph.missing(english, gap, gap == Gap.UNFAITHFUL ? lost : List.of()), null);
    }

    /** What the cache holds of these paragraphs, by any of the translators; nothing when it cannot answer in time. */
    private Map<String, Remembered> remembered(Collection<String> paragraphs, Budget budget) {
        Map<String, Remembered> found = new LinkedHashMap<>();
        if (paragraphs.isEmpty()) {
            return found;
        }
        Map<String, String> paragraphByKey = new LinkedHashMap<>();
        Map<String, Translator> translatorByKey = new LinkedHashMap<>();
        for (Translator translator : translators) {
            for (String paragraph : paragraphs) {
                String key = TranslationCache.key(translator, paragraph);
                paragraphByKey.put(key, paragraph);
                translatorByKey.put(key, translator);
            }
        }
        try {
            cache.get(paragraphByKey.keySet(), budget.share(CACHE_SHARE, MAX_CACHE)).forEach((key, japanese) ->
                    found.putIfAbsent(paragraphByKey.get(key), new Remembered(japanese, translatorByKey.get(key))));
        } catch (RuntimeException e) {
            log.warn("translation cache could not be read; translating anew", Map.of("error", String.valueOf(e)));
        }
        return found;
    }

    private void remember(Map<String, String> learned, Budget budget) {
        if (learned.isEmpty()) {
            return;
        }
        try {
            // What is left of the share: a cache that cannot be written in time keeps what it holds in memory.
            cache.put(learned, budget);
        } catch (RuntimeException e) {
            log.warn("translation cache could not be written", Map.of("error", String.valueOf(e)));
        }
    }
}
