package dev.shirase.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JstTest {

    @Test
    void writesDatesInJapanWithTheWeekday() {
        // 18:00 UTC on Friday is 03:00 on Saturday in Japan
        assertThat(Jst.dateTime(Instant.parse("2026-12-04T18:00:00Z"))).isEqualTo("2026年12月5日(土) 03:00 JST");
        assertThat(Jst.iso(Instant.parse("2026-12-04T18:00:00Z"))).isEqualTo("2026-12-05T03:00+09:00");
    }

    @Test
    void dropsTheYearOnlyForThisYear() {
        Instant now = Instant.parse("2026-11-24T00:00:00Z");

        assertThat(Jst.shortDate(Instant.parse("2026-12-04T18:00:00Z"), now)).isEqualTo("12/5(土)");
        assertThat(Jst.shortDate(Instant.parse("2027-03-01T00:00:00Z"), now)).isEqualTo("2027/3/1(月)");
        assertThat(Jst.shortDateTime(Instant.parse("2026-12-04T18:05:00Z"), now)).isEqualTo("12/5(土) 03:05");
    }

    @ParameterizedTest
    @CsvSource({
            // now (UTC)           , moment (UTC)         , expected
            "2026-11-24T00:00:00Z, 2026-12-05T00:00:00Z, あと 11 日",
            // 14:59 UTC is 23:59 JST on the 24th; 15:00 UTC is already the 25th in Japan
            "2026-11-24T00:00:00Z, 2026-11-24T14:59:00Z, 本日",
            "2026-11-24T00:00:00Z, 2026-11-24T15:00:00Z, あと 1 日",
            "2026-11-24T00:00:00Z, 2026-11-21T00:00:00Z, 3 日経過",
    })
    void countsDaysLeftInJapaneseCalendarDays(Instant now, Instant moment, String expected) {
        assertThat(Jst.daysLeft(now, moment)).isEqualTo(expected);
    }

    @Test
    void writesEveryMomentAsTheFormatsSayWithTwoDigitsForHoursAndMinutes() {
        // Every 37 minutes over two years and more, so that every hour, minute, day and month comes by.
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        for (Instant t = Instant.parse("2025-12-30T00:00:00Z"); t.isBefore(Instant.parse("2028-03-01T00:00:00Z"));
                t = t.plusSeconds(37 * 60)) {
            java.time.ZonedDateTime z = t.atZone(Jst.ZONE);
            String weekday = Jst.weekday(z.getDayOfWeek());
            assertThat(Jst.dateTime(t)).isEqualTo(String.format(java.util.Locale.ROOT, "%d年%d月%d日(%s) %02d:%02d JST",
                    z.getYear(), z.getMonthValue(), z.getDayOfMonth(), weekday, z.getHour(), z.getMinute()));
            assertThat(Jst.date(t)).isEqualTo(String.format(java.util.Locale.ROOT, "%d年%d月%d日(%s)", z.getYear(),
                    z.getMonthValue(), z.getDayOfMonth(), weekday));
            assertThat(Jst.shortDateTime(t, now)).isEqualTo((z.getYear() == 2026 ? "" : z.getYear() + "/")
                    + String.format(java.util.Locale.ROOT, "%d/%d(%s) %02d:%02d", z.getMonthValue(), z.getDayOfMonth(),
                    weekday, z.getHour(), z.getMinute()));
        }
        assertThat(Jst.dateTime(Instant.parse("2027-01-01T15:05:00Z"))).isEqualTo("2027年1月2日(土) 00:05 JST");
    }
}
