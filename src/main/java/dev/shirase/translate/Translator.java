package dev.shirase.translate;

import dev.shirase.budget.Budget;
import java.util.List;

/**
 * Puts one paragraph of AWS's English into Japanese through a translation service. Implementations are adapters named
 * after their service ({@link AmazonTranslate}, {@link BedrockConverse}); what to translate, how to check the result and
 * what to remember is {@link Translating}'s.
 */
public interface Translator {
    /** The service as the notice names it: {@code Amazon Translate}, {@code Amazon Bedrock (model id)}. */
    String name();

    /**
     * What, besides the English, decides the Japanese that comes back (the service, the model, the glossary's version):
     * a translation remembered under another key is not reused.
     */
    String cacheKey();

    /**
     * The paragraph in Japanese, split into as many requests as the service's size limit needs, all within
     * {@code budget}.
     *
     * @param paragraph AWS's English: one paragraph, its lines kept
     * @param mustKeep  what a first translation lost (numbers, versions, ids, dates, URLs), on a second try; else empty
     * @throws TranslationException when the service did not translate it (denied, throttled, timed out, failed)
     */
    String translate(String paragraph, List<String> mustKeep, Budget budget);
}
