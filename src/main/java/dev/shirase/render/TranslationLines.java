package dev.shirase.render;

import dev.shirase.notice.Translation;
import dev.shirase.notice.Translation.Gap;
import dev.shirase.notice.Translation.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * 和訳 (機械翻訳) in words: each paragraph's translation, or why it is not shown, and a closing note on who translated
 * and what was checked. Plain text, HTML and chat all take their lines from here.
 */
final class TranslationLines {
    static final String HEADING = "和訳 (機械翻訳)";
    /** The tokens named when a translation lost some: enough to show what went wrong, not a list to read. */
    private static final int LOST_NAMED = 3;
    /** A lost token as named: a URL can be long. */
    private static final int MAX_TOKEN = 80;

    private TranslationLines() {
    }

    /**
     * A block of the section: a paragraph's translation, or a bracketed line saying why one is not shown.
     *
     * @param shown whether it is a translation
     */
    record Block(String text, boolean shown) {
    }

    /**
     * One block per paragraph of the original, in order, but one for all the paragraphs past the cap on length, which
     * come last; null when no paragraph's translation is shown ({@link #none} says why instead).
     */
    static List<Block> paragraphs(Translation t) {
        if (!t.anyShown()) {
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < t.paragraphs().size(); i++) {
            Paragraph p = t.paragraphs().get(i);
            if (p.japanese() != null) {
                blocks.add(new Block(p.japanese().strip(), true));
            } else if (p.gap() == Gap.TOO_LONG) {
                blocks.add(new Block("〔第" + (i + 1) + "段落以降は、" + reason(p)
                        + "、和訳を表示していません。原文 (English) を確認してください〕", false));
                break;
            } else {
                blocks.add(new Block("〔第" + (i + 1) + "段落は、" + reason(p)
                        + "、和訳を表示していません。原文 (English) の同じ段落を確認してください〕", false));
            }
        }
        return blocks;
    }

    /** Why there is no translation at all, as one sentence; null when some paragraph's is shown. */
    static String none(Translation t) {
        if (t.anyShown() || t.paragraphs().isEmpty()) {
            return t.paragraphs().isEmpty() ? "原文がないため、和訳はありません。" : null;
        }
        // Name the first paragraph's reason: they nearly always share one (one service, one budget, one permission).
        Paragraph first = t.paragraphs().stream().filter(p -> p.gap() != null).findFirst().orElse(null);
        if (first == null) {
            // Only links and ids, which read the same: nothing needed translating.
            return "原文は URL や ID だけなので、和訳はありません。";
        }
        String hint = first.gap() == Gap.DENIED
                ? "関数の IAM ポリシーと、Bedrock を使う場合はモデルアクセスを確認してください。" : "";
        return reason(first) + "、和訳はありません。原文 (English) を確認してください。" + hint;
    }

    /** Who translated and what was checked; null when nothing is shown. */
    static String note(Translation t) {
        if (!t.anyShown()) {
            return null;
        }
        String by = t.by().isEmpty() ? "翻訳サービス" : String.join(" と ", t.by());
        return "※ " + by + " による機械翻訳です。数値・バージョン・日付・ID・URL が原文と一致することは確認済みですが、"
                + "判断に迷う箇所は原文を優先してください。";
    }

    /** The whole section body for plain text. */
    static String text(Translation t) {
        List<Block> blocks = paragraphs(t);
        if (blocks == null) {
            return none(t);
        }
        return String.join("\n\n", blocks.stream().map(Block::text).toList()) + "\n\n" + note(t);
    }

    private static String reason(Paragraph p) {
        return switch (p.gap()) {
            case UNFAITHFUL -> p.lost().isEmpty() ? "機械翻訳の訳文が原文と一致しなかったため"
                    : "機械翻訳の訳文に原文の" + p.lost().stream().limit(LOST_NAMED)
                            .map(token -> "「" + Shorten.end(token, MAX_TOKEN) + "」").collect(Collectors.joining())
                            + (p.lost().size() > LOST_NAMED ? "など" : "") + "がなかったため";
            case DENIED -> "翻訳サービスを呼び出す権限がないため";
            case THROTTLED -> "翻訳サービスの呼び出し上限に達したため";
            case TIMED_OUT -> "通知を遅らせないよう翻訳を打ち切ったため";
            case FAILED -> "翻訳サービスがエラーを返したため";
            case TOO_LONG -> String.format(Locale.ROOT, "通知 1 件で翻訳する量の上限 (%,d 文字、%d 段落) を超えたため",
                    Translation.MAX_CHARACTERS, Translation.MAX_PARAGRAPHS);
        };
    }
}
