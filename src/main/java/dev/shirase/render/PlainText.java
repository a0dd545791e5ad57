package dev.shirase.render;

import dev.shirase.render.Links.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-text body, for SNS (email, SQS, chat fallbacks) and as the text part of the HTML email. Fits in a byte
 * budget by cutting the longest parts that can be cut (the received input, then the English original) at a character
 * boundary, with a note of what was cut; the Japanese parts are never cut.
 */
public final class PlainText {

    private record Section(String heading, String body, boolean cuttable) {
    }

    private PlainText() {
    }

    public static String render(NoticeContent c) {
        return render(c, Integer.MAX_VALUE);
    }

    public static String render(NoticeContent c, int maxBytes) {
        List<Section> sections = sections(c);
        String text = join(sections);
        int overflow = Utf8.length(text) - maxBytes;
        if (overflow <= 0) {
            return text;
        }
        // Cut the received input first (least readable), then the English original.
        for (int i = sections.size() - 1; i >= 0 && overflow > 0; i--) {
            Section s = sections.get(i);
            if (!s.cuttable()) {
                continue;
            }
            int size = Utf8.length(s.body());
            String noteTemplate = cutNote(maxBytes, 999_999_999);
            int keep = size - overflow - Utf8.length(noteTemplate) - 2;
            String kept = Utf8.truncate(s.body(), Math.max(keep, 0));
            int cutChars = s.body().codePointCount(0, s.body().length()) - kept.codePointCount(0, kept.length());
            String body = kept + "\n" + cutNote(maxBytes, cutChars);
            sections.set(i, new Section(s.heading(), body, false));
            text = join(sections);
            overflow = Utf8.length(text) - maxBytes;
        }
        if (overflow > 0) {
            // Only reachable with an absurdly small budget: cut the end, and say so.
            String note = "\n" + cutNote(maxBytes, text.codePointCount(0, text.length()));
            text = Utf8.truncate(text, Math.max(maxBytes - Utf8.length(note), 0)) + note;
        }
        return text;
    }

    private static String cutNote(int maxBytes, int cutChars) {
        return String.format(Locale.ROOT, "(通知の上限 %,d バイトに収めるため、ここから %,d 文字を省略しました。"
                + "全文は AWS Health ダッシュボードかメールで確認してください)", maxBytes, cutChars);
    }

    private static List<Section> sections(NoticeContent c) {
        List<Section> sections = new ArrayList<>();
        if (!c.changes().isEmpty()) {
            sections.add(new Section("変更点", String.join("\n", c.changes()), false));
        }
        StringBuilder summary = new StringBuilder(c.summary());
        c.facts().forEach(fact -> summary.append("\n・").append(fact));
        sections.add(new Section("概要", summary.toString(), false));
        sections.add(new Section("区分", c.classification(), false));
        StringBuilder resources = new StringBuilder();
        c.resourceLines().forEach(line -> resources.append("- ").append(line).append('\n'));
        if (c.resourceNote() != null) {
            resources.append(c.resourceNote()).append('\n');
        }
        sections.add(new Section("対象リソース: " + c.scope(), resources.toString().stripTrailing(), false));
        if (!c.databases().isEmpty()) {
            sections.add(new Section("データベースの状態", String.join("\n", c.databases()), false));
        }
        sections.add(new Section("日時", String.join("\n", c.dateLines()), false));
        sections.add(new Section("影響", c.impact(), false));
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < c.steps().size(); i++) {
            Step step = c.steps().get(i);
            steps.append(i + 1).append(". ").append(step.text()).append('\n');
            if (step.command() != null) {
                steps.append("   ").append(step.command()).append('\n');
            }
        }
        sections.add(new Section("推奨対応", steps.toString().stripTrailing(), false));
        if (c.readError() != null) {
            sections.add(new Section("読み取れなかった理由", c.readError(), false));
        }
        if (c.translation() != null) {
            sections.add(new Section(TranslationLines.HEADING, TranslationLines.text(c.translation()), true));
        }
        sections.add(new Section("原文 (English)", c.original().isBlank() ? "(原文はありません)" : c.original().strip(),
                !c.original().isBlank()));
        if (c.raw() != null) {
            sections.add(new Section("受信した内容", c.raw().strip(), true));
        }
        if (!c.links().isEmpty()) {
            StringBuilder links = new StringBuilder();
            for (Link link : c.links()) {
                links.append(link.label()).append(": ").append(link.url()).append('\n');
            }
            sections.add(new Section("リンク", links.toString().stripTrailing(), false));
        }
        sections.add(new Section("識別情報", String.join("\n", c.identifiers()), false));
        return sections;
    }

    private static String join(List<Section> sections) {
        StringBuilder text = new StringBuilder();
        for (Section s : sections) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append("■ ").append(s.heading()).append('\n').append(s.body());
        }
        return text.append('\n').toString();
    }
}
