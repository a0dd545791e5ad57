package dev.shirase.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.classify.Classifier;
import dev.shirase.render.ICalendar;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedNotice;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import dev.shirase.testing.SentMail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The email as MIME with its calendar, and its size bounded by construction, whatever the input. */
class SesChannelTest {
    private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    private static final String FROM = "Shirase <alerts@example.com>";

    private static RenderedNotice notice(String description) {
        ObjectNode event = Events.health("AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", description);
        return RenderedNotice.of(new Classifier().classify(new EventReader().read(
                event.toString().getBytes(StandardCharsets.UTF_8))), NOW);
    }

    @Test
    void anOrdinaryNoticeGoesOutWhole() {
        RenderedNotice notice = notice("We will reboot your instance.");

        SesChannel.Mail mail = SesChannel.mail(notice, FROM);

        assertThat(mail.subject()).isEqualTo(notice.subject());
        assertThat(mail.text()).isEqualTo(notice.text());
        assertThat(mail.html()).isEqualTo(notice.html());
        assertThat(mail.calendar()).isEqualTo(notice.calendar().orElseThrow().text(FROM));
        assertThat(mail.method()).isEqualTo(ICalendar.Method.PUBLISH);
    }

    @Test
    void theMimeMessageHasTheTextAndHtmlAsAlternativesAndTheCalendarAsAnAttachment() {
        RenderedNotice notice = notice("We will reboot your instance.");

        SentMail sent = SentMail.parse(SesChannel.mime(SesChannel.mail(notice, FROM), FROM,
                List.of("oncall@example.com", "lead@example.com")));

        assertThat(sent.subject()).isEqualTo(notice.subject());
        assertThat(sent.to()).containsExactly("oncall@example.com", "lead@example.com");
        assertThat(sent.contentType()).startsWith("multipart/mixed");
        assertThat(sent.parts()).extracting(SentMail.Part::mimeType)
                .containsExactly("text/plain", "text/html", "text/calendar");
        assertThat(sent.text()).isEqualTo(notice.text());
        assertThat(sent.html()).isEqualTo(notice.html());
        SentMail.Part calendar = sent.calendar().orElseThrow();
        assertThat(calendar.contentType()).contains("method=PUBLISH").contains("charset=UTF-8")
                .contains("aws-maintenance.ics");
        assertThat(calendar.disposition()).isEqualTo("attachment");
        assertThat(calendar.text()).isEqualTo(notice.calendar().orElseThrow().text(FROM));
    }

    @Test
    void aCalendarThatCannotBeMadeCostsTheMailItsAttachmentAlone() {
        RenderedNotice notice = notice("We will reboot your instance.");
        Outgoing broken = new Outgoing() {
            public String subject() { return notice.subject(); }
            public String text() { return notice.text(); }
            public String html() { return notice.html(); }
            public String chat() { return notice.chat(); }
            public String snsMessage() { return notice.snsMessage(); }
            public Outgoing fallback(String why) { return notice.fallback(why); }
            @Override
            public Optional<ICalendar> calendar() {
                throw new IllegalStateException("defect");
            }
        };

        SesChannel.Mail mail = SesChannel.mail(broken, FROM);

        assertThat(mail.calendar()).isNull();
        assertThat(mail.text()).isEqualTo(notice.text());
        assertThat(SentMail.parse(SesChannel.mime(mail, FROM, List.of("oncall@example.com"))).contentType())
                .startsWith("multipart/alternative");
    }

    @Test
    void aNoticeLargerThanAnEmailMayBeGoesOutInItsMinimalFormWithinTheLimit() {
        // Every "<" becomes "&lt;" in the HTML part: 3 MB of text makes far more than 10 MB of email.
        RenderedNotice notice = notice("<".repeat(3_000_000));

        SesChannel.Mail mail = SesChannel.mail(notice, FROM);

        assertThat(mail.bytes()).isLessThanOrEqualTo(SesChannel.MAX_CONTENT_BYTES);
        assertThat(mail.subject()).contains("簡易表示");
        assertThat(mail.text()).contains("larger than an email may be").contains("省略しました");
    }
}
