package dev.shirase.testing;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** What the notifier writes as iCalendar, read back by ical4j as a calendar client would read it. */
public final class Calendars {
    private Calendars() {
    }

    public static Calendar parse(String text) {
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException e) {
            throw new AssertionError("not iCalendar that ical4j reads: " + e.getMessage() + "\n" + text, e);
        }
    }

    public static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents("VEVENT");
    }

    /** The property's value, unescaped; null when it is absent. */
    public static String value(net.fortuna.ical4j.model.PropertyContainer component, String name) {
        return component.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }
}
