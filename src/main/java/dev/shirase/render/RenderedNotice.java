package dev.shirase.render;

import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Notice;
import java.time.Instant;
import java.util.List;

/**
 * A notice in every form a channel needs.
 *
 * @param notice  the classified notice
 * @param content its Japanese pieces
 * @param subject the subject line (SNS and email)
 * @param text    the plain-text body, unabridged
 * @param html    the HTML email body
 * @param chat    the Amazon Q Developer custom-notification JSON
 */
public record RenderedNotice(Notice notice, NoticeContent content, String subject, String text, String html,
        String chat) implements Outgoing {

    /** Renders with {@code now} as "today", for days left and for dropping the year from this year's dates. */
    public static RenderedNotice of(Notice notice, Instant now) {
        NoticeContent content = NoticeContent.of(notice, now);
        String subject = Subject.of(content, subjectResources(notice));
        return new RenderedNotice(notice, content, subject, PlainText.render(content), HtmlEmail.render(content, subject),
                ChatNotification.render(notice, content, subject));
    }

    /** The subject names what is still to be done: resources already resolved are left to the body. */
    private static List<String> subjectResources(Notice notice) {
        List<String> open = notice.announcement().resources().stream()
                .filter(r -> !"RESOLVED".equals(r.status())).map(AffectedResource::id).toList();
        return open.isEmpty() ? notice.announcement().resourceIds() : open;
    }

    @Override
    public String snsMessage() {
        return SnsMessage.of(budget -> PlainText.render(content, budget), chat);
    }
}
