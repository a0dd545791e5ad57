package dev.shirase.deliver;

import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.render.Outgoing;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends an HTML email with a plain-text alternative through SES v2. */
public final class SesChannel implements Channel {
    /** SES accepts at most 50 recipients a message. */
    static final int MAX_RECIPIENTS = 50;
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
        return "ses";
    }

    @Override
    public Delivery prepare(Outgoing notice) {
        String subject = notice.subject();
        String text = notice.text();
        String html = notice.html();
        return budget -> {
            for (List<String> batch : batches()) {
                send(subject, text, html, batch, budget);
            }
        };
    }

    private void send(String subject, String text, String html, List<String> batch, Budget budget) {
        try {
            ses.sendEmail(e -> e
                    .fromEmailAddress(from)
                    .destination(d -> d.toAddresses(batch))
                    .content(c -> c.simple(m -> m
                            .subject(s -> s.data(subject).charset(CHARSET))
                            .body(b -> b
                                    .text(t -> t.data(text).charset(CHARSET))
                                    .html(h -> h.data(html).charset(CHARSET)))))
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
