package dev.shirase.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.classify.Classifier;
import dev.shirase.render.RenderedNotice;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The email's size is bounded by construction, whatever the input. */
class SesChannelTest {
    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

    private static RenderedNotice notice(String description) {
        ObjectNode event = Events.health("AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", description);
        return RenderedNotice.of(new Classifier().classify(new EventReader().read(
                event.toString().getBytes(StandardCharsets.UTF_8))), NOW);
    }

    @Test
    void anOrdinaryNoticeGoesOutWhole() {
        RenderedNotice notice = notice("We will reboot your instance.");

        SesChannel.Mail mail = SesChannel.mail(notice);

        assertThat(mail.subject()).isEqualTo(notice.subject());
        assertThat(mail.text()).isEqualTo(notice.text());
        assertThat(mail.html()).isEqualTo(notice.html());
    }

    @Test
    void aNoticeLargerThanAnEmailMayBeGoesOutInItsMinimalFormWithinTheLimit() {
        // Every "<" becomes "&lt;" in the HTML part: 3 MB of text makes far more than 10 MB of email.
        RenderedNotice notice = notice("<".repeat(3_000_000));

        SesChannel.Mail mail = SesChannel.mail(notice);

        assertThat(mail.bytes()).isLessThanOrEqualTo(SesChannel.MAX_CONTENT_BYTES);
        assertThat(mail.subject()).contains("簡易表示");
        assertThat(mail.text()).contains("larger than an email may be").contains("省略しました");
    }
}
