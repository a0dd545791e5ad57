package dev.shirase.render;

import dev.shirase.notice.Translation;
import dev.shirase.render.Links.Link;
import java.util.List;

/**
 * The HTML email body, laid out like the plain text under a box of the key facts. Every value that comes from an event
 * is escaped: AWS text, resource ids and tags are data, never markup. Void elements are self-closed so the document is
 * also well-formed XML, which mail clients of every age read the same way. Styles are inline (webmail drops style
 * sheets), and nothing is wider than a phone's screen: long values break anywhere, commands scroll in their own box.
 */
public final class HtmlEmail {
    private HtmlEmail() {
    }

    /**
     * Long URLs, ARNs and ids break anywhere rather than widen the page past a phone's screen. {@code overflow-wrap:
     * anywhere} is the standard; {@code word-wrap} and {@code word-break:break-word} are the older spellings that mail
     * clients built on older engines honour. Inherited, so set once on the wrapper.
     */
    static final String WRAP = "overflow-wrap:anywhere;word-wrap:break-word;word-break:break-word";
    /** A table that never grows past its container: fixed layout ignores the width of unbreakable content. */
    static final String TABLE = "width:100%;border-collapse:collapse;table-layout:fixed;";
    static final String CELL = "padding:6px 8px;border-bottom:1px solid #e5e5e5;vertical-align:top;text-align:left;";
    private static final String LABEL = CELL + "width:6.5em;background:#f5f5f5;font-weight:bold;";

    public static String render(NoticeContent c, String subject) {
        StringBuilder h = new StringBuilder(4096);
        start(h, subject);
        banner(h, c.urgency(), subject);
        if (!c.changes().isEmpty()) {
            section(h, "変更点");
            list(h, c.changes(), "ul");
        }
        keyFacts(h, c);
        section(h, "概要").append("<p>").append(escape(c.summary())).append("</p>\n");
        list(h, c.facts(), "ul");
        section(h, "区分").append("<p>").append(escape(c.classification())).append("</p>\n");
        section(h, "対象リソース: " + c.scope());
        list(h, c.resourceLines(), "ul");
        if (c.resourceNote() != null) {
            h.append("<p>").append(lines(c.resourceNote())).append("</p>\n");
        }
        if (!c.databases().isEmpty()) {
            section(h, "データベースの状態");
            list(h, c.databases(), "ul");
        }
        section(h, "日時");
        list(h, c.dateLines(), "ul");
        section(h, "影響").append("<p>").append(escape(c.impact())).append("</p>\n");
        section(h, "推奨対応");
        steps(h, c.steps());
        if (c.readError() != null) {
            section(h, "読み取れなかった理由").append("<p>").append(escape(c.readError())).append("</p>\n");
        }
        if (c.translation() != null) {
            translation(h, c.translation());
        }
        section(h, "原文 (English)");
        h.append("<pre style=\"white-space:pre-wrap;font-family:inherit;background:#fafafa;padding:8px;margin:0\">")
                .append(c.original().isBlank() ? "(原文はありません)" : escape(c.original().strip())).append("</pre>\n");
        if (c.raw() != null) {
            section(h, "受信した内容");
            h.append("<pre style=\"white-space:pre-wrap;font-size:12px;background:#fafafa;padding:8px;margin:0\">")
                    .append(escape(c.raw().strip())).append("</pre>\n");
        }
        if (!c.links().isEmpty()) {
            section(h, "リンク").append("<ul>\n");
            for (Link link : c.links()) {
                h.append("<li><a href=\"").append(escape(link.url())).append("\">").append(escape(link.label()))
                        .append("</a></li>\n");
            }
            h.append("</ul>\n");
        }
        section(h, "識別情報");
        h.append("<p style=\"font-size:12px;color:#666\">").append(lines(String.join("\n", c.identifiers())))
                .append("</p>\n");
        return end(h).toString();
    }

