package dev.shirase.render;

import static dev.shirase.render.RenderingFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.notice.PendingAction;
import dev.shirase.scan.Digest;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.ScanSettings;
import dev.shirase.state.Changes;
import dev.shirase.state.Identity;
import dev.shirase.state.Revision;
import dev.shirase.testing.Calendars;
import dev.shirase.testing.Events;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Which dated thing a notice's calendar entry is, and how it stays one entry across its story. */
class NoticeCalendarTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode sample(String name) throws Exception {
        return (ObjectNode) MAPPER.readTree(Events.sample(name));
    }

    private static DatabaseState db(String id, String window) {
        return new DatabaseState(id, "arn:aws:rds:ap-northeast-1:123456789012:db:" + id, false, "postgres", "14.12",
                false, MaintenanceWindow.parseOrNull(window), List.of());
    }

    private static VEvent entry(RenderedNotice rendered) {
        return Calendars.events(Calendars.parse(rendered.calendar().orElseThrow().text("alerts@example.com"))).get(0);
    }

    @Test
    void aScheduledEc2EventIsItsWindowInTokyoTime() throws Exception {
        Notice notice = RenderingFixtures.notice(sample("health-ec2-instance-reboot.json"));

        assertThat(NoticeCalendar.when(notice)).isEqualTo(new CalendarEvent.Window(
                Instant.parse("2026-12-04T15:00:00Z"), Instant.parse("2026-12-04T17:00:00Z")));
        VEvent event = entry(RenderedNotice.of(notice, NOW));
        assertThat(Calendars.value(event, "SUMMARY")).isEqualTo("【要対応・必須】EC2 インスタンス再起動 i-0a1b2c3d4e5f67890");
        assertThat(Calendars.value(event, "LOCATION")).isEqualTo("アカウント 123456789012 / ap-northeast-1 (東京)");
        assertThat(Calendars.value(event, "DESCRIPTION"))
                .startsWith(RenderedNotice.of(notice, NOW).content().summary())
                .contains("\n対象: i-0a1b2c3d4e5f67890\n")
                .contains("https://health.aws.amazon.com/health/home#/account/event-log?eventID=")
                .doesNotContain("あと ");
    }

    @Test
    void aDateInTheFirstWindowAfterItIsThatWindowWhenEveryDatabaseSharesOneElseTheDay() throws Exception {
        Notice notice = RenderingFixtures.notice(sample("health-rds-maintenance-scheduled.json"));
        assertThat(notice.announcement().resources()).hasSize(2);
        List<String> ids = notice.announcement().resourceIds();

        // Both open on Tuesday 18:00 UTC, the first after 2026-12-07: one window, 03:00-03:30 JST on Wednesday.
        Notice shared = notice.withDatabases(List.of(db(ids.get(0), "tue:18:00-tue:18:30"),
                db(ids.get(1), "tue:18:00-tue:18:30")));
        Notice differing = notice.withDatabases(List.of(db(ids.get(0), "tue:18:00-tue:18:30"),
                db(ids.get(1), "sat:18:00-sat:19:00")));
        Notice halfKnown = notice.withDatabases(List.of(db(ids.get(0), "tue:18:00-tue:18:30")));

        assertThat(NoticeCalendar.when(shared)).isEqualTo(new CalendarEvent.Window(
                Instant.parse("2026-12-08T18:00:00Z"), Instant.parse("2026-12-08T18:30:00Z")));
        assertThat(NoticeCalendar.when(differing)).isEqualTo(new CalendarEvent.Day(LocalDate.of(2026, 12, 7)));
        assertThat(NoticeCalendar.when(halfKnown)).isEqualTo(new CalendarEvent.Day(LocalDate.of(2026, 12, 7)));
        assertThat(NoticeCalendar.when(notice)).isEqualTo(new CalendarEvent.Day(LocalDate.of(2026, 12, 7)));
    }

    @Test
    void anEndOfSupportIsTheDayAndANoticeWithoutADateHasNoCalendar() throws Exception {
        Notice endOfSupport = RenderingFixtures.notice(sample("health-rds-end-of-standard-support.json"));
        Notice started = RenderingFixtures.notice(sample("rds-event-0026-offline-patching-started.json"));

        assertThat(NoticeCalendar.when(endOfSupport)).isEqualTo(new CalendarEvent.Day(LocalDate.of(2027, 2, 28)));
        assertThat(RenderedNotice.of(started, NOW).calendar()).isEmpty();
    }

    @Test
    void aPendingActionAtItsWindowsOpeningLastsTheWindow() {
        Notice pending = RenderingFixtures.pendingOsUpdate().notice();

        // Auto-apply from 2026-12-01: the first mon:18:00 UTC window after it is Tuesday 03:00-03:30 JST.
        assertThat(NoticeCalendar.when(pending)).isEqualTo(new CalendarEvent.Window(
                Instant.parse("2026-12-07T18:00:00Z"), Instant.parse("2026-12-07T18:30:00Z")));
    }

    @Test
    void everyNoticeOfAStoryNamesTheSameEntryWhateverThePageOrTheWording() throws Exception {
        ObjectNode first = sample("health-ec2-instance-reboot.json");
        ObjectNode update = first.deepCopy();
        update.put("id", "another-delivery");
        ((ObjectNode) update.get("detail")).put("startTime", "Mon, 7 Dec 2026 15:00:00 GMT").put("page", "2");
        ((ObjectNode) ((ArrayNode) update.at("/detail/eventDescription")).get(0))
                .put("latestDescription", "The maintenance was rescheduled.");
        ObjectNode other = first.deepCopy();
        ((ObjectNode) other.get("detail")).put("eventArn", first.at("/detail/eventArn").asText() + "-other");

        String uid = NoticeCalendar.uid(RenderingFixtures.notice(first));

        assertThat(NoticeCalendar.uid(RenderingFixtures.notice(update))).isEqualTo(uid);
        assertThat(NoticeCalendar.uid(RenderingFixtures.notice(other))).isNotEqualTo(uid);
        assertThat(uid).isEqualTo(dev.shirase.state.Hashes.sha256(
                Identity.of(RenderingFixtures.notice(first).announcement()).orElseThrow(), 16) + "@shirase");
    }

    @Test
    void aNoticesPlaceInItsStoryIsItsSequenceAndACompletionCancels() throws Exception {
        Notice notice = RenderingFixtures.notice(sample("health-ec2-instance-reboot.json"));

        VEvent first = entry(RenderedNotice.of(notice, NOW, Revision.FIRST, null, 0));
        VEvent second = entry(RenderedNotice.of(notice, NOW, new Revision(Revision.Kind.UPDATE, Changes.NONE), null, 1));
        RenderedNotice completion = RenderedNotice.of(notice, NOW,
                new Revision(Revision.Kind.COMPLETION, Changes.NONE), null, 2);

        assertThat(Calendars.value(first, "SEQUENCE")).isEqualTo("0");
        assertThat(Calendars.value(second, "SEQUENCE")).isEqualTo("1");
        assertThat(Calendars.value(second, "SUMMARY")).doesNotContain("【更新】");
        assertThat(completion.calendar().orElseThrow().method()).isEqualTo(ICalendar.Method.CANCEL);
        assertThat(Calendars.parse(completion.calendar().orElseThrow().text("alerts@example.com")).validate()
                .hasErrors()).isFalse();
        assertThat(Calendars.value(entry(completion), "STATUS")).isEqualTo("CANCELLED");
        assertThat(Calendars.value(entry(completion), "UID")).isEqualTo(Calendars.value(first, "UID"));
    }

    @Test
    void aClosedEventWithdrawsItsEntryAtTheDateTheEventStatesThoughItsNoticeHasNoDeadline() throws Exception {
        ObjectNode closed = sample("health-ec2-instance-reboot.json");
        ((ObjectNode) closed.get("detail")).put("statusCode", "closed");
        Notice notice = RenderingFixtures.notice(closed);
        assertThat(notice.deadline()).isNull();

        RenderedNotice completion = RenderedNotice.of(notice, NOW,
                new Revision(Revision.Kind.COMPLETION, Changes.NONE), null, 1);

        VEvent event = entry(completion);
        assertThat(Calendars.value(event, "DTSTART")).isEqualTo("20261205T000000");
        assertThat(Calendars.value(event, "STATUS")).isEqualTo("CANCELLED");
        // Without the state table the same closed event withdraws nothing: no calendar at all.
        assertThat(RenderedNotice.of(notice, NOW).calendar()).isEmpty();
    }

    @Test
    void theDigestsCalendarHasEveryDatedItemOnceWithTheSequenceItsStoryWasGiven() {
        ScanSettings settings = new ScanSettings(List.of("ap-northeast-1"), new TreeSet<>(List.of(14, 7, 3, 1)),
                DayOfWeek.MONDAY);
        List<Notice> pending = new PendingNotices().of(List.of(
                new DatabaseState("orders-db", "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db", false, "mysql",
                        "8.0.40", false, MaintenanceWindow.parse("mon:18:00-mon:18:30"), List.of(new PendingAction(
                                "system-update", "New Operating System update is available",
                                Instant.parse("2026-12-01T00:00:00Z"), null, null, null))),
                new DatabaseState("undated-db", "arn:aws:rds:ap-northeast-1:123456789012:db:undated-db", false, "mysql",
                        "8.0.40", false, null, List.of(new PendingAction("db-upgrade", "Upgrade to 8.0.41", null, null,
                                null, null)))));
        Instant monday = Instant.parse("2026-11-30T00:00:00Z");
        // A reminder day for orders-db too (7 days before): listed twice in the digest, one entry in its calendar.
        Digest digest = Digest.plan(pending, List.of(), monday, settings).orElseThrow();
        String story = Identity.of(pending.get(0).announcement()).orElseThrow();

        ICalendar calendar = DigestRenderer.render(digest, Map.of(story, 4)).calendar().orElseThrow();

        List<VEvent> events = Calendars.events(Calendars.parse(calendar.text(null)));
        assertThat(calendar.method()).isEqualTo(ICalendar.Method.PUBLISH);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(Calendars.value(e, "UID")).isEqualTo(NoticeCalendar.uid(pending.get(0)));
            assertThat(Calendars.value(e, "SEQUENCE")).isEqualTo("4");
            assertThat(Calendars.value(e, "SUMMARY")).contains("orders-db");
        });
        assertThat(DigestRenderer.render(digest).calendar().orElseThrow().text(null)).contains("SEQUENCE:0");
    }
}
