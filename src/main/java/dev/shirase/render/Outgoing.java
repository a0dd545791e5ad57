package dev.shirase.render;

/** A message in the forms the channels send: a single notice, or the scan's digest. */
public interface Outgoing {

    /** The subject line, under 100 characters, no control characters. */
    String subject();

    /** The plain-text body, unabridged. */
    String text();

    /** The HTML email body. */
    String html();

    /** The SNS message (MessageStructure json) within SNS's size limit. */
    String snsMessage();
}
