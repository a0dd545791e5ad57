package dev.shirase.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.Announcement;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import org.junit.jupiter.api.Test;

class IdentityTest {
    private static Announcement read(ObjectNode event) {
        return new EventReader().read(Events.bytes(event));
    }

    private static ObjectNode health() {
        return Events.health("AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "We will reboot.");
    }

    @Test
    void aHealthEventIsOneStoryPerAccountWhateverThePageOrTheRegionItWasDeliveredTo() {
        ObjectNode primary = health();
        ObjectNode backup = primary.deepCopy().put("id", "other").put("region", "us-west-2");
        ((ObjectNode) backup.get("detail")).put("backupEvent", "true").put("page", "2").put("totalPages", "2");
        ObjectNode otherAccount = primary.deepCopy();
        ((ObjectNode) otherAccount.get("detail")).put("affectedAccount", "444455556666");

        assertThat(Identity.of(read(primary))).isEqualTo(Identity.of(read(backup)));
        assertThat(Identity.of(read(primary))).isNotEqualTo(Identity.of(read(otherAccount)));
        assertThat(Identity.of(read(primary)).orElseThrow()).startsWith("health|arn:aws:health:");
    }

    @Test
    void anRdsEventIsItsSourceEventIdAndDate() {
        ObjectNode event = Events.rds("RDS-EVENT-0026", "Offline patching started.", "maintenance");
        ObjectNode later = event.deepCopy();
        ((ObjectNode) later.get("detail")).put("Date", "2031-01-01T00:00:00.000Z");

        assertThat(Identity.of(read(event)).orElseThrow()).startsWith("rds|").contains("|RDS-EVENT-0026|");
        assertThat(Identity.of(read(event))).isNotEqualTo(Identity.of(read(later)));
    }

    @Test
    void anInputThatCouldNotBeReadBelongsToNoStory() {
        assertThat(Identity.of(new EventReader().read("{not json".getBytes()))).isEmpty();
    }
}
