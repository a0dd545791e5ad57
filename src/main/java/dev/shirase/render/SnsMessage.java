package dev.shirase.render;

import dev.shirase.json.JsonDocument;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The per-protocol SNS message (MessageStructure json): the Japanese text for email, SQS and every other protocol
 * ("default"), and the chat notification for https subscribers (Amazon Q Developer). The 262,144-byte limit applies
 * to the whole JSON document, so the text is fitted to what the chat part and the JSON escaping leave. The document
 * fits by construction, whatever the text holds: what does not fit is cut, and the cut is stated.
 */
public final class SnsMessage {
    public static final int MAX_BYTES = 262_144;
    /** Kept back when asking for a shorter text, for the part of escaping that a scaled budget misjudges. */
    private static final int MARGIN_BYTES = 64;
    private static final int ATTEMPTS = 3;

    /** The bytes of each ASCII character once escaped as JSON. */
    private static final byte[] ESCAPED_ASCII = new byte[128];

    static {
        for (int c = 0; c < ESCAPED_ASCII.length; c++) {
            ESCAPED_ASCII[c] = (byte) switch (c) {
                case '"', '\\', '\b', '\f', '\n', '\r', '\t' -> 2;
                default -> c < 0x20 ? 6 : 1;
            };
        }
    }

    private SnsMessage() {
    }

    /**
     * @param textWithin the text, cut to fit a number of UTF-8 bytes; asked again with less when escaping makes it
     *                   too long
     * @param chatJson   the chat notification; one that would take more than half the message is replaced by a short
     *                   one saying so
     */
    public static String of(IntFunction<String> textWithin, String chatJson) {
        return of(textWithin, chatJson, MAX_BYTES);
    }

    static String of(IntFunction<String> textWithin, String chatJson, int maxBytes) {
        String chat = chatJson != null && escapedBytes(chatJson) <= maxBytes / 2 ? chatJson : chatLeftOut();
        // What the text may take once escaped; the document's own quotes, keys and chat are already counted.
        int room = maxBytes - Utf8.length(document("", chat));
        String text = orEmpty(textWithin.apply(room));
        int escaped = escapedBytes(text);
        // JSON writes quotes and line breaks as 2 bytes and other controls as 6: ask again, scaled by how much longer
        // the escaped text came out than the text itself.
        for (int attempt = 0; attempt < ATTEMPTS && escaped > room; attempt++) {
            long budget = (long) Utf8.length(text) * room / escaped - MARGIN_BYTES;
            text = orEmpty(textWithin.apply((int) Math.max(budget, 0)));
            escaped = escapedBytes(text);
        }
        if (escaped > room) {
            text = cut(text, room, maxBytes);
        }
        return document(text, chat);
    }

    /**
     * The bytes {@code s} takes as a JSON string value as Jackson writes it, without the quotes: {@code "} and
     * {@code \} and the controls with a short escape take 2, other controls 6 ({@code \u001b}), the rest their UTF-8.
     * A lone surrogate counts as 3, which is at least what any encoder writes for it.
     */
    static int escapedBytes(String s) {
        return Utf8.length(s, ESCAPED_ASCII);
    }

    /** The start of {@code text} that fits in {@code room} escaped bytes, with a note of how much was cut. */
    private static String cut(String text, int room, int maxBytes) {
        int keep = room - escapedBytes(cutNote(maxBytes, Integer.MAX_VALUE));
        // Only a budget too small for the note itself (far below SNS's) leaves the text empty.
        if (keep < 0) {
            return "";
        }
        String kept = Utf8.truncate(text, keep, ESCAPED_ASCII);
        return kept + cutNote(maxBytes, text.codePointCount(kept.length(), text.length()));
    }

    private static String cutNote(int maxBytes, int cutChars) {
        return String.format(Locale.ROOT, "\n(SNS の上限 %,d バイトに収めるため、ここから %,d 文字を省略しました。"
                + "全文はメールまたは AWS Health ダッシュボードで確認してください)", maxBytes, cutChars);
    }

    /** Stands in for a chat notification too large to send: the chat still says that something came. */
    private static String chatLeftOut() {
        return new ChatNotification.Builder("【要確認】AWS からの通知 (チャット用の内容を省略)",
                "チャット用の通知が SNS の上限に収まらなかったため、省略しました。内容はメールで確認してください。").json();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String document(String text, String chatJson) {
        return JsonDocument.text(json -> {
            json.writeStartObject();
            json.writeStringField("default", text);
            json.writeStringField("https", chatJson);
            json.writeEndObject();
        });
    }
}
