package dev.shirase.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check a machine translation must pass before it is shown: nothing of the original's facts lost or changed. */
class TranslationCheckTest {
    private static final String ORIGINAL = """
            We are reaching out because your Aurora PostgreSQL cluster app-aurora-pg (arn:aws:rds:ap-northeast-1:\
            123456789012:cluster:app-aurora-pg) runs version 13.9. Upgrade to 13.12 or later before March 3, 2027. \
            After 6:00 PM UTC on that day, RDS applies the upgrade during your maintenance window, with up to 1,200 \
            seconds of downtime. See https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_UpgradeDBInstance.html.""";

    private static final String FAITHFUL = """
            お使いの Aurora PostgreSQL クラスター app-aurora-pg (arn:aws:rds:ap-northeast-1:123456789012:cluster:\
            app-aurora-pg) はバージョン 13.9 で動いているため、ご連絡しています。2027年3月3日までに 13.12 以降へ\
            アップグレードしてください。同日の午後6時 (UTC) 以降、RDS はメンテナンスウィンドウ中にアップグレードを適用し、\
            最大 1200 秒のダウンタイムがあります。https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/\
            USER_UpgradeDBInstance.html をご覧ください。""";

    @Test
    void whatMustBeKeptIsEveryRunWithADigitAndEveryUrl() {
        assertThat(TranslationCheck.tokens(TranslationCheck.canonical(ORIGINAL, false))).containsExactly(
                "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_UpgradeDBInstance.html",
                "arn:aws:rds:ap-northeast-1:123456789012:cluster:app-aurora-pg", "13.9", "13.12", "2027-03-03", "18:00",
                "1200");
    }

    @Test
    void aFaithfulTranslationKeepsEverything() {
        assertThat(TranslationCheck.missing(ORIGINAL, FAITHFUL)).isEmpty();
    }

    @Test
    void aDroppedOrChangedVersionIsCaught() {
        assertThat(TranslationCheck.missing(ORIGINAL, FAITHFUL.replace("13.12 以降", "最新版")))
                .containsExactly("13.12");
        // 13.1 is not 13.12, and 13.12 is not inside 13.120
        assertThat(TranslationCheck.missing(ORIGINAL, FAITHFUL.replace("13.12 以降", "13.1 以降"))).containsExactly("13.12");
        assertThat(TranslationCheck.missing(ORIGINAL, FAITHFUL.replace("13.12 以降", "13.120 以降")))
                .containsExactly("13.12");
    }

    @Test
    void aChangedDateOrTimeIsCaughtWhateverItsForm() {
        assertThat(TranslationCheck.missing(ORIGINAL, FAITHFUL.replace("2027年3月3日", "2027年3月4日")))
                .containsExactly("2027-03-03");
        assertThat(TranslationCheck.missing(ORIGINAL, FAITHFUL.replace("午後6時", "午前6時"))).containsExactly("18:00");
        // The same date and time in other forms pass.
        assertThat(TranslationCheck.missing(ORIGINAL, FAITHFUL.replace("2027年3月3日", "2027/3/3")
                .replace("午後6時", "18:00"))).isEmpty();
        assertThat(TranslationCheck.missing(ORIGINAL, FAITHFUL.replace("2027年3月3日", "3月3日"))).isEmpty();
    }

    @Test
    void identifiersArnsAndUrlsMustStayAsTheyAre() {
        assertThat(TranslationCheck.missing(ORIGINAL, FAITHFUL.replace("123456789012", "123456789013")))
                .containsExactly("arn:aws:rds:ap-northeast-1:123456789012:cluster:app-aurora-pg");
        assertThat(TranslationCheck.missing(ORIGINAL, FAITHFUL.replace("USER_UpgradeDBInstance", "USER_Upgrade")))
                .containsExactly("https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_UpgradeDBInstance.html");
        assertThat(TranslationCheck.missing("Instance i-0a1b2c3d4e5f67890 will reboot.", "インスタンス i-0a1b2c3d4e5f6789 が再起動します。"))
                .containsExactly("i-0a1b2c3d4e5f67890");
    }

    @Test
    void fullWidthDigitsAndThousandsSeparatorsAreTheSameNumbers() {
        assertThat(TranslationCheck.missing("up to 1,200 seconds", "最大 １２００ 秒")).isEmpty();
        assertThat(TranslationCheck.missing("up to 1200 seconds", "最大 1,200 秒")).isEmpty();
        assertThat(TranslationCheck.missing("up to 1,200 seconds", "最大 120 秒")).containsExactly("1200");
    }

    @Test
    void englishDatesInEveryFormAreRead() {
        assertThat(TranslationCheck.missing("on 5 December 2026", "2026年12月5日に")).isEmpty();
        assertThat(TranslationCheck.missing("on Dec. 5th, 2026", "2026年12月5日に")).isEmpty();
        assertThat(TranslationCheck.missing("at 2026-12-05T09:30:00Z", "2026年12月5日 9時30分")).isEmpty();
        assertThat(TranslationCheck.missing("on December 5", "12月5日に")).isEmpty();
        assertThat(TranslationCheck.missing("on December 5", "12月6日に")).containsExactly("--12-05");
    }

    @Test
    void textWithoutDigitsOrUrlsHasNothingToKeep() {
        assertThat(TranslationCheck.missing("No action is required.", "対応は不要です。")).isEmpty();
    }
}
