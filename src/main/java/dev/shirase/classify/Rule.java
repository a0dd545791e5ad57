package dev.shirase.classify;

import dev.shirase.notice.Category;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Stage;

/**
 * One row of the rules table.
 *
 * @param origin     which kind of input the key belongs to
 * @param key        an exact code, or {@code *SUFFIX} for any code ending so
 * @param category   the category; for {@link Refinement#BY_WORDS} rows, the one used when the text says nothing more
 * @param obligation the obligation, or null to read it from the event (actionability, words)
 * @param stage      the stage the code itself means (an RDS "finished" event is COMPLETED)
 * @param title      a short Japanese name for what happens
 * @param refinement whether the English text may name a more precise category
 */
public record Rule(Origin origin, String key, Category category, Obligation obligation, Stage stage, String title,
        Refinement refinement) {

    public enum Refinement {
        /** The code says it all. */
        FIXED,
        /** A broad code (an account notification, a generic maintenance) whose text tells what it really is. */
        BY_WORDS
    }

    public boolean isPattern() {
        return key.startsWith("*");
    }

    public boolean matches(Origin inputOrigin, String code) {
        if (code == null || inputOrigin != origin) {
            return false;
        }
        return isPattern() ? code.endsWith(key.substring(1)) : code.equals(key);
    }
}
