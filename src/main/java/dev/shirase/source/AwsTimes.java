package dev.shirase.source;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The date formats AWS events use: RFC-1123 in Health events, ISO-8601 in RDS events and the envelope. */
public final class AwsTimes {
    // Without the weekday, so a weekday that disagrees with the date (seen in hand-edited payloads) is no error.
    private static final DateTimeFormatter RFC_1123_WITHOUT_WEEKDAY =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH);

    private AwsTimes() {
    }

    /** Reads {@code Wed, 16 Aug 2023 23:18:51 GMT}, {@code Fri, 3 Jun 2022 05:01:10 GMT} or ISO-8601; null if none. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notIso) {
            // fall through to the RFC-1123 forms
        }
        try {
            return ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notStrictRfc1123) {
            // fall through
        }
        try {
            // Seen in the wild: no comma after the weekday, spaces around the colons ("Thu 15 Dec 2022 23: 25: 00 GMT").
            String withoutWeekday = trimmed.replaceFirst("^[A-Za-z]{3,9},?\\s+(?=\\d)", "").replaceAll("\\s*:\\s*", ":");
            return ZonedDateTime.parse(withoutWeekday, RFC_1123_WITHOUT_WEEKDAY).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
