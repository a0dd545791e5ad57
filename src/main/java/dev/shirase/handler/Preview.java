package dev.shirase.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Origin;
import dev.shirase.render.RenderedNotice;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * What would be sent, printed instead of sent. {@code json}: one object per input on one line, with the fields the
 * design notes fix ({@code file}, {@code category}, {@code obligation}, {@code service}, {@code region},
 * {@code account}, {@code resources}, {@code deadline}, {@code subject}, {@code text}, {@code error}).
 */
final class Preview {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    enum Format {
        TEXT, JSON, HTML;

        static Format parse(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new UsageException("unknown format '" + name + "': use text, json or html");
        }
    }

    /** One input and what it became: a notice (possibly with a read error), or only an error. */
    record Item(String file, RenderedNotice notice, String error) {
    }

    private final Format format;
    private final PrintStream out;

    Preview(Format format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    /** Prints every item; returns how many had an error. */
    int print(List<Item> items) {
        int errors = 0;
        for (Item item : items) {
            if (item.error() != null) {
                errors++;
            }
            switch (format) {
                case JSON -> out.println(json(item));
                case TEXT -> text(item);
                case HTML -> html(item);
            }
        }
        out.flush();
        return errors;
    }

    static ObjectNode json(Item item) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("file", item.file());
        RenderedNotice r = item.notice();
        Notice n = r == null ? null : r.notice();
        Announcement a = n == null ? null : n.announcement();
        line.put("category", n == null ? null : n.category().name());
        line.put("obligation", n == null ? null : n.obligation().name());
        line.put("stage", n == null ? null : n.stage().name());
        line.put("service", get(a, Announcement::service));
        line.put("region", get(a, Announcement::region));
        line.put("account", get(a, Announcement::account));
        ArrayNode resources = line.putArray("resources");
        if (a != null) {
            // Events name resources by id; a pending maintenance action by DB identifier and ARN (the design's contract).
            boolean withArn = a.origin() == Origin.PENDING_MAINTENANCE;
            a.resources().forEach(res -> {
                resources.add(res.id());
                if (withArn && res.arn() != null && !res.arn().equals(res.id())) {
                    resources.add(res.arn());
                }
            });
        }
        line.put("deadline", n == null || n.deadline() == null ? null : Jst.iso(n.deadline().at()));
        line.put("subject", r == null ? null : r.subject());
        line.put("text", r == null ? null : r.text());
        line.put("error", item.error());
        return line;
    }

    private void text(Item item) {
        out.println("==> " + item.file() + " <==");
        if (item.error() != null) {
            out.println("エラー: " + item.error());
        }
        if (item.notice() != null) {
            out.println("件名: " + item.notice().subject());
            out.println();
            out.print(item.notice().text());
        }
        out.println();
    }

    private void html(Item item) {
        out.println("<!-- " + item.file().replace("--", "- -") + " -->");
        if (item.notice() != null) {
            out.print(item.notice().html());
        } else {
            out.println("<!-- error: " + item.error().replace("--", "- -") + " -->");
        }
    }

    private static <T> String get(T value, Function<T, String> field) {
        return value == null ? null : field.apply(value);
    }
}
