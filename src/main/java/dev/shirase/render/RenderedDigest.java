package dev.shirase.render;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scan's digest in every form a channel needs.
 *
 * @param subject the subject line
 * @param text    the plain-text body, unabridged
 * @param html    the HTML email body
 * @param chat    the Amazon Q Developer custom-notification JSON
 * @param layout  the body, cut to a byte budget, for SNS
 * @param dated   the calendar of its dated items, made when the mail asks for it
 */
public record RenderedDigest(String subject, String text, String html, String chat, DigestRenderer.Layout layout,
        Supplier<Optional<ICalendar>> dated) implements Outgoing {

    @Override
    public Optional<ICalendar> calendar() {
        return dated.get();
    }

    @Override
    public String snsMessage() {
        return SnsMessage.of(layout::text, chat);
    }

    /** The digest's own text is its content: the minimal form keeps as much of it as the channel allows. */
    @Override
    public Outgoing fallback(String why) {
        return MinimalNotice.ofDigest(subject, text, why);
    }
}
