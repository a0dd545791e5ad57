package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.notice.Translation;
import dev.shirase.notice.Translation.Gap;
import dev.shirase.notice.Translation.Paragraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 和訳 (機械翻訳) in words: what is shown, and why a paragraph or the whole translation is not. */
class TranslationLinesTest {
    private static final Paragraph FIRST = Paragraph.translated("We will upgrade 13.12 to 13.16.",
            "13.12 を 13.16 にアップグレードします。");

    @Test
    void aParagraphLeftOutNamesItsPlaceAndWhatTheTranslationLost() {
        Translation t = new Translation(List.of(FIRST, Paragraph.missing("Reboot on March 1, 2027 at 10:00 UTC.",
                Gap.UNFAITHFUL, List.of("2027-03-01", "10:00", "a", "b"))), List.of("Amazon Translate"));

        assertThat(TranslationLines.text(t)).isEqualTo("""
                13.12 を 13.16 にアップグレードします。

                〔第2段落は、機械翻訳の訳文に原文の「2027-03-01」「10:00」「a」などがなかったため、和訳を表示していません。原文 (English) の同じ段落を確認してください〕

                ※ Amazon Translate による機械翻訳です。数値・バージョン・日付・ID・URL が原文と一致することは確認済みですが、\
                判断に迷う箇所は原文を優先してください。""");
    }

    @Test
    void noParagraphShownSaysWhyOnceAndADenialSaysWhereToLook() {
        Translation denied = new Translation(List.of(Paragraph.missing("a", Gap.DENIED, List.of()),
                Paragraph.missing("b", Gap.DENIED, List.of())), List.of());
        assertThat(TranslationLines.text(denied)).isEqualTo("翻訳サービスを呼び出す権限がないため、和訳はありません。"
                + "原文 (English) を確認してください。関数の IAM ポリシーと、Bedrock を使う場合はモデルアクセスを確認してください。");

        Translation tooLong = new Translation(List.of(Paragraph.missing("a", Gap.TOO_LONG, List.of())), List.of());
        assertThat(TranslationLines.text(tooLong)).startsWith(
                "通知 1 件で翻訳する量の上限 (30,000 文字、50 段落) を超えたため、和訳はありません。");
    }

    @Test
    void aParagraphThatReadsTheSameIsNoTranslationByItself() {
        Translation linksOnly = new Translation(List.of(Paragraph.translated("https://aws.amazon.com/support",
                "https://aws.amazon.com/support"), Paragraph.missing("Reboot soon.", Gap.THROTTLED, List.of())), List.of());

        assertThat(TranslationLines.text(linksOnly)).isEqualTo(
                "翻訳サービスの呼び出し上限に達したため、和訳はありません。原文 (English) を確認してください。");
    }

    @Test
    void theParagraphsPastTheCapAreOneLine() {
        Translation t = new Translation(List.of(FIRST, Paragraph.missing("b", Gap.TOO_LONG, List.of()),
                Paragraph.missing("c", Gap.TOO_LONG, List.of())), List.of("Amazon Translate"));

        assertThat(TranslationLines.paragraphs(t)).extracting(TranslationLines.Block::text).containsExactly(
                "13.12 を 13.16 にアップグレードします。",
                "〔第2段落以降は、通知 1 件で翻訳する量の上限 (30,000 文字、50 段落) を超えたため、和訳を表示していません。"
                        + "原文 (English) を確認してください〕");
    }

    @Test
    void twoServicesAreBothNamed() {
        Translation t = new Translation(List.of(FIRST), List.of("Amazon Bedrock (m)", "Amazon Translate"));

        assertThat(TranslationLines.note(t)).startsWith("※ Amazon Bedrock (m) と Amazon Translate による機械翻訳です。");
    }
}
