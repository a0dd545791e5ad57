package dev.shirase.render;

/**
 * A message in the forms the channels send: a single notice, the scan's digest, or either's minimal form. Each form
 * is built when a channel asks for it, so a defect in one form fails that channel's payload only.
 */
public interface Outgoing {

    /** The subject line, under 100 characters, no control characters. */
    String subject();

    /** The plain-text body, unabridged. */
    String text();

    /** The HTML email body. */
    String html();

    /** The Amazon Q Developer custom-notification JSON, exactly as published to https subscribers. */
    String chat();

    /** The SNS message (MessageStructure json) within SNS's size limit. */
    String snsMessage();

    /**
     * The calendar of what is dated in it, for the mail to attach: empty when nothing is. A defect in making it costs the
     * mail its attachment, nothing else.
     */
    default java.util.Optional<ICalendar> calendar() {
        return java.util.Optional.empty();
    }

    /**
     * The minimal form of this message, sent when a channel's own payload cannot be built: a subject, what identifies
     * the event, and the content as received, cut to the channel's limit with a note of the cut. Built so that it
     * cannot fail.
     */
    Outgoing fallback(String why);
}
