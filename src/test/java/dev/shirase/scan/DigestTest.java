package dev.shirase.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.notice.PendingAction;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestTest {
    private static final ScanSettings SETTINGS =
            new ScanSettings(List.of("ap-northeast-1"), new TreeSet<>(List.of(14, 7, 3, 1)), DayOfWeek.MONDAY);
    /** Required: applied at the window opening 2026-12-08 03:00 JST (mon 18:00 UTC on 2026-12-07). */
    private static final Notice REQUIRED = pending("orders-db", "system-update", Instant.parse("2026-12-01T00:00:00Z"));
    private static final Notice OPTIONAL = pending("reports-db", "db-upgrade", null);

    private static Notice pending(String id, String action, Instant autoApply) {
        DatabaseState db = new DatabaseState(id, "arn:aws:rds:ap-northeast-1:123456789012:db:" + id, false, null, null,
                false, MaintenanceWindow.parse("mon:18:00-mon:18:30"),
                List.of(new PendingAction(action, "desc", autoApply, null, null, null)));
        return new PendingNotices().of(List.of(db)).get(0);
    }

    /** 09:00 JST on the given date. */
    private static Instant at(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    @ParameterizedTest(name = "{0}: {1} days before")
    @CsvSource({
            "2026-11-24, 14",
            "2026-12-01, 7",
            "2026-12-05, 3",
            "2026-12-07, 1",
    })
    void remindsOnEachReminderDay(String date, int daysBefore) {
        Optional<Digest> digest = Digest.plan(List.of(REQUIRED, OPTIONAL), List.of(), at(date), SETTINGS);

        assertThat(digest).isPresent();
        assertThat(digest.get().due()).containsExactly(REQUIRED);
    }

    @ParameterizedTest
    @CsvSource({"2026-11-25", "2026-11-26", "2026-12-02", "2026-12-04", "2026-12-06", "2026-12-08", "2026-12-09"})
    void saysNothingOnOtherDays(String date) {
        assertThat(Digest.plan(List.of(REQUIRED, OPTIONAL), List.of(), at(date), SETTINGS)).isEmpty();
    }

    @Test
    void onTheDigestDayListsEverythingPendingRequiredFirst() {
        // 2026-11-30 is a Monday, and 8 days before the required action: no reminder, but the weekly digest
        Digest digest = Digest.plan(List.of(OPTIONAL, REQUIRED), List.of(), at("2026-11-30"), SETTINGS).orElseThrow();

        assertThat(digest.weekly()).isTrue();
        assertThat(digest.due()).isEmpty();
        assertThat(digest.pending()).containsExactly(REQUIRED, OPTIONAL);
        assertThat(digest.requiredCount()).isEqualTo(1);
    }

    @Test
    void theDigestDayIsTheDayInJapan() {
        // Sunday 15:00 UTC is already Monday in Japan
        assertThat(Digest.plan(List.of(OPTIONAL), List.of(), Instant.parse("2026-11-29T15:00:00Z"), SETTINGS)).isPresent();
        assertThat(Digest.plan(List.of(OPTIONAL), List.of(), Instant.parse("2026-11-29T14:59:00Z"), SETTINGS)).isEmpty();
    }

    @Test
    void aDigestDayWithNothingPendingSaysNothing() {
        assertThat(Digest.plan(List.of(), List.of(), at("2026-11-30"), SETTINGS)).isEmpty();
    }

    @Test
    void optionalActionsAreNeverReminded() {
        Notice optionalWithDate = pending("x-db", "db-upgrade", null);
        assertThat(Digest.plan(List.of(optionalWithDate), List.of(), at("2026-12-01"), SETTINGS)).isEmpty();
    }

    @Test
    void aRegionThatCouldNotBeScannedIsReported() {
        RegionGap denied = RegionGap.notScanned(RegionGap.Cause.ACCESS_DENIED, "not authorized").at(Place.home("us-east-1"));
        Digest digest = Digest.plan(List.of(OPTIONAL), List.of(denied), at("2026-12-02"), SETTINGS)
                .orElseThrow();

        assertThat(digest.notScanned()).containsExactly(denied);
        assertThat(digest.detailsUnread()).isEmpty();
        assertThat(digest.pending()).isEmpty();
    }

    @Test
    void onAnOrdinaryDayTheActionsOfARegionWithoutDatabaseDetailsAreListed() {
        // 2026-12-02: no reminder day, not the digest day. Only the region without details makes the scan speak.
        Notice elsewhere = new PendingNotices().of(List.of(new DatabaseState("analytics-db",
                "arn:aws:rds:us-east-1:123456789012:db:analytics-db", false, null, null, null, null,
                List.of(new PendingAction("system-update", "desc", Instant.parse("2026-12-10T00:00:00Z"), null, null,
                        null))))).get(0);
        RegionGap throttled = RegionGap.detailsUnread(RegionGap.Cause.THROTTLED, "Rate exceeded")
                .at(Place.home("ap-northeast-1"));

        Digest digest = Digest.plan(List.of(OPTIONAL, elsewhere, REQUIRED), List.of(throttled),
                at("2026-12-02"), SETTINGS).orElseThrow();

        assertThat(digest.weekly()).isFalse();
        assertThat(digest.due()).isEmpty();
        assertThat(digest.pending()).containsExactly(REQUIRED, OPTIONAL);
        assertThat(digest.detailsUnread()).extracting(RegionGap::region).containsExactly("ap-northeast-1");
        assertThat(digest.notScanned()).isEmpty();
    }

    @Test
    void regionsStayInTheOrderScanned() {
        List<RegionGap> gaps = new java.util.ArrayList<>();
        for (String region : List.of("us-west-2", "eu-west-1", "us-east-1", "ap-south-1")) {
            gaps.add(RegionGap.notScanned(RegionGap.Cause.TIME_RAN_OUT, null).at(Place.home(region)));
        }

        Digest digest = Digest.plan(List.of(), gaps, at("2026-12-02"), SETTINGS).orElseThrow();

        assertThat(digest.notScanned()).extracting(RegionGap::region)
                .containsExactly("us-west-2", "eu-west-1", "us-east-1", "ap-south-1");
    }

    @Test
    void everythingIsListedRequiredFirstThenByMomentThenByResourceThenByAction() {
        // Ties on every key but the last, ids that sort differently joined than alone, and an action without a code.
        java.util.Random random = new java.util.Random(11);
        List<String> ids = List.of("db-a", "db-a,b", "db-b", "db", "Db");
        List<Notice> notices = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant autoApply = random.nextInt(4) == 0 ? null : at("2026-12-0" + (1 + random.nextInt(3)));
            notices.add(pending(ids.get(random.nextInt(ids.size())), random.nextInt(6) == 0 ? null
                    : List.of("system-update", "db-upgrade", "os-upgrade").get(random.nextInt(3)), autoApply));
        }
        java.util.Comparator<Notice> spelledOut = java.util.Comparator
                .comparing((Notice n) -> n.obligation() != dev.shirase.notice.Obligation.REQUIRED)
                .thenComparing(n -> n.deadline() == null ? Instant.MAX : n.deadline().at())
                .thenComparing(n -> String.join(",", n.announcement().resourceIds()))
                .thenComparing(n -> String.valueOf(n.announcement().code()));

        Digest digest = Digest.plan(notices, List.of(), at("2026-11-30"), SETTINGS).orElseThrow();

        assertThat(digest.pending()).containsExactlyElementsOf(notices.stream().sorted(spelledOut).toList());
        assertThat(notices.stream().sorted(Digest.URGENCY).toList()).containsExactlyElementsOf(digest.pending());
    }
}
