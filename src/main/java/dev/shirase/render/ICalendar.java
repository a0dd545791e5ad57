package dev.shirase.render;

import dev.shirase.notice.Jst;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An iCalendar object (RFC 5545) of a notice's or a digest's dated entries, with its iTIP method (RFC 5546): PUBLISH
 * for entries to add or move, CANCEL for entries whose work is done.
 */
public final class ICalendar {
    /** What the calendar asks of the client. */
    public enum Method {
        PUBLISH,
        CANCEL
    }

    /** RFC 5545 3.1: lines longer than 75 octets are folded. */
    static final int LINE_OCTETS = 75;
    /** The file name of the attachment. */
    public static final String FILE_NAME = "aws-maintenance.ics";
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);

    private final Method method;
    private final List<CalendarEvent> events;
    private final Instant stamp;

    ICalendar(Method method, List<CalendarEvent> events, Instant stamp) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one entry");
        }
        this.method = method;
        this.events = List.copyOf(events);
        this.stamp = stamp;
    }

    public Method method() {
        return method;
    }

    /**
     * The iCalendar text: CRLF line ends, lines folded at 75 octets.
     *
     * @param organizer the mail address the calendar comes from (ORGANIZER, as iTIP asks), or null when there is none
     */
    public String text(String organizer) {
        StringBuilder out = new StringBuilder(1024 * events.size());
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//shirase//AWS maintenance notices//JA");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:" + method);
        if (events.stream().anyMatch(e -> e.when() instanceof CalendarEvent.Window)) {
            timeZone(out);
        }
        String stamped = UTC.format(stamp);
        String address = address(organizer);
        for (CalendarEvent e : events) {
            event(out, e, stamped, address);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** @param address the organizer's bare mail address, or null */
    private void event(StringBuilder out, CalendarEvent e, String stamped, String address) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + escaped(e.uid()));
        line(out, "DTSTAMP:" + stamped);
        line(out, "SEQUENCE:" + e.sequence());
        switch (e.when()) {
            case null -> {
                // A withdrawal names its entry by UID; iTIP's CANCEL does not need the date.
            }
            case CalendarEvent.Window w -> {
                line(out, "DTSTART;TZID=" + Jst.ZONE.getId() + ":" + LOCAL.format(w.start().atZone(Jst.ZONE)));
                if (w.end() != null) {
                    line(out, "DTEND;TZID=" + Jst.ZONE.getId() + ":" + LOCAL.format(w.end().atZone(Jst.ZONE)));
                }
            }
            case CalendarEvent.Day d -> {
                line(out, "DTSTART;VALUE=DATE:" + DATE.format(d.date()));
                line(out, "DTEND;VALUE=DATE:" + DATE.format(d.date().plusDays(1)));
            }
        }
        line(out, "SUMMARY:" + escaped(e.summary()));
        if (e.description() != null) {
            line(out, "DESCRIPTION:" + escaped(e.description()));
        }
        if (e.location() != null) {
            line(out, "LOCATION:" + escaped(e.location()));
        }
        if (address != null) {
            line(out, "ORGANIZER:mailto:" + address);
        }
        line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
        // A maintenance is not a meeting: it does not make anyone busy.
        line(out, "TRANSP:TRANSPARENT");
        if (!e.cancelled()) {
            line(out, "BEGIN:VALARM");
            line(out, "ACTION:DISPLAY");
            line(out, "DESCRIPTION:" + escaped(e.summary()));
            // The day before: a day's entry starts at midnight, so 09:00 the day before rather than at midnight.
            line(out, "TRIGGER:" + (e.when() instanceof CalendarEvent.Day ? "-PT15H" : "-P1D"));
            line(out, "END:VALARM");
        }
        line(out, "END:VEVENT");
    }

    /** Asia/Tokyo has kept +09:00 without daylight saving since 1951: one standard observance says it all. */
    private static void timeZone(StringBuilder out) {
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + Jst.ZONE.getId());
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:19700101T000000");
        line(out, "TZOFFSETFROM:+0900");
        line(out, "TZOFFSETTO:+0900");
        line(out, "TZNAME:JST");
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
    }

    /** The bare address of {@code Name <alerts@example.com>} or {@code alerts@example.com}; null when there is none. */
    static String address(String from) {
        if (from == null) {
            return null;
        }
        String s = Characters.visible(from, false).strip();
        int open = s.lastIndexOf('<');
        int close = s.lastIndexOf('>');
        if (open >= 0 && close > open) {
            s = s.substring(open + 1, close).strip();
        }
        return s.isEmpty() || s.contains(" ") || !s.contains("@") ? null : s;
    }

    /**
     * A TEXT value (RFC 5545 3.3.11): backslashes, semicolons and commas escaped, line breaks as {@code \n}, and no other
     * control characters, which the format does not allow.
     */
    static String escaped(String value) {
        String visible = Characters.visible(value, true);
        StringBuilder s = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case ';' -> s.append("\\;");
                case ',' -> s.append("\\,");
                case '\n' -> s.append("\\n");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /**
     * Appends one content line, folded (RFC 5545 3.1): no line longer than 75 octets, each continuation opening with a
     * space, and never inside a UTF-8 character, which a client would then read as two broken ones.
     */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int c = content.codePointAt(i);
            int size = utf8Octets(c);
            if (octets + size > LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(c);
            octets += size;
            i += Character.charCount(c);
        }
        out.append(CRLF);
    }

    private static int utf8Octets(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

}
