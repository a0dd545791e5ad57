package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.testing.Calendars;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

/** The iCalendar writer, read back by a real parser: what a calendar client sees. */
class ICalendarTest {
    private static final Instant STAMP = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant START = Instant.parse("2026-12-04T18:00:00Z");

    private static CalendarEvent window(String summary, String description) {
        return new CalendarEvent("abc@shirase", 2, summary, description, "アカウント prod (123456789012) / ap-northeast-1 (東京)",
                new CalendarEvent.Window(START, START.plusSeconds(7200)), false);
    }

    private static String text(ICalendar.Method method, CalendarEvent... events) {
        return new ICalendar(method, List.of(events), STAMP).text("Alerts <alerts@example.com>");
    }

    @Test
    void aWindowIsInTokyoTimeWithItsZoneAndEveryPropertyACalendarNeeds() throws Exception {
        String text = text(ICalendar.Method.PUBLISH, window("【要対応・必須】EC2 インスタンス再起動 web-1", "概要"));

        Calendar calendar = Calendars.parse(text);
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(Calendars.value(calendar, "VERSION")).isEqualTo("2.0");
        assertThat(Calendars.value(calendar, "METHOD")).isEqualTo("PUBLISH");
        assertThat(Calendars.value(calendar, "PRODID")).isNotBlank();
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        VEvent event = Calendars.events(calendar).get(0);
        assertThat(Calendars.value(event, "UID")).isEqualTo("abc@shirase");
        assertThat(Calendars.value(event, "SEQUENCE")).isEqualTo("2");
        assertThat(Calendars.value(event, "DTSTAMP")).isEqualTo("20261120T000000Z");
        assertThat(Calendars.value(event, "ORGANIZER")).isEqualTo("mailto:alerts@example.com");
        assertThat(Calendars.value(event, "LOCATION")).isEqualTo("アカウント prod (123456789012) / ap-northeast-1 (東京)");
        DtStart<?> start = event.getDateTimeStart();
        assertThat(start.getDate()).isInstanceOf(ZonedDateTime.class);
        assertThat(((ZonedDateTime) start.getDate()).toInstant()).isEqualTo(START);
        // ical4j reads the zone from the calendar's own VTIMEZONE: Tokyo's +09:00.
        assertThat(((ZonedDateTime) start.getDate()).getOffset()).isEqualTo(java.time.ZoneOffset.ofHours(9));
        assertThat(text).contains("DTSTART;TZID=Asia/Tokyo:20261205T030000\r\n")
                .contains("DTEND;TZID=Asia/Tokyo:20261205T050000\r\n");
        VAlarm alarm = event.getAlarms().get(0);
        assertThat(Calendars.value(alarm, "TRIGGER")).isEqualTo("-P1D");
        assertThat(Calendars.value(alarm, "ACTION")).isEqualTo("DISPLAY");
    }

    @Test
    void aDayIsAnAllDayEntryWithoutAZoneAndItsAlarmTheMorningBefore() {
        CalendarEvent day = new CalendarEvent("d@shirase", 0, "【要対応・必須】RDS 標準サポート終了", null, null,
                new CalendarEvent.Day(LocalDate.of(2027, 2, 28)), false);

        String text = text(ICalendar.Method.PUBLISH, day);

        assertThat(text).contains("DTSTART;VALUE=DATE:20270228\r\n").contains("DTEND;VALUE=DATE:20270301\r\n")
                .doesNotContain("VTIMEZONE");
        VEvent event = Calendars.events(Calendars.parse(text)).get(0);
        assertThat(event.getDateTimeStart().getDate()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(Calendars.value(event.getAlarms().get(0), "TRIGGER")).isEqualTo("-PT15H");
    }

    @Test
    void commasSemicolonsBackslashesAndLineBreaksInJapaneseTextComeBackAsWritten() {
        String summary = "【要確認】RDS, MySQL; 8.0\\8.4 の更新";
        String description = "概要: 再起動します、よろしく。\n対象: db-1, db-2; db-3\r\n日時: 12月5日";

        VEvent event = Calendars.events(Calendars.parse(text(ICalendar.Method.PUBLISH, window(summary, description))))
                .get(0);

        assertThat(Calendars.value(event, "SUMMARY")).isEqualTo(summary);
        assertThat(Calendars.value(event, "DESCRIPTION"))
                .isEqualTo("概要: 再起動します、よろしく。\n対象: db-1, db-2; db-3\n日時: 12月5日");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingAUtf8CharacterAndUnfoldWhole() throws Exception {
        // Three-octet kana, four-octet emoji and ASCII, so that a fold falls at every offset within a character.
        String description = ("メンテナンス😀a").repeat(60);

        String text = text(ICalendar.Method.PUBLISH, window("件名", description));

        for (String line : text.split("\r\n")) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(line).isLessThanOrEqualTo(75);
            // Each physical line is whole UTF-8 on its own: no character was cut at a fold.
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets));
        }
        assertThat(text).endsWith("END:VCALENDAR\r\n").doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
        assertThat(Calendars.value(Calendars.events(Calendars.parse(text)).get(0), "DESCRIPTION")).isEqualTo(description);
    }

    @Test
    void controlAndInvisibleCharactersNeverReachTheCalendar() {
        String text = text(ICalendar.Method.PUBLISH, window("db\u202E-prod\u0007 再起動", "a\u0000b"));

        assertThat(text).doesNotContain("\u202E").doesNotContain("\u0007").doesNotContain("\u0000");
        assertThat(Calendars.value(Calendars.events(Calendars.parse(text)).get(0), "SUMMARY")).isEqualTo("db-prod  再起動");
    }

    @Test
    void aCancellationWithdrawsTheEntryWithoutAnAlarm() {
        CalendarEvent withdrawn = new CalendarEvent("abc@shirase", 3, "【完了】EC2 インスタンス再起動完了", null, null,
                new CalendarEvent.Window(START, null), true);

        Calendar calendar = Calendars.parse(text(ICalendar.Method.CANCEL, withdrawn));

        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(Calendars.value(calendar, "METHOD")).isEqualTo("CANCEL");
        VEvent event = Calendars.events(calendar).get(0);
        assertThat(Calendars.value(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(Calendars.value(event, "SEQUENCE")).isEqualTo("3");
        assertThat(event.getAlarms()).isEmpty();
    }

    @Test
    void onlyAWithdrawalMayGoWithoutADateAsItipAllows() {
        CalendarEvent undated = new CalendarEvent("abc@shirase", 1, "【完了】", null, null, null, true);

        assertThat(text(ICalendar.Method.CANCEL, undated)).contains("UID:abc@shirase").doesNotContain("DTSTART");
        assertThatThrownBy(() -> new CalendarEvent("x", 0, "s", null, null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOrganizerIsTheBareAddressOrAbsent() {
        assertThat(ICalendar.address("Shirase <alerts@example.com>")).isEqualTo("alerts@example.com");
        assertThat(ICalendar.address(" alerts@example.com ")).isEqualTo("alerts@example.com");
        assertThat(ICalendar.address(null)).isNull();
        assertThat(ICalendar.address("not an address")).isNull();
        assertThat(new ICalendar(ICalendar.Method.PUBLISH, List.of(window("s", null)), STAMP).text(null))
                .doesNotContain("ORGANIZER");
    }
}
