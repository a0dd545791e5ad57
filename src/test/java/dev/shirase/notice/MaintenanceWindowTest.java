package dev.shirase.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaintenanceWindowTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // UTC window            | in JST
            "sun:18:00-sun:18:30 | 月曜 03:00〜03:30 JST",
            "mon:03:00-mon:03:30 | 月曜 12:00〜12:30 JST",
            // crosses midnight in UTC; in JST it is one morning
            "sat:23:30-sun:00:30 | 日曜 08:30〜09:30 JST",
            // crosses midnight in JST
            "sun:14:30-sun:15:30 | 日曜 23:30〜月曜 00:30 JST",
            // wraps around the end of the week
            "sun:23:30-mon:00:00 | 月曜 08:30〜09:00 JST",
    })
    void showsTheWindowInJst(String window, String expected) {
        assertThat(MaintenanceWindow.parse(window).toJapanese()).isEqualTo(expected);
        assertThat(MaintenanceWindow.parse(window).toAwsString()).isEqualTo(window);
    }

    @Test
    void measuresWindowsThatCrossTheWeek() {
        assertThat(MaintenanceWindow.parse("sun:23:30-mon:00:00").length()).isEqualTo(Duration.ofMinutes(30));
        assertThat(MaintenanceWindow.parse("sat:22:00-sun:02:00").length()).isEqualTo(Duration.ofHours(4));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource({
            // window (UTC)       , moment               , first opening at or after it
            // 2026-11-24 is a Tuesday
            "sun:18:00-sun:18:30, 2026-11-24T00:00:00Z, 2026-11-29T18:00:00Z",
            // on the day of the window, before it opens: that same day
            "tue:18:00-tue:18:30, 2026-11-24T00:00:00Z, 2026-11-24T18:00:00Z",
            // on the day of the window, after it opened: a week later
            "tue:18:00-tue:18:30, 2026-11-24T18:10:00Z, 2026-12-01T18:00:00Z",
            // exactly at the opening
            "tue:18:00-tue:18:30, 2026-11-24T18:00:00Z, 2026-11-24T18:00:00Z",
            // across a month and a year
            "fri:20:00-fri:20:30, 2026-12-31T00:00:00Z, 2027-01-01T20:00:00Z",
    })
    void findsTheFirstOpeningAtOrAfterAMoment(String window, Instant moment, Instant expected) {
        assertThat(MaintenanceWindow.parse(window).firstOpeningAtOrAfter(moment)).isEqualTo(expected);
    }

    @Test
    void rejectsWhatIsNotAWindow() {
        assertThatThrownBy(() -> MaintenanceWindow.parse("sunday 18:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaintenanceWindow.parse("xyz:18:00-sun:18:30")).hasMessageContaining("xyz");
        assertThatThrownBy(() -> MaintenanceWindow.parse("sun:18:00-sun:18:00")).hasMessageContaining("no length");
        assertThat(MaintenanceWindow.parseOrNull("sun:25:00-sun:26:00")).isNull();
        assertThat(MaintenanceWindow.parseOrNull(null)).isNull();
    }
}
