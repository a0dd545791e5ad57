package dev.shirase.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.notice.AffectedResource;
import dev.shirase.state.Lifecycle.Decision;
import dev.shirase.state.Lifecycle.Keep;
import dev.shirase.state.Lifecycle.Repeat;
import dev.shirase.state.Lifecycle.Tell;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private static final Instant START = Instant.parse("2026-12-04T15:00:00Z");
    private static final String TEXT = "We will reboot your instance.\n\nNo action is needed.";

    private static AffectedResource pending(String id) {
        return new AffectedResource(id, null, "PENDING");
    }

    private static AffectedResource resolved(String id) {
        return new AffectedResource(id, null, "RESOLVED");
    }

    private static Story story(String status, String text, Instant start, int total,
            Map<Integer, List<AffectedResource>> pages) {
        return new Story(status, text, start, null, start, total, pages);
    }

    private static Story one(String status, AffectedResource... resources) {
        return story(status, TEXT, START, 1, Map.of(1, List.of(resources)));
    }

    @Test
    void theFirstDeliveryIsTold() {
        Story first = one("upcoming", pending("i-1"));

        assertThat(Lifecycle.decide(null, null, first)).isEqualTo(new Tell(Revision.FIRST, first));
    }

    @Test
    void theSameStoryAgainIsARepeat() {
        Story told = one("upcoming", pending("i-1"));

        assertThat(Lifecycle.decide(told, told, one("upcoming", pending("i-1")))).isInstanceOf(Repeat.class);
    }

    @Test
    void aNewParagraphAndAMovedStartAreAnUpdate() {
        Story told = one("upcoming", pending("i-1"));
        Instant later = START.plusSeconds(3 * 86_400);
        Story moved = story("upcoming", TEXT + "\n\nThe maintenance was rescheduled.", later, 1,
                Map.of(1, List.of(pending("i-1"))));

        Decision decision = Lifecycle.decide(told, told, moved);

        assertThat(decision).isInstanceOfSatisfying(Tell.class, tell -> {
            assertThat(tell.revision().kind()).isEqualTo(Revision.Kind.UPDATE);
            Changes c = tell.revision().changes();
            assertThat(c.newParagraphs()).containsExactly("The maintenance was rescheduled.");
            assertThat(c.rewritten()).isFalse();
            assertThat(c.startMoved()).containsExactly(START, later);
            assertThat(c.deadlineMoved()).containsExactly(START, later);
            assertThat(c.statusChanged()).isFalse();
        });
    }

    @Test
    void aRewordedTextIsAnUpdateThatSaysTheTextChanged() {
        Story told = one("upcoming", pending("i-1"));
        Story reworded = story("upcoming", "We will reboot your instance.\n\nNo action is required.", START, 1,
                Map.of(1, List.of(pending("i-1"))));

        Changes c = ((Tell) Lifecycle.decide(told, told, reworded)).revision().changes();

        assertThat(c.newParagraphs()).containsExactly("No action is required.");
        assertThat(c.rewritten()).isTrue();
    }

    @Test
    void closingOrResolvingEveryResourceIsACompletion() {
        Story told = one("upcoming", pending("i-1"), pending("i-2"));

        Tell closed = (Tell) Lifecycle.decide(told, told, one("closed", pending("i-1"), pending("i-2")));
        Tell resolved = (Tell) Lifecycle.decide(told, told, one("open", resolved("i-1"), resolved("i-2")));
        Tell partly = (Tell) Lifecycle.decide(told, told, one("open", resolved("i-1"), pending("i-2")));

        assertThat(closed.revision().kind()).isEqualTo(Revision.Kind.COMPLETION);
        assertThat(closed.revision().changes().statusBefore()).isEqualTo("upcoming");
        assertThat(closed.revision().changes().statusAfter()).isEqualTo("closed");
        assertThat(resolved.revision().kind()).isEqualTo(Revision.Kind.COMPLETION);
        assertThat(resolved.revision().changes().resolved()).containsExactly("i-1", "i-2");
        assertThat(partly.revision().kind()).isEqualTo(Revision.Kind.UPDATE);
        assertThat(partly.revision().changes().resolved()).containsExactly("i-1");
    }

    @Test
    void aCompletionDoesNotSayTheDateWentAway() {
        Story told = one("upcoming", pending("i-1"));
        Story closed = new Story("closed", TEXT, START, null, null, 1, Map.of(1, List.of(pending("i-1"))));

        Changes c = ((Tell) Lifecycle.decide(told, told, closed)).revision().changes();

        assertThat(c.deadlineMoved()).isEmpty();
        assertThat(c.statusAfter()).isEqualTo("closed");
    }

    @Test
    void furtherPagesAreKeptUntilTheLastArrivesThenToldTogether() {
        Story page2 = story("upcoming", TEXT, START, 3, Map.of(2, List.of(pending("i-3"), pending("i-4"))));
        Story told = ((Tell) Lifecycle.decide(null, null, page2)).story();

        Decision second = Lifecycle.decide(told, told, story("upcoming", TEXT, START, 3, Map.of(1, List.of(pending("i-1")))));
        assertThat(second).isInstanceOf(Keep.class);
        Story known = ((Keep) second).story();
        assertThat(known.resources()).extracting(AffectedResource::id).containsExactly("i-1", "i-3", "i-4");

        Decision last = Lifecycle.decide(told, known, story("upcoming", TEXT, START, 3, Map.of(3, List.of(pending("i-5")))));

        assertThat(last).isInstanceOfSatisfying(Tell.class, tell -> {
            assertThat(tell.revision().kind()).isEqualTo(Revision.Kind.UPDATE);
            assertThat(tell.revision().changes().pagesCompleted()).isTrue();
            assertThat(tell.revision().changes().added()).containsExactly("i-1", "i-5");
            assertThat(tell.story().resources()).extracting(AffectedResource::id)
                    .containsExactly("i-1", "i-3", "i-4", "i-5");
        });
        Story whole = ((Tell) last).story();
        assertThat(Lifecycle.decide(whole, whole, story("upcoming", TEXT, START, 3, Map.of(1, List.of(pending("i-1"))))))
                .isInstanceOf(Repeat.class);
    }

    @Test
    void aPageThatNoLongerNamesAResourceSaysItWasDropped() {
        Story told = story("open", TEXT, START, 1, Map.of(1, List.of(pending("i-1"), pending("i-2"))));

        Changes c = ((Tell) Lifecycle.decide(told, told, one("open", pending("i-1")))).revision().changes();

        assertThat(c.dropped()).containsExactly("i-2");
        assertThat(c.statusChanged()).isFalse();
    }

    @Test
    void aChangeBackToWhatWasToldIsKeptWithoutANotice() {
        Story told = one("upcoming", pending("i-1"));
        Story known = one("open", pending("i-1"));

        assertThat(Lifecycle.decide(told, known, one("upcoming", pending("i-1")))).isInstanceOf(Keep.class);
    }

    @Test
    void storiesChangesAndRevisionsSurviveTheirStoredForm() {
        Story told = one("upcoming", new AffectedResource("db-1", "arn:aws:rds:ap-northeast-1:1:db:db-1", "PENDING"));
        Story now = story("closed", TEXT + "\n\nDone.", null, 2, Map.of(1, List.of(resolved("db-1")), 2, List.of()));
        Revision revision = ((Tell) Lifecycle.decide(told, told, now)).revision();

        assertThat(Story.fromJson(told.toJson())).isEqualTo(told);
        assertThat(Story.fromJson(now.toJson())).isEqualTo(now);
        assertThat(Revision.fromJson(revision.toJson())).isEqualTo(revision);
        assertThat(revision.changes().startMoved()).containsExactly(START, null);
    }
}
