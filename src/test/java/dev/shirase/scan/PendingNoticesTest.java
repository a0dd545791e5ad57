package dev.shirase.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.notice.Category;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.PendingAction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingNoticesTest {
    private static final String ARN = "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db";
    // mon 18:00 UTC is Tuesday 03:00 in Japan
    private static final MaintenanceWindow WINDOW = MaintenanceWindow.parse("mon:18:00-mon:18:30");
    private final PendingNotices notices = new PendingNotices();

    private static DatabaseState db(MaintenanceWindow window, PendingAction action) {
        return new DatabaseState("orders-db", ARN, false, "mysql", "8.0.40", false, window, List.of(action));
    }

    private static PendingAction action(String name, String autoApply, String forced, String optIn) {
        return new PendingAction(name, "New Operating System update is available",
                autoApply == null ? null : Instant.parse(autoApply), forced == null ? null : Instant.parse(forced), null,
                optIn);
    }

    private Notice notice(MaintenanceWindow window, PendingAction action) {
        return notices.of(List.of(db(window, action))).get(0);
    }

    @Test
    void anAutoApplyDateMakesItRequiredDueAtTheFirstWindowAfterIt() {
        // 2026-11-27 is a Friday; the first Monday 18:00 UTC after it is 2026-11-30
        Notice n = notice(WINDOW, action("system-update", "2026-11-27T00:00:00Z", null, null));

        assertThat(n.category()).isEqualTo(Category.OS_UPDATE);
        assertThat(n.obligation()).isEqualTo(Obligation.REQUIRED);
        assertThat(n.deadline()).isEqualTo(new Deadline(Instant.parse("2026-11-30T18:00:00Z"), Deadline.Kind.SCHEDULED_START));
        assertThat(n.announcement().region()).isEqualTo("ap-northeast-1");
        assertThat(n.announcement().account()).isEqualTo("123456789012");
        assertThat(n.announcement().resources()).singleElement()
                .satisfies(r -> assertThat(r.arn()).isEqualTo(ARN));
        assertThat(n.databases()).singleElement().satisfies(db -> assertThat(db.window()).isEqualTo(WINDOW));
    }

    @Test
    void anEarlierForcedDateIsTheDeadline() {
        Notice n = notice(WINDOW, action("os-upgrade", "2026-12-20T00:00:00Z", "2026-12-08T00:00:00Z", null));

        assertThat(n.obligation()).isEqualTo(Obligation.REQUIRED);
        assertThat(n.deadline()).isEqualTo(new Deadline(Instant.parse("2026-12-08T00:00:00Z"), Deadline.Kind.FORCED_APPLY));
    }

    @Test
    void aForcedDateAfterTheWindowIsNotTheDeadline() {
        Notice n = notice(WINDOW, action("os-upgrade", "2026-11-27T00:00:00Z", "2027-01-08T00:00:00Z", null));

        assertThat(n.deadline().at()).isEqualTo(Instant.parse("2026-11-30T18:00:00Z"));
    }

    @Test
    void withoutAWindowTheAutoApplyDateItselfIsTheDeadline() {
        Notice n = notice(null, action("ca-certificate-rotation", "2027-01-10T00:00:00Z", null, null));

        assertThat(n.category()).isEqualTo(Category.SYSTEM_REBOOT);
        assertThat(n.deadline()).isEqualTo(new Deadline(Instant.parse("2027-01-10T00:00:00Z"), Deadline.Kind.AUTO_APPLY_FROM));
    }

    @Test
    void withoutAWindowALaterForcedDateDoesNotHideTheEarlierAutoApplyDate() {
        // DescribeDBInstances failed (or the window is unknown): RDS may apply it from 12/1, not only on 1/31.
        Notice n = notice(null, action("system-update", "2026-12-01T00:00:00Z", "2027-01-31T00:00:00Z", null));

        assertThat(n.deadline()).isEqualTo(new Deadline(Instant.parse("2026-12-01T00:00:00Z"), Deadline.Kind.AUTO_APPLY_FROM));
    }

    @Test
    void withoutAWindowAnEarlierForcedDateIsStillTheDeadline() {
        Notice n = notice(null, action("system-update", "2027-02-01T00:00:00Z", "2027-01-15T00:00:00Z", null));

        assertThat(n.deadline()).isEqualTo(new Deadline(Instant.parse("2027-01-15T00:00:00Z"), Deadline.Kind.FORCED_APPLY));
    }

    @Test
    void withoutDatesItIsOptionalWithNoDeadlineEvenWhenOptedIn() {
        Notice available = notice(WINDOW, action("db-upgrade", null, null, null));
        Notice optedIn = notice(WINDOW, action("system-update", null, null, "next-maintenance"));

        assertThat(available.category()).isEqualTo(Category.ENGINE_UPGRADE);
        assertThat(available.obligation()).isEqualTo(Obligation.OPTIONAL);
        assertThat(available.deadline()).isNull();
        assertThat(optedIn.obligation()).isEqualTo(Obligation.OPTIONAL);
        assertThat(optedIn.announcement().status()).isEqualTo("next-maintenance");
    }

    @Test
    void anUnknownActionIsClassifiedByItsDescription() {
        PendingAction unknown = new PendingAction("storage-upgrade", "A security patch for the storage layer", null,
                Instant.parse("2027-02-01T00:00:00Z"), null, null);

        Notice n = notice(WINDOW, unknown);

        assertThat(n.category()).isEqualTo(Category.SECURITY_PATCH);
        assertThat(n.obligation()).isEqualTo(Obligation.REQUIRED);
    }

    @Test
    void oneNoticePerActionOfEachDatabase() {
        DatabaseState two = new DatabaseState("orders-db", ARN, false, null, null, null, WINDOW, List.of(
                action("system-update", "2026-11-27T00:00:00Z", null, null), action("db-upgrade", null, null, null)));

        List<Notice> list = notices.of(List.of(two));

        assertThat(list).extracting(n -> n.announcement().code()).containsExactly("system-update", "db-upgrade");
        assertThat(list).allSatisfy(n -> assertThat(n.databases().get(0).pendingActions()).hasSize(1));
    }

    @Test
    void aScanOfManyActionsGivesTheNoticesEachActionGetsAlone() {
        // Few texts, many dates and databases: the list classifies each text once, and must still date each action.
        List<String> names = List.of("system-update", "os-upgrade", "db-upgrade");
        List<String> descriptions = List.of("New Operating System update is available",
                "Upgrade to the new minor version before March 1, 2027.", "A security patch for the storage layer");
        List<String> optIns = java.util.Arrays.asList(null, "next-maintenance", "immediate", "closed");
        List<DatabaseState> databases = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant autoApply = i % 5 == 0 ? null : Instant.parse("2026-11-20T00:00:00Z").plus(java.time.Duration.ofDays(i));
            Instant forced = i % 3 == 0 ? null : Instant.parse("2026-12-01T00:00:00Z").plus(java.time.Duration.ofDays(60 - i));
            PendingAction first = new PendingAction(names.get(i % 3), new String(descriptions.get(i / 3 % 3)), autoApply,
                    forced, null, optIns.get(i % 4));
            PendingAction second = new PendingAction(names.get((i + 1) % 3), new String(descriptions.get(i % 3)), forced,
                    autoApply, null, optIns.get(i / 4 % 4));
            databases.add(new DatabaseState("db-" + i, ARN + "-" + i, false, "mysql", "8.0.40", i % 2 == 0,
                    i % 7 == 0 ? null : MaintenanceWindow.parse("mon:18:00-mon:18:30"), List.of(first, second)));
        }

        List<Notice> together = notices.of(databases);

        assertThat(together).isEqualTo(databases.stream()
                .flatMap(db -> db.pendingActions().stream().map(action -> new PendingNotices().of(db, action)))
                .toList());
        assertThat(together.stream().map(Notice::deadline).distinct().count()).isGreaterThan(40);
    }
}
