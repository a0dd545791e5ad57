package dev.shirase.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.classify.TextDates.StatedDate;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDatesTest {

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
    void ignoresWhatOnlyLooksLikeADate() {
        assertThat(TextDates.find("On February 30, 2027 and 2027-13-45 and version 15.7 nothing happens.")).isEmpty();
        assertThat(TextDates.find("")).isEmpty();
        assertThat(TextDates.find(null)).isEmpty();
    }
}
