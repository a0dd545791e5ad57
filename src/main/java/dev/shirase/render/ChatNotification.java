package dev.shirase.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.shirase.json.JsonDocument;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Translation;
import dev.shirase.render.Links.Link;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Amazon Q Developer in chat applications "custom notification", so that Slack and Teams show the Japanese notice
 * rather than dropping a message they cannot render. Kept short: a chat message is a summary with a link, the email
 * carries the whole text.
 *
 * <p>Every field is capped and every value passes through {@link ChatText} as the {@link Builder} writes it, so the
 * JSON is never longer than {@link #MAX_BYTES}, whatever the event holds, and no event value acts as chat markup.
 */
public final class ChatNotification {
    /** Chat platforms cut long blocks (Slack: 3,000 characters a section); stay under that. */
    static final int MAX_DESCRIPTION = 2800;
    /** Title and metadata summary: the subject, which is under 100; room to spare for a digest's. */
    static final int MAX_TITLE = 250;
    /** The notification id, thread id, event type and each related resource. */
    static final int MAX_ID = Shorten.MAX_ID_CHARS;
    static final int MAX_STEPS = 8;
    static final int MAX_STEP = 500;
    static final int MAX_KEYWORDS = 5;
    /** A keyword, and an additionalContext key or value. */
    static final int MAX_KEYWORD = 64;
    static final int MAX_RELATED = 10;
    static final int MAX_CONTEXT = 5;
    /** Of the steps, this many are links (the Health event, the console); the rest are advice. */
    private static final int LINK_STEPS = 2;
    /** Lines listed in a description (a notice's resources, a digest's actions); the email lists them all. */
    static final int LISTED_LINES = 10;
    /** A listed line: ten of them must leave room in the description for what follows (日時, 影響). */
    static final int MAX_LISTED_LINE = 120;

    /**
     * A character takes at most 3 bytes in the JSON: UTF-8 takes 3 for the rest of the BMP and 4 for a surrogate pair
     * (2 characters), and the only escapes left are two bytes ({@code \"}, {@code \\}, {@code \n}), since ChatText
     * turns every other control character, which JSON would write as 6 bytes, into a space.
     */
    private static final int MAX_BYTES_PER_CHAR = 3;
    /** Keys, quotes, separators and the fixed values (version, source, textType): about 350 bytes at the most. */
    private static final int STRUCTURE_BYTES = 1024;
    /** The longest the JSON can be, by construction. */
    public static final int MAX_BYTES = STRUCTURE_BYTES + MAX_BYTES_PER_CHAR * (
            MAX_TITLE + MAX_DESCRIPTION + MAX_STEPS * MAX_STEP + MAX_KEYWORDS * MAX_KEYWORD
                    + 3 * MAX_ID + MAX_TITLE + MAX_RELATED * MAX_ID + MAX_CONTEXT * 2 * MAX_KEYWORD);

    /** Characters of the translation in chat; the mail has it all. */
    static final int TRANSLATION_CHARS = 600;

    /** Lines of 変更点 in chat; the mail has them all. */
    static final int CHANGE_LINES = 6;

    private ChatNotification() {
    }

    public static String render(Notice notice, NoticeContent c, String subject) {
        Announcement a = notice.announcement();
        String id = a.eventId() != null ? a.eventId() : a.eventArn();
        Builder chat = new Builder(subject, description(c))
                .id(id)
                .threadId(a.eventArn() != null ? a.eventArn() : id)
                .summary(subject)
                .eventType(a.code());
        c.steps().stream().limit(MAX_STEPS - LINK_STEPS).map(ChatNotification::step).forEach(chat::nextStep);
        // A link too long for a step is left out rather than cut: a cut URL leads nowhere.
        c.links().stream().map(ChatNotification::linkStep).filter(step -> step.length() <= MAX_STEP).limit(LINK_STEPS)
                .forEach(chat::nextStep);
        chat.keyword(c.urgency()).keyword(notice.category().japanese()).keyword(a.region());
        a.resourceIds().stream().limit(MAX_RELATED).forEach(chat::relatedResource);
        chat.context("category", notice.category().name()).context("obligation", notice.obligation().name());
        Deadline d = notice.deadline();
        if (d != null) {
            chat.context("deadline", Jst.iso(d.at()));
        }
        return chat.json();
    }

    private static String linkStep(Link link) {
        return link.label() + ": " + link.url();
    }

    /**
     * Our layout around the content's pieces, each made inert as it is added. With {@code client-markdown}, Amazon Q
     * Developer hands the text to each platform's own markdown: Slack's mrkdwn bolds {@code *x*}, while Teams' card
     * markdown bolds {@code **x**} and shows {@code *x*} in italics; code spans render in Slack only. No emphasis or
     * code means the same in both, so the layout uses none: headings are ■ lines as in the plain text, lists are
     * {@code - } lines (a real list in Teams, which keeps their line breaks; plain dashes in Slack), and blocks stand
     * apart by a blank line, which both keep.
     */
    private static String description(NoticeContent c) {
        StringBuilder d = new StringBuilder();
        if (!c.changes().isEmpty()) {
            d.append("■ 変更点\n");
            c.changes().stream().limit(CHANGE_LINES).forEach(line -> d.append("- ")
                    .append(Shorten.end(ChatText.inline(line), MAX_LISTED_LINE)).append('\n'));
            d.append('\n');
        }
        d.append(ChatText.neutralise(c.summary())).append("\n");
        c.facts().forEach(fact -> d.append("- ").append(ChatText.inline(fact)).append('\n'));
        d.append('\n');
        d.append("■ 対象リソース: ").append(ChatText.inline(c.scope())).append("\n");
        List<String> shown = c.resourceLines().stream().limit(LISTED_LINES).toList();
        shown.forEach(line -> d.append("- ").append(Shorten.middle(ChatText.inline(line), MAX_LISTED_LINE))
                .append('\n'));
        String note = resourceNote(c, shown.size());
        if (note != null) {
            d.append(ChatText.neutralise(note)).append('\n');
        }
        d.append("\n■ 日時\n");
        c.dateLines().forEach(line -> d.append("- ").append(ChatText.inline(line)).append('\n'));
        d.append("\n■ 影響\n").append(ChatText.neutralise(c.impact()));
        if (c.translation() != null) {
            d.append("\n\n■ ").append(TranslationLines.HEADING).append('\n')
                    .append(ChatText.neutralise(translation(c.translation())));
        }
        return d.toString();
    }

    /** The translation's beginning: the chat is a summary, and the email has every paragraph. */
    private static String translation(Translation t) {
        List<TranslationLines.Block> blocks = TranslationLines.paragraphs(t);
        if (blocks == null) {
            return TranslationLines.none(t);
        }
        String whole = String.join("\n\n", blocks.stream().map(TranslationLines.Block::text).toList());
        return whole.length() <= TRANSLATION_CHARS ? whole
                : Shorten.end(whole, TRANSLATION_CHARS) + "\n(続きはメールの和訳を確認してください)";
    }

    /**
     * The content's note on the resources, counting what the chat did not list: {@code ほか 1490件 (全 1500件)}, once.
     * The note counts what the body did not list, from its own longer list; that count gives way to the chat's.
     */
    static String resourceNote(NoticeContent c, int listed) {
        int total = c.keyFacts().resourceCount();
        String note = c.resourceNote();
        if (total <= listed) {
            return note;
        }
        String ours = NoticeContent.moreResources(listed, total);
        String body = NoticeContent.moreResources(c.resourceLines().size(), total);
        if (note != null && c.resourceLines().size() < total && note.contains(body)) {
            return note.replace(body, ours);
        }
        return note == null ? ours + "。" : ours + "。\n" + note;
    }

    /** A step and its command on one line, as both platforms show it; a command too long to keep whole is left to the mail. */
    private static String step(Step step) {
        return step.inline().length() <= MAX_STEP ? step.inline() : step.text();
    }

    /**
     * A custom notification, written within its caps. Values given to it are made inert and capped here, all but the
     * description, which carries our markup: its event pieces go through {@link ChatText} where it is laid out, and
     * here it is only cleaned of invisible characters and cut to {@link #MAX_DESCRIPTION}. Values beyond a list's
     * count are dropped, so give the important ones first.
     */
    static final class Builder {
        private final String title;
        private final String description;
        private String id;
        private String threadId;
        private String summary;
        private String eventType;
        private final List<String> nextSteps = new ArrayList<>();
        private final List<String> keywords = new ArrayList<>();
        private final List<String> relatedResources = new ArrayList<>();
        private final Map<String, String> context = new LinkedHashMap<>();

        Builder(String title, String description) {
            this.title = Shorten.end(ChatText.inline(orEmpty(title)), MAX_TITLE);
            this.description = Shorten.end(Characters.visible(orEmpty(description), true), MAX_DESCRIPTION);
        }

        Builder id(String value) {
            id = Shorten.id(ChatText.inline(value));
            return this;
        }

        Builder threadId(String value) {
            threadId = Shorten.id(ChatText.inline(value));
            return this;
        }

        Builder summary(String value) {
            summary = Shorten.end(ChatText.inline(value), MAX_TITLE);
            return this;
        }

        Builder eventType(String value) {
            eventType = Shorten.id(ChatText.inline(value));
            return this;
        }

        Builder nextStep(String value) {
            add(nextSteps, MAX_STEPS, Shorten.end(ChatText.inline(value), MAX_STEP));
            return this;
        }

        Builder keyword(String value) {
            add(keywords, MAX_KEYWORDS, Shorten.end(ChatText.inline(value), MAX_KEYWORD));
            return this;
        }

        Builder relatedResource(String value) {
            add(relatedResources, MAX_RELATED, Shorten.id(ChatText.inline(value)));
            return this;
        }

        Builder context(String key, String value) {
            String k = Shorten.end(ChatText.inline(key), MAX_KEYWORD);
            boolean room = context.containsKey(k) || context.size() < MAX_CONTEXT;
            if (k != null && !k.isBlank() && value != null && room) {
                context.put(k, Shorten.end(ChatText.inline(value), MAX_KEYWORD));
            }
            return this;
        }

        String json() {
            return JsonDocument.text(json -> {
                json.writeStartObject();
                json.writeStringField("version", "1.0");
                json.writeStringField("source", "custom");
                writeIfPresent(json, "id", id);
                json.writeObjectFieldStart("content");
                json.writeStringField("textType", "client-markdown");
                json.writeStringField("title", title);
                json.writeStringField("description", description);
                writeIfPresent(json, "nextSteps", nextSteps);
                writeIfPresent(json, "keywords", keywords);
                json.writeEndObject();
                json.writeObjectFieldStart("metadata");
                writeIfPresent(json, "threadId", threadId);
                writeIfPresent(json, "summary", summary);
                writeIfPresent(json, "eventType", eventType);
                writeIfPresent(json, "relatedResources", relatedResources);
                if (!context.isEmpty()) {
                    JsonDocument.strings(json, "additionalContext", context);
                }
                json.writeEndObject();
                json.writeEndObject();
            });
        }

        private static void add(List<String> list, int max, String value) {
            if (value != null && !value.isBlank() && list.size() < max) {
                list.add(value);
            }
        }

        private static void writeIfPresent(JsonGenerator json, String key, String value) throws IOException {
            if (value != null && !value.isBlank()) {
                json.writeStringField(key, value);
            }
        }

        private static void writeIfPresent(JsonGenerator json, String key, List<String> values) throws IOException {
            if (!values.isEmpty()) {
                JsonDocument.strings(json, key, values);
            }
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }
}
