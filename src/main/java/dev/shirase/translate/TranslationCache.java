package dev.shirase.translate;

import dev.shirase.budget.Budget;
import dev.shirase.state.Hashes;
import java.util.Collection;
import java.util.Map;

/**
 * Translations already made, by {@link #key}: a description seen again (a duplicate, an update whose paragraphs did not
 * change, the next page of a long list) costs no second translation. Best effort: a cache that cannot answer in time
 * answers nothing, and a cache that cannot remember forgets.
 */
public interface TranslationCache {
    /** Of {@code keys}, those remembered, with their Japanese. */
    Map<String, String> get(Collection<String> keys, Budget budget);

    /** Remembers verified translations by key. */
    void put(Map<String, String> translations, Budget budget);

    /** The key of {@code english} as {@code translator} translates it. */
    static String key(Translator translator, String english) {
        return Hashes.sha256(translator.cacheKey() + "\n" + english);
    }
}
