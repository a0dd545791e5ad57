package dev.shirase.render;

/**
 * One recommended step: what to do, and the command that does it when there is one. Kept apart so that each format
 * can show the command whole, in a monospace block that never wraps inside an option.
 *
 * @param text    the step in Japanese
 * @param command a shell command, or null
 */
public record Step(String text, String command) {

    public static Step of(String text) {
        return new Step(text, null);
    }

    public static Step run(String text, String command) {
        return new Step(text, command);
    }

    /** The step on one line, the command after the text: for chat and other single-line forms. */
    public String inline() {
        return command == null ? text : text + " " + command;
    }
}
