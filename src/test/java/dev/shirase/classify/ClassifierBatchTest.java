package dev.shirase.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Origin;
import dev.shirase.notice.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A batch reads each text once and reuses it: its notices must be exactly those of {@link Classifier#classify}, one by
 * one. The announcements are drawn from small pools of every field classification reads, so that many share a text
 * and differ only in their schedule, resources or actionability, or share all but one field of the text.
 */
class ClassifierBatchTest {
    private final Classifier classifier = new Classifier();

    private static final List<String> DESCRIPTIONS = List.of(
            "",
            "New Operating System update is available",
            "A security patch for the storage layer",
            "Upgrade to the new minor version before March 1, 2027. After that date we will upgrade it automatically.",
            "Beginning December 3, 2026, RDS will apply this update during your maintenance window.",
            "Version 11 reaches end of standard support on February 28, 2027. No action is required if you already upgraded.",
            "[RESOLVED] Increased error rates. Between 10:00 and 11:00 PST on November 20, 2026 we saw errors.",
            "The database instance has been patched. Offline patching finished.",
            "Your instance is scheduled for retirement on January 15, 2027 because of degraded hardware.",
            "In July 2026 we notified you of this change. It was applied on August 1, 2026.");

    @Provide
    Arbitrary<List<Announcement>> announcements() {
        return announcement().list().ofMinSize(1).ofMaxSize(60);
    }

    private static Arbitrary<Announcement> announcement() {
        Arbitrary<Origin> origin = Arbitraries.of(Origin.PENDING_MAINTENANCE, Origin.HEALTH_EVENT, Origin.RDS_EVENT,
                Origin.UNRECOGNIZED);
        Arbitrary<String> code = Arbitraries.of("system-update", "os-upgrade", "db-upgrade", "AWS_RDS_MAINTENANCE_SCHEDULED",
                "AWS_NEWSERVICE_SOMETHING_HAPPENS", "RDS-EVENT-0027").injectNull(0.2);
        Arbitrary<String> category = Arbitraries.of("scheduledChange", "issue", "accountNotification", "maintenance",
                "security patching").injectNull(0.3);
        Arbitrary<String> status = Arbitraries.of("open", "upcoming", "closed", "next-maintenance", "immediate")
                .injectNull(0.3);
        Arbitrary<String> actionability = Arbitraries.of("ACTION_REQUIRED", "ACTION_MAY_BE_REQUIRED", "INFORMATIONAL")
                .injectNull(0.5);
        Arbitrary<List<AffectedResource>> resources = Arbitraries.of(List.of(),
                List.of(new AffectedResource("orders-db", "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db", null)));
        Arbitrary<Schedule> schedule = Combinators.combine(instant(), instant(), instant(), instant(), instant())
                .as(Schedule::new);
        Arbitrary<String> description = Arbitraries.of(DESCRIPTIONS).map(String::new);
        return Combinators.combine(origin, code, category, status, actionability, resources, schedule, description)
                .as((o, c, cat, st, act, res, sch, d) -> new Announcement(o, null, "test", "RDS", c, cat, st, act,
                        "123456789012", "ap-northeast-1", res, sch, d, null, null, null, Map.of(), "{}", null));
    }

    private static Arbitrary<Instant> instant() {
        return Arbitraries.of(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-02-01T00:00:00Z")).injectNull(0.4);
    }

    @Property(seed = "20261123", tries = 300)
    void aBatchGivesExactlyTheNoticesOfClassifyingEachAlone(
            @ForAll("announcements") List<Announcement> announcements) {
        Classifier.Batch batch = classifier.batch();

        List<Notice> batched = announcements.stream().map(batch::classify).toList();

        assertThat(batched).isEqualTo(announcements.stream().map(classifier::classify).toList());
    }
}
