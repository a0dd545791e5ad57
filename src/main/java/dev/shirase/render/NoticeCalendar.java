package dev.shirase.render;

import dev.shirase.advice.Platform;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Schedule;
import dev.shirase.notice.Stage;
import dev.shirase.state.Hashes;
import dev.shirase.state.Identity;
import dev.shirase.state.Revision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The calendar entry of a notice with a date. One entry per story: its UID comes from the story's identity (the state
 * table's), so every notice of the story, and the digest's listing of it, moves the same entry.
 */
final class NoticeCalendar {
    /** A description longer than this is cut: the mail carries the whole notice. */
    static final int MAX_DESCRIPTION = 2_000;

    private NoticeCalendar() {
    }

    /**
     * The calendar a notice's mail attaches, or null when the notice has no date.
     *
     * @param sequence the notice's place in its story (0 for the first)
     */
    static ICalendar of(Notice notice, NoticeContent content, List<String> resourceIds, Revision revision,
            int sequence, Instant now) {
        // Withdrawn only when the state table says the story is over, date or not (a closed event may state none);
        // without the table, a notice stands for itself.
        boolean over = revision.kind() == Revision.Kind.COMPLETION;
        CalendarEvent event = event(notice, uid(notice), content, resourceIds, sequence, over);
        return event == null ? null
                : new ICalendar(over ? ICalendar.Method.CANCEL : ICalendar.Method.PUBLISH, List.of(event), now);
    }

    /**
     * The entry of a notice, or null when it has no date and is not {@code withdrawn}.
     *
     * @param uid       the notice's {@link #uid}, which the caller has found already
     * @param withdrawn the story is over: the entry is cancelled
     */
    static CalendarEvent event(Notice notice, String uid, NoticeContent content, List<String> resourceIds,
            int sequence, boolean withdrawn) {
        // Found once for both the date and the description: finding the platform reads the event's text.
        Timing timing = Timing.of(notice, Platform.of(notice));
        CalendarEvent.When when = when(notice, timing);
        if (when == null && withdrawn) {
            when = stated(notice.announcement().schedule());
        }
        if (when == null && !withdrawn) {
            return null;
        }
        return new CalendarEvent(uid, Math.max(sequence, 0), Subject.essentials(content, resourceIds),
                description(notice, content, timing), location(notice), when,
                withdrawn || notice.stage() == Stage.COMPLETED);
    }

    /** The story's identity, hashed: the same for every notice of it, whatever the page or the delivery. */
    static String uid(Notice notice) {
        Announcement a = notice.announcement();
        String story = Identity.of(a).orElseGet(() -> "unidentified|" + a.eventId() + "|" + a.raw());
        return Hashes.sha256(story, 16) + "@shirase";
    }

    /**
     * When the entry is. A maintenance window known to the minute (a scheduled EC2 event, an RDS pending action at its
     * window's opening, or every database of a Health event opening its window at the same moment) is a window in
     * Tokyo time; anything else (an auto-apply date, a forced apply date, an end of support, a date AWS gave without a
     * time) is the day, since a time would state what AWS did not.
     */
    static CalendarEvent.When when(Notice notice) {
        return when(notice, Timing.of(notice, Platform.of(notice)));
    }

    private static CalendarEvent.When when(Notice notice, Timing timing) {
        Deadline d = notice.deadline();
        if (d == null) {
            return null;
        }
        if (timing.inWindow()) {
            CalendarEvent.Window shared = sharedWindow(notice, d.at());
            return shared != null ? shared : day(d.at());
        }
        if (d.kind() == Deadline.Kind.SCHEDULED_START && !Jst.isDateOnly(d.at())) {
            Instant end = d.at().equals(notice.announcement().schedule().start())
                    ? notice.announcement().schedule().end() : null;
            for (DatabaseState db : notice.databases()) {
                if (end == null && db.window() != null && db.window().firstOpeningAtOrAfter(d.at()).equals(d.at())) {
                    end = d.at().plus(db.window().length());
                }
            }
            return new CalendarEvent.Window(d.at(), end);
        }
        return day(d.at());
    }

    /**
     * The first date the event states, for withdrawing an entry when the notice has no deadline any more (a closed
     * event): calendar clients find the entry by its UID, and some want the date beside it.
     */
    private static CalendarEvent.When stated(Schedule schedule) {
        Instant at = schedule.start() != null ? schedule.start()
                : schedule.autoApplyAfter() != null ? schedule.autoApplyAfter() : schedule.forcedApply();
        if (at == null) {
            return null;
        }
        return Jst.isDateOnly(at) ? day(at) : new CalendarEvent.Window(at, schedule.end());
    }

    /** The one window every affected database opens first on or after {@code date}, or null when they differ. */
    private static CalendarEvent.Window sharedWindow(Notice notice, Instant date) {
        List<DatabaseState> dbs = notice.databases();
        if (dbs.isEmpty() || dbs.size() < notice.announcement().resources().size()) {
            return null;
        }
        Set<CalendarEvent.Window> windows = new HashSet<>();
        for (DatabaseState db : dbs) {
            if (db.window() == null) {
                return null;
            }
            Instant open = db.window().firstOpeningAtOrAfter(date);
            windows.add(new CalendarEvent.Window(open, open.plus(db.window().length())));
        }
        return windows.size() == 1 ? windows.iterator().next() : null;
    }

    private static CalendarEvent.Day day(Instant at) {
        return new CalendarEvent.Day(at.atZone(Jst.ZONE).toLocalDate());
    }

    /** 概要, the date without days left (they go stale in a calendar), the resources, the stoppage, and the links. */
    private static String description(Notice notice, NoticeContent content, Timing timing) {
        List<String> lines = new ArrayList<>();
        lines.add(content.summary());
        if (timing.deadline() != null) {
            lines.add("日時: " + timing.line());
            timing.windowStart().forEach(o -> lines.add("  " + o.database() + ": " + o.window()));
        }
        if (content.keyFacts().resourceCount() > 0) {
            // As the digest names them: the first few by their human name, and a count of the rest.
            lines.add("対象: " + HtmlEmail.names(content.keyFacts()));
        }
        if (content.downtime() != null && notice.stage() != Stage.COMPLETED) {
            lines.add("停止の目安: " + content.downtime());
        }
        content.links().forEach(link -> lines.add(link.label() + ": " + link.url()));
        lines.add("推奨対応と英語の原文は、通知メールを参照してください。");
        return Shorten.end(String.join("\n", lines), MAX_DESCRIPTION);
    }

    /** The account (with its name when known) and the region. */
    private static String location(Notice notice) {
        Announcement a = notice.announcement();
        String region = Regions.describe(a.region());
        return a.account() == null ? region : "アカウント " + AccountLabel.of(a.account(), notice.accountName()) + " / "
                + region;
    }
}
