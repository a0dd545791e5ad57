package dev.shirase.render;

import dev.shirase.notice.Announcement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The notice that still goes out when the full one cannot be made (a defect in reading, classifying or rendering, or
 * an {@link Error} such as running out of memory): a subject, what identifies the event, why, and the content as
 * received. Made from a few bounded strings with no analysis, so it fits every channel by construction.
 *
 * @param subject       the subject line
 * @param summary       the Japanese lines before the received content: what this is, why, and the event's identity
 * @param received      the content as received, already cut to {@link #MAX_RECEIVED_BYTES}
 * @param receivedChars how long the content was before that cut
 */
public record MinimalNotice(String subject, String summary, String received, int receivedChars) implements Outgoing {
    /** The received content kept at most (1 MiB: as much as Lambda accepts in one asynchronous event). */
    static final int MAX_RECEIVED_BYTES = 1 << 20;
    private static final int MAX_WHY_CHARS = 500;

    /** The minimal form of a notice about {@code a} (an unrecognized announcement carries only the raw input). */
    public static MinimalNotice of(Announcement a, String why) {
        return of(a, null, why);
    }

    /** The same, naming the account as {@code accountName} when it is known. */
    public static MinimalNotice of(Announcement a, String accountName, String why) {
        List<String> identity = new ArrayList<>();
        add(identity, "イベント ID", a.eventId());
        add(identity, "イベント ARN", a.eventArn());
        add(identity, "種類", a.code() != null ? a.code() : a.detailType());
        add(identity, "サービス", a.service());
        if (a.account() != null && !a.account().isBlank()) {
            identity.add("アカウント: " + AccountLabel.of(Subject.clean(a.account()), accountName));
        }
        add(identity, "リージョン", a.region());
        String name = a.code() != null ? a.code() : a.eventId() != null ? a.eventId() : a.detailType();
        return of(name, identity, a.raw(), why);
    }

    /** The minimal form of input that could not even be read into an announcement. */
    public static MinimalNotice ofRaw(String raw, String why) {
        return of(null, List.of(), raw, why);
    }

    /** The minimal form of the scan's digest: its own text is the content worth keeping. */
    static MinimalNotice ofDigest(String subject, String text, String why) {
        return of(null, List.of("スキャンのまとめ: " + Shorten.id(Subject.clean(subject))), text, why);
    }

    private static MinimalNotice of(String name, List<String> identity, String raw, String why) {
        String subject = subject(name);
        StringBuilder summary = new StringBuilder()
                .append("■ 概要\n")
                .append("この通知は簡易版です。AWS から届いた内容を日本語の通知にまとめられなかったため、受け取った内容を"
                        + "そのまま送ります。内容を確認し、対応が必要か判断してください。\n\n")
                .append("■ まとめられなかった理由\n").append(Shorten.end(why == null ? "不明" : why, MAX_WHY_CHARS)).append('\n');
        if (!identity.isEmpty()) {
            summary.append("\n■ 識別情報\n");
            identity.forEach(line -> summary.append(line).append('\n'));
        }
        String content = raw == null ? "" : raw.strip();
        return new MinimalNotice(subject, summary.toString(), Utf8.truncate(content, MAX_RECEIVED_BYTES), content.length());
    }

    private static String subject(String name) {
        String prefix = "【要確認】AWS からの通知 (簡易表示)";
        String id = name == null ? "" : Subject.clean(Subject.shortName(name));
        int room = Subject.MAX_LENGTH - prefix.length() - 1;
        return id.isEmpty() ? prefix : prefix + " " + Shorten.end(id, room);
    }

    private static void add(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + ": " + Shorten.id(Subject.clean(value)));
        }
    }

    @Override
    public String text() {
        return text(Integer.MAX_VALUE);
    }

    /** The text within {@code maxBytes} of UTF-8: the received content is cut first, and the cut is stated. */
    String text(int maxBytes) {
        String head = summary + "\n■ 受信した内容\n";
        String full = head + (received.isEmpty() ? "(空)" : received) + "\n" + cutNote(received) + "\n";
        if (Utf8.length(full) <= maxBytes) {
            return full;
        }
        // The note's length hardly depends on the number in it: size it for the largest.
        int room = maxBytes - Utf8.length(head) - Utf8.length("\n" + cutNote(999_999_999) + "\n");
        if (room < 0) {
            return Utf8.truncate(head, Math.max(maxBytes, 0));
        }
        String kept = Utf8.truncate(received, room);
        return head + kept + "\n" + cutNote(kept) + "\n";
    }

    /** The note of what is left out when {@code shown} is what shows of the received content; empty when nothing is. */
    private String cutNote(String shown) {
        int cut = receivedChars - shown.length();
        return cut <= 0 ? "" : cutNote(cut);
    }

    private static String cutNote(int cutChars) {
        return String.format(Locale.ROOT, "(上限に収めるため、受信した内容のここから %,d 文字を省略しました)", cutChars);
    }

    @Override
    public String html() {
        StringBuilder h = HtmlEmail.start(new StringBuilder(), subject)
                .append("<p style=\"font-size:18px;font-weight:bold\">").append(HtmlEmail.escape(subject)).append("</p>\n")
                .append("<pre style=\"white-space:pre-wrap;font-family:inherit\">").append(HtmlEmail.escape(text()))
                .append("</pre>\n");
        return HtmlEmail.end(h).toString();
    }

    @Override
    public String chat() {
        return new ChatNotification.Builder(subject, ChatText.neutralise(summary))
                .nextStep("受け取った内容はメールで確認してください。")
                .summary(subject)
                .json();
    }

    @Override
    public String snsMessage() {
        return SnsMessage.of(this::text, chat());
    }

    @Override
    public Outgoing fallback(String why) {
        return this;
    }
}
