package dev.shirase.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceStateTest {
    private static final Instant START = Instant.parse("2026-12-14T20:00:00Z");

    private static ScheduledEvent event(String code, String description) {
        return new ScheduledEvent(code, description, START, START.plusSeconds(7200), null, "instance-event-0d59937288b749b32");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The instance is scheduled for a reboot",
            "The instance is running on degraded hardware",
            "scheduled reboot",
            // Only the start says what became of the event.
            "Reboot rescheduled, see [Completed] tasks",
    })
    void anEventIsPendingUnlessEc2MarksItCompletedOrCanceled(String description) {
        assertThat(event("system-reboot", description).pending()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[Completed] The instance is scheduled for a reboot",
            "[Canceled] scheduled reboot",
            " [Completed] scheduled reboot",
            "[completed] scheduled reboot",
            "[CANCELED] scheduled reboot",
    })
    void aCompletedOrCanceledEventIsNotPending(String description) {
        assertThat(event("system-reboot", description).pending()).isFalse();
    }

    @Test
    void anEventWithoutADescriptionIsTakenAsPending() {
        assertThat(event("instance-stop", null).pending()).isTrue();
    }

    @Test
    void aListedInstanceWithAPendingEventHasOne() {
        ScheduledEvent done = event("system-reboot", "[Completed] scheduled reboot");
        ScheduledEvent retirement = event("instance-retirement", "The instance is running on degraded hardware");
        InstanceState state = InstanceState.listed("running", List.of(done, retirement));

        assertThat(state.exists()).isTrue();
        assertThat(state.hasPendingEvent()).isTrue();
        assertThat(state.nothingPending()).isFalse();
        assertThat(state.pendingEvents()).containsExactly(retirement);
        assertThat(state.events()).containsExactly(done, retirement);
    }

    @Test
    void aListedInstanceWhoseEventsAreAllOverHasNothingPending() {
        InstanceState state = InstanceState.listed("stopped", List.of(
                event("system-reboot", "[Completed] scheduled reboot"),
                event("instance-reboot", "[Canceled] scheduled reboot")));

        assertThat(state.hasPendingEvent()).isFalse();
        assertThat(state.nothingPending()).isTrue();
        assertThat(state.pendingEvents()).isEmpty();
    }

    @Test
    void aListedInstanceWithoutEventsHasNothingPending() {
        InstanceState state = InstanceState.listed("running", List.of());

        assertThat(state.hasPendingEvent()).isFalse();
        assertThat(state.nothingPending()).isTrue();
    }

    /** A terminated instance can no longer be rebooted or stopped, whatever events EC2 still lists for it. */
    @ParameterizedTest
    @CsvSource({"running, true", "pending, true", "stopping, true", "stopped, true", "shutting-down, false",
            "terminated, false"})
    void anInstanceKeepsItsPendingEventsUntilItIsTerminated(String stateName, boolean pending) {
        InstanceState state = InstanceState.listed(stateName,
                List.of(event("instance-stop", "The instance is running on degraded hardware")));

        assertThat(state.hasPendingEvent()).isEqualTo(pending);
        assertThat(state.nothingPending()).isEqualTo(!pending);
    }

    @Test
    void anInstanceEc2DoesNotKnowHasNothingPending() {
        InstanceState gone = InstanceState.notFound();

        assertThat(gone.exists()).isFalse();
        assertThat(gone.hasPendingEvent()).isFalse();
        assertThat(gone.nothingPending()).isTrue();
    }

    @Test
    void anUnknownInstanceIsNeitherPendingNorDone() {
        InstanceState unknown = InstanceState.unknown();

        assertThat(unknown.exists()).isFalse();
        assertThat(unknown.hasPendingEvent()).isFalse();
        assertThat(unknown.nothingPending()).isFalse();
    }
}