    /**
     * The document up to our wrapper, titled with the subject. The styles sit on a wrapper as well as the body because
     * some webmail clients drop the body's attributes.
     */
    static StringBuilder start(StringBuilder h, String subject) {
        return h.append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"UTF-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>")
                .append(escape(subject)).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:0;").append(WRAP).append("\">\n")
                .append("<div style=\"font-family:'Hiragino Sans','Meiryo',sans-serif;line-height:1.6;color:#222;"
                        + "max-width:760px;margin:0 auto;padding:16px;").append(WRAP).append("\">\n");
    }

    /** Closes what {@link #start} opened. */
    static StringBuilder end(StringBuilder h) {
        return h.append("</div>\n</body>\n</html>\n");
    }

    /** The subject in a band coloured by its urgency. */
    static StringBuilder banner(StringBuilder h, String urgency, String subject) {
        return h.append("<div style=\"border-left:6px solid ").append(colour(urgency))
                .append(";padding:8px 12px;background:#f7f7f7\">\n")
                .append("<p style=\"margin:0;font-size:18px;font-weight:bold\">").append(escape(subject)).append("</p>\n")
                .append("</div>\n");
    }

    /** 区分, 期限, 対象 and 停止の目安 in a box under the subject: the ten-second answers, before any sentence. */
    private static void keyFacts(StringBuilder h, NoticeContent c) {
        KeyFacts k = c.keyFacts();
        h.append("<table role=\"presentation\" style=\"").append(TABLE)
                .append("margin:12px 0 0;border:1px solid #ddd\">\n");
        fact(h, "区分", "<strong style=\"color:" + bindingColour(k.binding()) + "\">" + escape(k.binding()) + "</strong>");
        String deadline = c.deadlineShort() == null ? "日付の指定なし" : escape(c.deadlineShort());
        fact(h, "期限", k.daysLeft() == null ? deadline : deadline + " <strong>(" + escape(k.daysLeft()) + ")</strong>");
        fact(h, "対象", escape(names(k)) + "<br />" + escape(k.region()));
        if (c.downtime() != null) {
            fact(h, "停止の目安", escape(c.downtime()));
        }
        h.append("</table>\n");
    }

    private static void fact(StringBuilder h, String label, String valueHtml) {
        h.append("<tr><th scope=\"row\" style=\"").append(LABEL).append("\">").append(escape(label))
                .append("</th><td style=\"").append(CELL).append("\">").append(valueHtml).append("</td></tr>\n");
    }

    /** {@code db-1、db-2、db-3 ほか 1497件 (全 1500件)}. */
    static String names(KeyFacts k) {
        return k.names().isEmpty() ? "リソースの記載なし" : String.join("、", k.names())
                + (k.resourceCount() > k.names().size() ? " " + NoticeContent.moreResources(k.names().size(), k.resourceCount()) : "");
    }

    /** Escapes text for both element content and quoted attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        // Most text has nothing to escape: it is returned as it is, not copied a char at a time (a digest escapes
        // thousands of rows).
        int first = 0;
        while (first < s.length() && !escaped(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean escaped(char c) {
        return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
    }

    static StringBuilder section(StringBuilder h, String heading) {
        return h.append("<h2 style=\"font-size:16px;border-bottom:1px solid #ddd;margin-top:24px\">")
                .append(escape(heading)).append("</h2>\n");
    }

    private static void list(StringBuilder h, List<String> items, String tag) {
        if (items.isEmpty()) {
            return;
        }
        h.append('<').append(tag).append(">\n");
        items.forEach(item -> h.append("<li>").append(escape(item)).append("</li>\n"));
        h.append("</").append(tag).append(">\n");
    }

    /** Each paragraph as the service put it, its lines kept; a paragraph not shown is said so in grey. */
    private static void translation(StringBuilder h, Translation t) {
        section(h, TranslationLines.HEADING);
        List<TranslationLines.Block> blocks = TranslationLines.paragraphs(t);
        if (blocks == null) {
            h.append("<p>").append(escape(TranslationLines.none(t))).append("</p>\n");
            return;
        }
        for (TranslationLines.Block block : blocks) {
            h.append(block.shown() ? "<p style=\"white-space:pre-wrap\">" : "<p style=\"color:#666\">")
                    .append(escape(block.text())).append("</p>\n");
        }
        h.append("<p style=\"font-size:12px;color:#666\">").append(escape(TranslationLines.note(t))).append("</p>\n");
    }

    /** Commands in a monospace block that scrolls sideways rather than breaking inside an option. */
    private static void steps(StringBuilder h, List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        h.append("<ol>\n");
        for (Step step : steps) {
            h.append("<li>").append(escape(step.text()));
            if (step.command() != null) {
                command(h, step.command());
            }
            h.append("</li>\n");
        }
        h.append("</ol>\n");
    }

    /**
     * A command on one line in its own scrolling box: a command broken across lines, or broken by the wrapper's
     * break-anywhere rule inside an option, would not run when pasted.
     */
    static StringBuilder command(StringBuilder h, String command) {
        return h.append("<pre style=\"white-space:pre;overflow-wrap:normal;word-wrap:normal;word-break:normal;"
                        + "overflow-x:auto;max-width:100%;box-sizing:border-box;margin:4px 0;padding:6px 8px;"
                        + "font-family:Menlo,Consolas,monospace;font-size:12px;line-height:1.4;background:#f0f0f0\"><code>")
                .append(escape(command)).append("</code></pre>");
    }

    static String lines(String text) {
        return escape(text).replace("\n", "<br />\n");
    }

    static String colour(String urgency) {
        return switch (urgency) {
            case "要対応・必須" -> "#c62828";
            case "要確認" -> "#ef6c00";
            case "完了" -> "#2e7d32";
            default -> "#1565c0";
        };
    }

    /** The colour of 必須 (red), 任意 and 未分類 (orange, someone must look), and 情報 (blue). */
    static String bindingColour(String binding) {
        return switch (binding) {
            case "必須" -> "#c62828";
            case "任意", "未分類" -> "#ef6c00";
            default -> "#1565c0";
        };
    }
}
