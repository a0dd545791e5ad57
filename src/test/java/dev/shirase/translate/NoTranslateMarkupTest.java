package dev.shirase.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.translate.TranslationCheck.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Amazon Translate is told to leave as it is, and the HTML the English goes in and the Japanese comes back in. */
class NoTranslateMarkupTest {

    private static List<String> kept(String text, List<String> mustKeep) {
        return TranslationCheck.protectedSpans(text, mustKeep).stream()
                .map(span -> text.substring(span.start(), span.end())).toList();
    }

    private static String roundTrip(String text) {
        return NoTranslateMarkup.unwrap(NoTranslateMarkup.wrap(text, TranslationCheck.protectedSpans(text, List.of())));
    }

    @Test
    void keepsVersionsIdsArnsAndUrlsWithoutTheSentencesPunctuation() {
        String text = "Upgrade orders-db-1 (arn:aws:rds:us-east-1:123456789012:db:orders-db-1) from 8.0.mysql_aurora.3.05.2 "
                + "to 13.12, reboot i-0abc1234def567890 and read https://docs.aws.amazon.com/a?b=1&c=2. Logs stay in "
                + "arn:aws:s3:::logs-bucket/rds; db.r6g.large is kept.";

        assertThat(kept(text, List.of())).containsExactly("orders-db-1",
                "arn:aws:rds:us-east-1:123456789012:db:orders-db-1", "8.0.mysql_aurora.3.05.2", "13.12",
                "i-0abc1234def567890", "https://docs.aws.amazon.com/a?b=1&c=2", "arn:aws:s3:::logs-bucket/rds",
                "db.r6g.large");
    }

    @Test
    void keepsDatesAndTimesWholeWithTheirZone() {
        String text = "Between March 1, 2027 and 1 March 2027, on 2027-03-01 or at 2027-03-01T10:00:00Z, from 10:00 PM "
                + "to 22:00 UTC, or by Sept. 5, 2027 (6 p.m. PST).";

        assertThat(kept(text, List.of())).containsExactly("March 1, 2027", "1 March 2027", "2027-03-01",
                "2027-03-01T10:00:00Z", "10:00 PM", "22:00 UTC", "Sept. 5, 2027", "6 p.m. PST");
    }

    @Test
    void tokensAtTheEdgesAdjacentOrGivenToKeepAreMergedInOrder() {
        assertThat(kept("13.12 is replaced by 14.1", List.of())).containsExactly("13.12", "14.1");
        assertThat(TranslationCheck.protectedSpans("13.12 is replaced by 14.1", List.of()))
                .containsExactly(new Span(0, 5), new Span(21, 25));
        // Touching and overlapping spans are one: what was asked for, and what the patterns find around it.
        assertThat(kept("Reboot the week B2 hosts in week B.", List.of("week", " B"))).containsExactly("week B2",
                "week B");
        assertThat(kept("Use Aurora3.05 now", List.of("Aurora", "Aurora3"))).containsExactly("Aurora3.05");
        assertThat(kept("Nothing here changes a fact.", List.of("missing"))).isEmpty();
    }

    @Test
    void plainEnglishWithoutSpecialCharactersIsSentAsItIs() {
        assertThat(NoTranslateMarkup.wrap("Please reboot the instance.", List.of())).isEqualTo("Please reboot the instance.");
    }

    @Test
    void wrapsKeptSpansEscapesAndWritesLineBreaksAsHtml() {
        String text = "13.12 & \"R&D\" <ops>\nsee https://example.com/?a=1&b=2\r\nby 10:00 PM UTC";

        assertThat(NoTranslateMarkup.wrap(text, TranslationCheck.protectedSpans(text, List.of()))).isEqualTo(
                "<span translate=\"no\">13.12</span> &amp; &quot;R&amp;D&quot; &lt;ops&gt;<br>"
                        + "see <span translate=\"no\">https://example.com/?a=1&amp;b=2</span><br>"
                        + "by <span translate=\"no\">10:00 PM UTC</span>");
        assertThat(roundTrip(text)).isEqualTo(text.replace("\r\n", "\n"));
    }

    @Test
    void roundTripsTrickyEnglish() {
        for (String text : List.of("i-0abc1234def567890", "a&b<c>d\"e'f", "&amp; is how HTML writes &",
                "Upgrade to 13.12.\n\nThen reboot db-1.", "https://x.example/?q=<1>&r=\"2\"", "< 5 > 4 & 3 <br> 2",
                "tail 13.12")) {
            assertThat(roundTrip(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void readsTheAnswerHoweverTranslateWritesItsTags() {
        assertThat(NoTranslateMarkup.unwrap("<span translate=no>13.12</span> へ<br/>次に <SPAN translate = 'no' >"
                + "db-1</SPAN> を再起動 <br /> &amp;&lt;&gt;&quot;&#39;&apos;&#x27;&#12354;&nbsp;&#99999999;"))
                .isEqualTo("13.12 へ\n次に db-1 を再起動\n&<>\"'''あ &#99999999;");
    }
}
