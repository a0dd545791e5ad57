package dev.shirase.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.IntFunction;

/**
 * The per-protocol SNS message (MessageStructure json): the Japanese text for email, SQS and every other protocol
 * ("default"), and the chat notification for https subscribers (Amazon Q Developer). The 262,144-byte limit applies
 * to the whole JSON document, so the text is fitted to what the chat part and the JSON escaping leave.
 */
public final class SnsMessage {
    public static final int MAX_BYTES = 262_144;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SnsMessage() {
    }

    /**
     * @param textWithin the text, cut to fit a number of UTF-8 bytes
     * @param chatJson   the chat notification
     */
    public static String of(IntFunction<String> textWithin, String chatJson) {
        return of(textWithin, chatJson, MAX_BYTES);
    }

    static String of(IntFunction<String> textWithin, String chatJson, int maxBytes) {
        int budget = maxBytes - Utf8.length(document("", chatJson));
        String message = document(textWithin.apply(budget), chatJson);
        // JSON escaping (newlines, quotes) makes the document longer than the text; shrink by what is over.
        for (int attempt = 0; attempt < 5 && Utf8.length(message) > maxBytes; attempt++) {
            budget -= Utf8.length(message) - maxBytes + 64;
            message = document(textWithin.apply(budget), chatJson);
        }
        if (Utf8.length(message) > maxBytes) {
            throw new IllegalStateException("SNS message does not fit in " + maxBytes + " bytes");
        }
        return message;
    }

    private static String document(String text, String chatJson) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("default", text);
        root.put("https", chatJson);
        return root.toString();
    }
}
