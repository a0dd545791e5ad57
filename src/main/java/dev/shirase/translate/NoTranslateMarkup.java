package dev.shirase.translate;

import dev.shirase.translate.TranslationCheck.Span;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS's English as Amazon Translate is sent it, and its answer back as text. Translate leaves the content of an HTML
 * element marked {@code translate="no"} as it is, so the text goes as HTML: the spans a translation must keep
 * (versions, ids, ARNs, URLs, dates, times) each in such an element, its special characters escaped, and its line
 * breaks as {@code <br>} (HTML takes a newline for a space, and the notice keeps AWS's lines).
 */
final class NoTranslateMarkup {
    private static final String OPEN = "<span translate=\"no\">";
    private static final String CLOSE = "</span>";
    /** Any span tag: Translate may write the attribute unquoted, in single quotes or with spaces. */
    private static final Pattern SPAN_TAG = Pattern.compile("</?span\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    /** A line break in any of its forms, with the spaces Translate may put around it. */
    private static final Pattern LINE_BREAK = Pattern.compile("[ \\t]*</?br\\s*/?>[ \\t]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));");

    private NoTranslateMarkup() {
    }

    /** {@code text} as HTML, each of {@code spans} (sorted, not overlapping) marked to be left as it is. */
    static String wrap(String text, List<Span> spans) {
        StringBuilder html = new StringBuilder(text.length() + 32 * spans.size() + 16);
        int at = 0;
        for (Span span : spans) {
            escape(text, at, span.start(), html);
            html.append(OPEN);
            escape(text, span.start(), span.end(), html);
            html.append(CLOSE);
            at = span.end();
        }
        escape(text, at, text.length(), html);
        return html.toString();
    }

    /** Translate's answer as text: the span tags gone, line breaks as newlines, entities as their characters. */
    static String unwrap(String html) {
        String text = SPAN_TAG.matcher(html).replaceAll("");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        return ENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(character(m)));
    }

    private static void escape(String text, int from, int to, StringBuilder html) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\r' -> {
                    if (i + 1 >= to || text.charAt(i + 1) != '\n') {
                        html.append("<br>");
                    }
                }
                case '\n' -> html.append("<br>");
                default -> html.append(c);
            }
        }
    }

    private static String character(MatchResult entity) {
        if (entity.group(3) != null) {
            return switch (entity.group(3)) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> " "; // nbsp: the notice's text has no use for a space that does not break
            };
        }
        int codePoint = entity.group(1) != null ? Integer.parseInt(entity.group(1)) : Integer.parseInt(entity.group(2), 16);
        return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : entity.group();
    }
}
