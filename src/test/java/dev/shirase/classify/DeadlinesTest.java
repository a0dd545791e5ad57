package dev.shirase.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Notice;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlinesTest {
    private final EventReader reader = new EventReader();
    private final Classifier classifier = new Classifier();

    private Deadline deadline(ObjectNode event) {
        Notice n = classifier.classify(reader.read(Events.bytes(event)));
        return n.deadline();
    }

    @Test
    void aScheduledChangeIsDueAtItsStart() {
        ObjectNode event = Events.health("AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange",
                "The instance will be rebooted. You can reboot it yourself before December 11, 2026.");

        assertThat(deadline(event))
                .isEqualTo(new Deadline(Instant.parse("2026-12-05T18:00:00Z"), Deadline.Kind.SCHEDULED_START));
    }

    @Test
    void anEndOfSupportIsDueAtItsStart() {
        ObjectNode event = Events.health("AWS_RDS_PLANNED_LIFECYCLE_EVENT", "scheduledChange", "End of standard support.");

        assertThat(deadline(event).kind()).isEqualTo(Deadline.Kind.END_OF_SUPPORT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Beginning March 3, 2027, we will automatically upgrade your instances. | 2027-03-03T00:00:00Z | AUTO_APPLY_FROM",
            "Starting on 3 March 2027 at 10:00 AM PDT, updates are applied automatically. | 2027-03-03T17:00:00Z | AUTO_APPLY_FROM",
            "Please upgrade before Jan. 15th, 2027 to avoid disruption. | 2027-01-15T00:00:00Z | ACT_BY",
            "On 2027-02-01T09:30Z we will replace the host of your instance. | 2027-02-01T09:30:00Z | SCHEDULED_START",
            "Upgrade by February 1, 2027. After March 1, 2027 we will automatically upgrade them. | 2027-03-01T00:00:00Z | AUTO_APPLY_FROM",
    })
    void aNotificationIsDueAtTheDateItsTextStates(String description, String expected, Deadline.Kind kind) {
        ObjectNode event = Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification", description);

        assertThat(deadline(event)).isEqualTo(new Deadline(Instant.parse(expected), kind));
    }

    @Test
    void theDateAwsActsOnWinsOverAThirdPartysEndOfSupport() {
        ObjectNode event = Events.health("AWS_RDS_OPERATIONAL_NOTIFICATION", "accountNotification",
                "The PostgreSQL community will discontinue support for version 9.5 on February 11, 2027. "
                        + "RDS will upgrade your database instances between February 16, 2027 and March 16, 2027.");

        assertThat(deadline(event)).isEqualTo(new Deadline(Instant.parse("2027-02-16T00:00:00Z"), Deadline.Kind.SCHEDULED_START));
    }

    @Test
    void datesBeforeTheEventAreHistoryNotDeadlines() {
        ObjectNode event = Events.health("AWS_RDS_OPERATIONAL_NOTIFICATION", "accountNotification",
                "On July 1, 2026 we announced an operating system update. We will automatically update instances "
                        + "beginning February 15, 2027.");

        assertThat(deadline(event).at()).isEqualTo(Instant.parse("2027-02-15T00:00:00Z"));
    }

    @Test
    void noDateMeansNoDeadline() {
        ObjectNode event = Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification",
                "We will automatically upgrade your instances during a future maintenance window.");

        assertThat(deadline(event)).isNull();
        assertThat(classifier.classify(reader.read(Events.bytes(
                Events.rds("RDS-EVENT-0230", "A system update is available.", "security patching")))).deadline()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "From March 3, 2027 the endpoints will change.   | 2027-03-03T00:00:00Z",
            "The hosts will, on March 3, 2027, be replaced.  | 2027-03-03T00:00:00Z",
            "The will of the board changes from March 3, 2027. | ",
    })
    void aStartThenWillOrWillThenAnActionIsAScheduledStart(String description, Instant expected) {
        ObjectNode event = Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification", description);

        assertThat(deadline(event))
                .isEqualTo(expected == null ? null : new Deadline(expected, Deadline.Kind.SCHEDULED_START));
    }

    @Test
    void whatLiesBeyondTheCapDoesNotMoveTheDeadline() {
        String notice = "Beginning March 3, 2027, we will automatically upgrade your instances.";
        // Earlier dates that would win if they were read.
        String junk = " Beginning January 4, 2027, we will automatically upgrade your instances.".repeat(15_000);
        String padded = notice + " ".repeat(TextLimits.MAX_CHARS - notice.length()) + junk;

        Deadline expected = new Deadline(Instant.parse("2027-03-03T00:00:00Z"), Deadline.Kind.AUTO_APPLY_FROM);
        assertThat(deadline(Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification", notice)))
                .isEqualTo(expected);
        assertThat(deadline(Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification", padded)))
                .isEqualTo(expected);
    }
}
