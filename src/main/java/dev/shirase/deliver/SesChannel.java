package dev.shirase.deliver;

import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.render.ICalendar;
import dev.shirase.render.Outgoing;
import dev.shirase.render.Utf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.message.BodyPartBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.MultipartBuilder;
import org.apache.james.mime4j.stream.NameValuePair;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends an HTML email with a plain-text alternative, and the calendar of what is dated in it, through SES v2. */
public final class SesChannel implements Channel {
    public static final String NAME = "ses";
    /** SES accepts at most 50 recipients a message. */
    static final int MAX_RECIPIENTS = 50;
    /**
     * SES v2 takes messages of up to 40 MB as sent, after MIME encoding (base64 grows text by a third, and the subject,
     * text and HTML parts all count). 10 MB of UTF-8 before encoding stays well inside that.
     */
    static final int MAX_CONTENT_BYTES = 10 * 1024 * 1024;
    private static final String CHARSET = "UTF-8";
    private final SesV2Client ses;
    private final String from;
    private final List<String> to;

    public SesChannel(SesV2Client ses, String from, List<String> to) {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("SES channel needs at least one recipient");
        }
        this.ses = ses;
        this.from = from;
        this.to = List.copyOf(to);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * What one email carries.
     *
     * @param calendar the iCalendar text of its dated entries, or null
     * @param method   the calendar's method, or null
     */
    record Mail(String subject, String text, String html, String calendar, ICalendar.Method method) {
        int bytes() {
            return Utf8.length(subject) + Utf8.length(text) + Utf8.length(html)
                    + (calendar == null ? 0 : Utf8.length(calendar));
        }
    }

    @Override
    public Delivery prepare(Outgoing notice) {
        Mail mail = mail(notice, from);
        List<List<String>> batches = batches();
        List<byte[]> messages = new ArrayList<>();
        for (List<String> batch : batches) {
            messages.add(mime(mail, from, batch));
        }
        return budget -> {
            for (int i = 0; i < messages.size(); i++) {
                send(messages.get(i), batches.get(i), budget);
            }
        };
    }

    /**
     * The notice as an email within SES's size limit. Only input far beyond what EventBridge delivers (a local invoke
     * of a file of megabytes) makes a notice larger: it goes out in its minimal form, which keeps 1 MiB of the input.
     * A calendar that cannot be made costs the mail its attachment, nothing else.
     */
    static Mail mail(Outgoing notice, String from) {
        String calendar = null;
        ICalendar.Method method = null;
        try {
            Optional<ICalendar> dated = notice.calendar();
            if (dated.isPresent()) {
                calendar = dated.get().text(from);
                method = dated.get().method();
            }
        } catch (RuntimeException defect) {
            calendar = null;
        }
        Mail full = new Mail(notice.subject(), notice.text(), notice.html(), calendar, method);
        if (full.bytes() <= MAX_CONTENT_BYTES) {
            return full;
        }
        Outgoing minimal = notice.fallback(String.format(java.util.Locale.ROOT,
                "the notice (%,d bytes) is larger than an email may be", full.bytes()));
        return new Mail(minimal.subject(), minimal.text(), minimal.html(), null, null);
    }

    /**
     * The email as MIME: the text and the HTML as alternatives, and the calendar, when there is one, as a
     * {@code text/calendar} attachment whose method parameter matches its METHOD, as iTIP asks.
     */
    static byte[] mime(Mail mail, String from, List<String> to) {
        try {
            Multipart alternatives = MultipartBuilder.create("alternative")
                    .addBodyPart(textPart(mail.text(), "plain"))
                    .addBodyPart(textPart(mail.html(), "html"))
                    .build();
            Message.Builder message = Message.Builder.of()
                    .setFrom(from)
                    .setTo(to.toArray(String[]::new))
                    .setSubject(mail.subject())
                    .setDate(new Date());
            if (mail.calendar() == null) {
                message.setBody(alternatives);
            } else {
                message.setBody(MultipartBuilder.create("mixed")
                        .addBodyPart(BodyPartBuilder.create().setBody(alternatives))
                        .addBodyPart(calendarPart(mail))
                        .build());
            }
            return DefaultMessageWriter.asBytes(message.build());
        } catch (IOException | MimeException e) {
            throw new DeliveryException("the email could not be written as MIME: " + e.getMessage(), e);
        }
    }

    private static BodyPartBuilder textPart(String text, String subtype) throws IOException {
        // Base64 keeps every line short and 7-bit, whatever the event's text holds.
        return BodyPartBuilder.create().setBody(text, subtype, StandardCharsets.UTF_8).setContentTransferEncoding("base64");
    }

    private static BodyPartBuilder calendarPart(Mail mail) throws IOException {
        return BodyPartBuilder.create()
                .setBody(mail.calendar(), "calendar", StandardCharsets.UTF_8)
                .setContentType("text/calendar", new NameValuePair("method", mail.method().name()),
                        new NameValuePair("charset", CHARSET), new NameValuePair("name", ICalendar.FILE_NAME))
                .setContentDisposition("attachment", ICalendar.FILE_NAME)
                .setContentTransferEncoding("base64");
    }

    private void send(byte[] message, List<String> batch, Budget budget) {
        try {
            ses.sendEmail(e -> e
                    .fromEmailAddress(from)
                    .destination(d -> d.toAddresses(batch))
                    .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArrayUnsafe(message))))
                    .overrideConfiguration(AwsClients.within(budget)));
        } catch (SdkException | AwsClients.BudgetSpentException e) {
            throw new DeliveryException("SES send failed (" + batch.size() + " recipients): " + e.getMessage(), e);
        }
    }

    private List<List<String>> batches() {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < to.size(); i += MAX_RECIPIENTS) {
            batches.add(to.subList(i, Math.min(i + MAX_RECIPIENTS, to.size())));
        }
        return batches;
    }
}
