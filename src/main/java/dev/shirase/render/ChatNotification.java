package dev.shirase.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import java.util.List;

/**
 * An Amazon Q Developer in chat applications "custom notification", so that Slack and Teams show the Japanese notice
 * rather than dropping a message they cannot render. Kept short: a chat message is a summary with a link, the email
 * carries the whole text.
 */
public final class ChatNotification {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Chat platforms cut long blocks (Slack: 3,000 characters a section); stay under that. */
    static final int MAX_DESCRIPTION = 2800;
    private static final int LISTED_RESOURCES = 10;

    private ChatNotification() {
    }

    public static String render(Notice notice, NoticeContent c, String subject) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", "1.0");
        root.put("source", "custom");
        String id = notice.announcement().eventId() != null ? notice.announcement().eventId() : notice.announcement().eventArn();
        if (id != null) {
            root.put("id", id);
        }
        ObjectNode content = root.putObject("content");
        content.put("textType", "client-markdown");
        content.put("title", subject);
        content.put("description", description(c));
        ArrayNode steps = content.putArray("nextSteps");
        c.steps().forEach(steps::add);
        c.links().stream().limit(2).forEach(link -> steps.add(link.label() + ": " + link.url()));
        ArrayNode keywords = content.putArray("keywords");
        keywords.add(c.urgency());
        keywords.add(notice.category().japanese());
        if (notice.announcement().region() != null) {
            keywords.add(notice.announcement().region());
        }
        ObjectNode metadata = root.putObject("metadata");
        String thread = notice.announcement().eventArn() != null ? notice.announcement().eventArn() : id;
        if (thread != null) {
            metadata.put("threadId", thread);
        }
        metadata.put("summary", subject);
        if (notice.announcement().code() != null) {
            metadata.put("eventType", notice.announcement().code());
        }
        ArrayNode related = metadata.putArray("relatedResources");
        notice.announcement().resourceIds().stream().limit(LISTED_RESOURCES).forEach(related::add);
        ObjectNode context = metadata.putObject("additionalContext");
        context.put("category", notice.category().name());
        context.put("obligation", notice.obligation().name());
        Deadline d = notice.deadline();
        if (d != null) {
            context.put("deadline", Jst.iso(d.at()));
        }
        return root.toString();
    }

    private static String description(NoticeContent c) {
        StringBuilder d = new StringBuilder();
        d.append(c.summary()).append("\n\n");
        d.append("*対象リソース* (").append(c.scope()).append(")\n");
        List<String> shown = c.resourceLines().stream().limit(LISTED_RESOURCES).toList();
        shown.forEach(line -> d.append("• ").append(line).append('\n'));
        int hidden = c.resourceLines().size() - shown.size();
        if (hidden > 0 || c.resourceNote() != null) {
            d.append(hidden > 0 ? "ほか " + hidden + "件 " : "")
                    .append(c.resourceNote() == null ? "" : c.resourceNote()).append('\n');
        }
        d.append("\n*日時*\n");
        c.dateLines().forEach(line -> d.append(line).append('\n'));
        d.append("\n*影響*\n").append(c.impact());
        return shorten(d.toString());
    }

    /** A chat description within {@link #MAX_DESCRIPTION} characters, marked where it was cut. */
    static String shorten(String text) {
        if (text.length() <= MAX_DESCRIPTION) {
            return text;
        }
        int end = MAX_DESCRIPTION - 1;
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end) + "…";
    }
}
