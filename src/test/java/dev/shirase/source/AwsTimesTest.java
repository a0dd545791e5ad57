package dev.shirase.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsTimesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Wed, 16 Aug 2023 23:18:51 GMT | 2023-08-16T23:18:51Z",
            "Fri, 3 Jun 2022 05:01:10 GMT  | 2022-06-03T05:01:10Z",
            "Sat, 05 Jun 2016 10:00:00 GMT | 2016-06-05T10:00:00Z",
            // a weekday that disagrees with the date is tolerated, the date wins
            "Mon, 3 Jun 2022 05:01:10 GMT  | 2022-06-03T05:01:10Z",
            "2026-11-20T03:12:45.123Z      | 2026-11-20T03:12:45.123Z",
            // seen in a real payload: no comma after the weekday, spaces around the colons
            "Thu 15 Dec 2022 23: 25: 00 GMT | 2022-12-15T23:25:00Z",
            "2026-11-20T12:12:45+09:00     | 2026-11-20T03:12:45Z",
    })
    void readsTheFormatsAwsUses(String text, String expected) {
        assertThat(AwsTimes.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(value = {"'not a date'", "''", "'32 Jan 2026 00:00:00 GMT'"})
    void returnsNullForWhatIsNotADate(String text) {
        assertThat(AwsTimes.parse(text)).isNull();
    }
}
