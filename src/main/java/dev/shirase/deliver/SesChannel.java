package dev.shirase.deliver;

import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.render.Outgoing;
import dev.shirase.render.Utf8;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends an HTML email with a plain-text alternative through SES v2. */
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

    /** What one email carries. */
    record Mail(String subject, String text, String html) {
        int bytes() {
            return Utf8.length(subject) + Utf8.length(text) + Utf8.length(html);
        }
    }

    @Override
    public Delivery prepare(Outgoing notice) {
        Mail mail = mail(notice);
        return budget -> {
            for (List<String> batch : batches()) {
                send(mail, batch, budget);
            }
        };
    }

    /**
     * The notice as an email within SES's size limit. Only input far beyond what EventBridge delivers (a local invoke
     * of a file of megabytes) makes a notice larger: it goes out in its minimal form, which keeps 1 MiB of the input.
     */
    static Mail mail(Outgoing notice) {
        Mail full = new Mail(notice.subject(), notice.text(), notice.html());
        if (full.bytes() <= MAX_CONTENT_BYTES) {
            return full;
        }
        Outgoing minimal = notice.fallback(String.format(java.util.Locale.ROOT,
                "the notice (%,d bytes) is larger than an email may be", full.bytes()));
        return new Mail(minimal.subject(), minimal.text(), minimal.html());
    }

    private void send(Mail mail, List<String> batch, Budget budget) {
        try {
            ses.sendEmail(e -> e
                    .fromEmailAddress(from)
                    .destination(d -> d.toAddresses(batch))
                    .content(c -> c.simple(m -> m
                            .subject(s -> s.data(mail.subject()).charset(CHARSET))
                            .body(b -> b
                                    .text(t -> t.data(mail.text()).charset(CHARSET))
                                    .html(h -> h.data(mail.html()).charset(CHARSET)))))
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
