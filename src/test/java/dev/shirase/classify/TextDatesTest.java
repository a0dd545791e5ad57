package dev.shirase.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.classify.TextDates.StatedDate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDatesTest {
    private static final int MEGABYTE = 1 << 20;
    /** A date's own text (with its time and zone) and the reach either side of it. */
    private static final int MAX_SENTENCE = 2 * TextDates.SENTENCE_REACH + 40;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Beginning March 3, 2027, we act.           | 2027-03-03T00:00:00Z",
            "On Mar 3 2027 we act.                      | 2027-03-03T00:00:00Z",
            "From 3rd March 2027 we act.                | 2027-03-03T00:00:00Z",
            "After 2027-03-03 we act.                   | 2027-03-03T00:00:00Z",
            "On March 3, 2027 at 18:00 UTC we act.      | 2027-03-03T18:00:00Z",
            "On March 3, 2027, 6:30 PM GMT we act.      | 2027-03-03T18:30:00Z",
            "On March 3, 2027 at 12:00 AM PST we act.   | 2027-03-03T08:00:00Z",
            "On Wed, 16 Dec 2026 18:00:00 GMT we act.   | 2026-12-16T18:00:00Z",
            "On 2026-12-16T18:00:00Z we act.            | 2026-12-16T18:00:00Z",
    })
    void readsTheDateFormatsAwsWrites(String text, String expected) {
        assertThat(TextDates.find(text)).extracting(StatedDate::at).containsExactly(Instant.parse(expected));
    }

    @Test
    void keepsTheSentenceOfEachDate() {
        var dates = TextDates.find("We notified you in July. Beginning March 3, 2027, we will upgrade.\nUpgrade before "
                + "February 1, 2027.");

        assertThat(dates).extracting(StatedDate::sentence)
                .containsExactly("Beginning March 3, 2027, we will upgrade.", "Upgrade before February 1, 2027.");
    }

    @Test
    void saysWhereEachDateStandsInTheText() {
        String text = "Standard support ends on February 28, 2027, and charges begin on 1 March 2027 at 10:00 UTC.";

        assertThat(TextDates.find(text)).extracting(d -> text.substring(d.start(), d.end()))
                .containsExactly("February 28, 2027", "1 March 2027 at 10:00 UTC");
    }

    @Test
    void ignoresWhatOnlyLooksLikeADate() {
        assertThat(TextDates.find("On February 30, 2027 and 2027-13-45 and version 15.7 nothing happens.")).isEmpty();
        assertThat(TextDates.find("")).isEmpty();
        assertThat(TextDates.find(null)).isEmpty();
    }

    @Test
    void aDateBeyondTheCapIsNotRead() {
        String first = "Upgrade before March 3, 2027.";
        String text = first + " ".repeat(TextLimits.MAX_CHARS - first.length()) + "Upgrade before April 3, 2027.";

        assertThat(TextDates.find(text)).extracting(StatedDate::at)
                .containsExactly(Instant.parse("2027-03-03T00:00:00Z"));
        assertThat(TextDates.find(text, TextLimits.NONE)).extracting(StatedDate::at)
                .containsExactly(Instant.parse("2027-03-03T00:00:00Z"), Instant.parse("2027-04-03T00:00:00Z"));
    }

    @Test
    void aDateDenseMegabyteGivesABoundedNumberOfDatesWithBoundedSentences() {
        // No sentence break anywhere: the whole megabyte is one sentence.
        String dates = "from March 3, 2027 and 2027-03-04 or 5 March 2027 then ";
        String text = dates.repeat(MEGABYTE / dates.length());

        List<StatedDate> found = TextDates.find(text);

        assertThat(found).hasSize(TextLimits.MAX_DATES);
        assertThat(found.stream().mapToInt(d -> d.sentence().length()).max().orElseThrow())
                .isLessThanOrEqualTo(MAX_SENTENCE);
    }

    @Test
    void everyDateOfADateDenseTextIsFoundWhenNothingLimitsTheAnalysis() {
        String sentence = "Beginning March 3, 2027, we will upgrade. Upgrade before 2027-02-01.\n";

        assertThat(TextDates.find(sentence.repeat(MEGABYTE / sentence.length()), TextLimits.NONE))
                .hasSize(2 * (MEGABYTE / sentence.length()));
    }

    @Test
    void aTextWithoutSentenceBreaksGivesABoundedSentenceOfWholeWords() {
        String words = "lorem ipsum dolor sit amet ".repeat(2_000);

        List<StatedDate> dates = TextDates.find(words + "beginning March 3, 2027 we act " + words);

        assertThat(dates).singleElement().satisfies(d -> {
            assertThat(d.sentence()).contains("beginning March 3, 2027 we act").hasSizeLessThanOrEqualTo(MAX_SENTENCE);
            assertThat(d.sentence().split(" "))
                    .allMatch(Set.of("lorem", "ipsum", "dolor", "sit", "amet", "beginning", "March", "3,", "2027", "we",
                            "act")::contains);
        });
    }

    @Test
    void withoutSpacesNearADateItsSentenceIsTheDateItselfNotHalfACharacter() {
        // Characters outside the BMP, two chars each, and no space for a thousand of them either side of the date.
        String emoji = "\uD83D\uDE00".repeat(1_000);

        assertThat(TextDates.find("x" + emoji + " on March 3, 2027 " + emoji)).extracting(StatedDate::sentence)
                .containsExactly("on March 3, 2027");
    }
}
