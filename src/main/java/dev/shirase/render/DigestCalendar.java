package dev.shirase.render;

import dev.shirase.notice.Notice;
import dev.shirase.notice.Stage;
import dev.shirase.scan.Digest;
import dev.shirase.state.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The digest's calendar: an entry for every dated item it lists (on the digest day, every open one), each with the UID
 * of its story, so that it lands on the entry its notices made, or makes the entry they would have.
 */
final class DigestCalendar {
    private DigestCalendar() {
    }

    /**
     * The calendar, or null when no listed item has a date.
     *
     * @param sequences by story id, the SEQUENCE its entry was last given; 0 for a story not in the table
     */
    static ICalendar of(Digest digest, Map<String, Integer> sequences) {
        Map<String, CalendarEvent> byUid = new LinkedHashMap<>();
        List<Notice> listed = new ArrayList<>(digest.due());
        listed.addAll(digest.pending());
        for (Notice n : listed) {
            if (n.deadline() == null || n.stage() == Stage.COMPLETED) {
                continue;
            }
            String uid = NoticeCalendar.uid(n);
            if (byUid.containsKey(uid)) {
                continue;
            }
            int sequence = Identity.of(n.announcement()).map(sequences::get).orElse(0);
            CalendarEvent event = NoticeCalendar.event(n, uid, NoticeContent.of(n, digest.now()),
                    n.announcement().resourceIds(), sequence, false);
            if (event != null) {
                byUid.put(uid, event);
            }
        }
        return byUid.isEmpty() ? null : new ICalendar(ICalendar.Method.PUBLISH, List.copyOf(byUid.values()), digest.now());
    }
}
