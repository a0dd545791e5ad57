package dev.shirase.render;

import dev.shirase.render.Links.Link;
import java.util.List;

/**
 * The HTML email body, laid out like the plain text. Every value that comes from an event is escaped: AWS text,
 * resource ids and tags are data, never markup. Void elements are self-closed so the document is also well-formed XML,
 * which mail clients of every age read the same way.
 */
public final class HtmlEmail {
    private HtmlEmail() {
    }

    public static String render(NoticeContent c, String subject) {
        StringBuilder h = new StringBuilder(4096);
        start(h, subject)
                .append("<div style=\"border-left:6px solid ").append(colour(c.urgency()))
                .append(";padding:8px 12px;background:#f7f7f7\">\n")
                .append("<p style=\"margin:0;font-size:18px;font-weight:bold\">").append(escape(subject)).append("</p>\n")
                .append("</div>\n");
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
        section(h, "原文 (English)");
        h.append("<pre style=\"white-space:pre-wrap;font-family:inherit;background:#fafafa;padding:8px\">")
                .append(c.original().isBlank() ? "(原文はありません)" : escape(c.original().strip())).append("</pre>\n");
        if (c.raw() != null) {
            section(h, "受信した内容");
            h.append("<pre style=\"white-space:pre-wrap;font-size:12px;background:#fafafa;padding:8px\">")
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
        return h.append("</body>\n</html>\n").toString();
    }

    /** The document up to the opening body tag, titled with the subject. */
    static StringBuilder start(StringBuilder h, String subject) {
        return h.append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"UTF-8\" />\n<title>")
                .append(escape(subject)).append("</title>\n</head>\n")
                .append("<body style=\"font-family:'Hiragino Sans','Meiryo',sans-serif;line-height:1.6;color:#222;"
                        + "max-width:760px;margin:0 auto;padding:16px\">\n");
    }

    /** Escapes text for both element content and quoted attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
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

    private static StringBuilder section(StringBuilder h, String heading) {
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

    /** Commands in a monospace block that scrolls sideways rather than breaking inside an option. */
    private static void steps(StringBuilder h, List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        h.append("<ol>\n");
        for (Step step : steps) {
            h.append("<li>").append(escape(step.text()));
            if (step.command() != null) {
                h.append("<pre style=\"white-space:pre;overflow-x:auto;font-family:Menlo,Consolas,monospace;"
                        + "font-size:12px;background:#f0f0f0;padding:6px\"><code>").append(escape(step.command()))
                        .append("</code></pre>");
            }
            h.append("</li>\n");
        }
        h.append("</ol>\n");
    }

    private static String lines(String text) {
        return escape(text).replace("\n", "<br />\n");
    }

    private static String colour(String urgency) {
        return switch (urgency) {
            case "要対応・必須" -> "#c62828";
            case "要確認" -> "#ef6c00";
            case "完了" -> "#2e7d32";
            default -> "#1565c0";
        };
    }
}
