package dev.shirase.deliver;

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
    public void send(Outgoing notice) {
        for (List<String> batch : batches()) {
            try {
                ses.sendEmail(e -> e
                        .fromEmailAddress(from)
                        .destination(d -> d.toAddresses(batch))
                        .content(c -> c.simple(m -> m
                                .subject(s -> s.data(notice.subject()).charset(CHARSET))
                                .body(b -> b
                                        .text(t -> t.data(notice.text()).charset(CHARSET))
                                        .html(h -> h.data(notice.html()).charset(CHARSET))))));
            } catch (SdkException e) {
                throw new DeliveryException("SES send failed (" + batch.size() + " recipients): " + e.getMessage(), e);
            }
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
