package dev.shirase.translate;

import dev.shirase.budget.Budget;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translations kept in memory for as long as the Lambda container lives, the most recently used first: without a
 * state table this is the only memory there is, and with one it saves the table's round trip.
 */
public final class ContainerCache implements TranslationCache {
    /** Paragraphs remembered: a few hundred notices' worth, a few megabytes at the most. */
    static final int CAPACITY = 2_000;

    private final Map<String, String> entries;

    public ContainerCache() {
        this(CAPACITY);
    }

    ContainerCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized Map<String, String> get(Collection<String> keys, Budget budget) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String key : keys) {
            String japanese = entries.get(key);
            if (japanese != null) {
                found.put(key, japanese);
            }
        }
        return found;
    }

    @Override
    public synchronized void put(Map<String, String> translations, Budget budget) {
        entries.putAll(translations);
    }
}
