package dev.shirase.render;

/** Text for the chat notification, where event values must not act as chat markup. */
public final class ChatText {
    private ChatText() {
    }

    /** The text with Slack and Teams mention, link and formatting syntax made inert. */
    public static String neutralise(String text) {
        if (text == null) {
            return null;
        }
        return text.replace('<', '＜').replace('>', '＞');
    }
}
