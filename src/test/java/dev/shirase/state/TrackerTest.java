package dev.shirase.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.classify.Classifier;
import dev.shirase.notice.Category;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackerTest {
    private static final Deadline DATE = new Deadline(Instant.parse("2026-12-05T00:00:00Z"), Deadline.Kind.ACT_BY);

    private static Notice notice(byte[] event, Obligation obligation, Deadline deadline) {
        Notice n = new Classifier().classify(new EventReader().read(event));
        return new Notice(n.announcement(), n.category() == Category.UNCLASSIFIED ? Category.OS_UPDATE : n.category(),
                obligation, n.stage(), deadline, n.title(), n.rule(), n.databases());
    }

    @Test
    void onlyHealthEventsWithADateThatAskSomethingAreReminded() {
        byte[] health = Events.sample("health-ec2-instance-reboot.json");
        byte[] rds = Events.sample("rds-event-0287-cluster-os-upgrade-required.json");

        assertThat(Tracker.remindable(notice(health, Obligation.REQUIRED, DATE))).isTrue();
        assertThat(Tracker.remindable(notice(health, Obligation.OPTIONAL, DATE))).isTrue();
        assertThat(Tracker.remindable(notice(health, Obligation.INFORMATION, DATE))).isFalse();
        assertThat(Tracker.remindable(notice(health, Obligation.REQUIRED, null))).isFalse();
        assertThat(Tracker.remindable(notice(rds, Obligation.REQUIRED, DATE))).isFalse();
    }
}
