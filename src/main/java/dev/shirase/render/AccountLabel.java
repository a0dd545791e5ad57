package dev.shirase.render;

/**
 * An account as a notice shows it: {@code prod-web (111122223333)} when its name is known, else its id alone. A name
 * comes from configuration or AWS Organizations, so it is cleaned like any event value (no line breaks, controls or
 * characters that reorder or hide text) and kept short.
 */
final class AccountLabel {
    /** Organizations allows 50 characters; a configured name may be longer, and is shortened past this. */
    static final int MAX_NAME = 64;

    private AccountLabel() {
    }

    /** The name fit to show, or null when there is none (or nothing visible is left of it). */
    static String name(String name, String id) {
        if (name == null) {
            return null;
        }
        String shown = Shorten.end(Subject.clean(name), MAX_NAME);
        return shown.isEmpty() || shown.equals(id) ? null : shown;
    }

    /** {@code prod-web (111122223333)}, or the id. */
    static String of(String id, String name) {
        String shown = name(name, id);
        String ids = Shorten.id(id);
        return shown == null ? ids : shown + " (" + ids + ")";
    }
}
