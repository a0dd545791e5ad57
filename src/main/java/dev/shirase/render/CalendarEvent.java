package dev.shirase.render;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated thing as a calendar entry: a maintenance window with its times, or a day.
 *
 * @param uid         stable across the notices of one story, so that an update moves the entry instead of adding one
 * @param sequence    raised with each notice of the story (0 for the first)
 * @param summary     the Japanese subject's essentials: urgency, account, service, what, resource
 * @param description 概要, the date, the resources and the links
 * @param location    account and region
 * @param when        the window or the day; null only in a cancellation of an entry whose date is no longer known
 * @param cancelled   the work is done: the entry is withdrawn
 */
record CalendarEvent(String uid, int sequence, String summary, String description, String location, When when,
        boolean cancelled) {

    CalendarEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(summary, "summary");
        if (when == null && !cancelled) {
            throw new IllegalArgumentException("an entry needs a date unless it is withdrawn");
        }
    }

    /** When the entry is: a window (times in JST) or a whole day (a JST date). */
    sealed interface When permits Window, Day {
    }

    /** From {@code start} to {@code end}; {@code end} null when AWS gave only a start. */
    record Window(Instant start, Instant end) implements When {
        Window {
            Objects.requireNonNull(start, "start");
            end = end != null && end.isAfter(start) ? end : null;
        }
    }

    /** A whole day in Japan: the date AWS gave, without a time of day it did not give. */
    record Day(LocalDate date) implements When {
        Day {
            Objects.requireNonNull(date, "date");
        }
    }
}
