package dev.shirase.render;

import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Translation;
import dev.shirase.state.Revision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A notice in every form a channel needs. The Japanese pieces and the subject are made at once; the bodies when a
 * channel asks for them, so that a defect in one form costs that channel its full payload and nothing else.
 */
public final class RenderedNotice implements Outgoing {
    private final Notice notice;
    private final NoticeContent content;
    private final String subject;
    private final Supplier<String> text;
    private final Supplier<String> html;
    private final Supplier<String> chat;
    private final Supplier<Optional<ICalendar>> calendar;

    private RenderedNotice(Notice notice, NoticeContent content, String subject, Revision revision, int sequence,
            Instant now) {
        this.notice = notice;
        this.content = content;
        this.subject = subject;
        this.text = Lazy.of(() -> PlainText.render(content));
        this.html = Lazy.of(() -> HtmlEmail.render(content, subject));
        this.chat = Lazy.of(() -> ChatNotification.render(notice, content, subject));
        this.calendar = Lazy.of(() -> Optional.ofNullable(
                NoticeCalendar.of(notice, content, subjectResources(notice), revision, sequence, now)));
    }

    /** Renders with {@code now} as "today", for days left and for dropping the year from this year's dates. */
    public static RenderedNotice of(Notice notice, Instant now) {
        return of(notice, now, Revision.FIRST);
    }

    /** As the {@code revision}-th notice of its story: an update or a completion says first what changed. */
    public static RenderedNotice of(Notice notice, Instant now, Revision revision) {
        return of(notice, now, revision, null);
    }

    /** As {@link #of(Notice, Instant, Revision)}, with the original's machine translation (null: none asked). */
    public static RenderedNotice of(Notice notice, Instant now, Revision revision, Translation translation) {
        return of(notice, now, revision, translation, 0);
    }

    /**
     * As {@link #of(Notice, Instant, Revision, Translation)}, as notice {@code sequence + 1} of its story in the state
     * table: its calendar entry carries that SEQUENCE, so that it moves what the notices before it put there.
     */
    public static RenderedNotice of(Notice notice, Instant now, Revision revision, Translation translation,
            int sequence) {
        NoticeContent content = NoticeContent.of(notice, now, revision, translation);
        return new RenderedNotice(notice, content, Subject.of(content, subjectResources(notice)), revision, sequence,
                now);
    }

    /** The subject names what is still to be done: resources already resolved are left to the body. */
    private static List<String> subjectResources(Notice notice) {
        List<String> open = notice.announcement().resources().stream()
                .filter(r -> !"RESOLVED".equals(r.status())).map(AffectedResource::id).toList();
        return open.isEmpty() ? notice.announcement().resourceIds() : open;
    }

    /** The classified notice. */
    public Notice notice() {
        return notice;
    }

    /** Its Japanese pieces. */
    public NoticeContent content() {
        return content;
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public String text() {
        return text.get();
    }

    @Override
    public String html() {
        return html.get();
    }

    @Override
    public String chat() {
        return chat.get();
    }

    @Override
    public Optional<ICalendar> calendar() {
        return calendar.get();
    }

    @Override
    public String snsMessage() {
        return SnsMessage.of(budget -> PlainText.render(content, budget), chat());
    }

    @Override
    public Outgoing fallback(String why) {
        return MinimalNotice.of(notice.announcement(), notice.accountName(), why);
    }
}
