package dev.shirase.render;

/**
 * Text for the chat notification, where event values must not act as chat markup. Amazon Q Developer renders
 * client-markdown as Slack mrkdwn or Teams markdown, so a resource id such as {@code <!channel>} would notify a whole
 * channel, and {@code [docs](https://...)} would hide where a link goes. Each rule below makes one kind of syntax
 * inert while the text stays readable: the fullwidth look-alikes read the same to a person and mean nothing to the
 * platforms. Our own markup ({@code *対象リソース*}, bullets) is added around values after they pass through here.
 */
public final class ChatText {
    private ChatText() {
    }

    /** Event text, possibly of several lines, with Slack and Teams mention, link and formatting syntax made inert. */
    public static String neutralise(String text) {
        return inert(Characters.visible(text, true));
    }

    /** As {@link #neutralise}, on one line: for titles, ids and list items, where a line break would end our layout. */
    public static String inline(String text) {
        return inert(Characters.visible(text, false));
    }

    private static String inert(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean lineStart = true;
        int previous = ' ';
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int next = i < text.length() ? text.codePointAt(i) : ' ';
            int shown = switch (c) {
                // Slack's <!channel>, <!here>, <@U123>, <#C123>, <https://x|y>; Teams' <at>; HTML; a > quote.
                case '<' -> '＜';
                case '>' -> '＞';
                // Markdown links and images, [text](url) and ![alt](url), which hide their target.
                case '[' -> '［';
                case ']' -> '］';
                // Code spans and blocks: an unbalanced ``` would swallow the rest of the message, headings included.
                case '`' -> '｀';
                // Bold and italic in both dialects; CommonMark acts on * inside a word too, so every one goes.
                case '*' -> '＊';
                // _italic_ and ~strike~ act only at a word's edge: my_db_1 and AWS_EC2_SYSTEM_REBOOT stay as they are.
                case '_' -> insideWord(previous, next) ? '_' : '＿';
                case '~' -> insideWord(previous, next) ? '~' : '～';
                // @here, @channel, @everyone and @name mentions, where the client links names; an address keeps its @.
                case '@' -> Character.isLetterOrDigit(previous) || previous == '.' || previous == '_' || previous == '-'
                        || previous == '+' ? '@' : '＠';
                // A heading, only at the start of a line: a # elsewhere is a URL fragment or a number.
                case '#' -> lineStart ? '＃' : '#';
                default -> c;
            };
            out.appendCodePoint(shown);
            lineStart = c == '\n' || (lineStart && c == ' ');
            previous = shown;
        }
        return out.toString();
    }

    private static boolean insideWord(int previous, int next) {
        return Character.isLetterOrDigit(previous) && Character.isLetterOrDigit(next);
    }
}
