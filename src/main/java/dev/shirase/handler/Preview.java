package dev.shirase.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Origin;
import dev.shirase.render.MinimalNotice;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedNotice;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * What would be sent, printed instead of sent. {@code json}: one object per input on one line, with the fields the
 * design notes fix ({@code file}, {@code category}, {@code obligation}, {@code service}, {@code region},
 * {@code account}, {@code resources}, {@code deadline}, {@code subject}, {@code text}, {@code error}).
 * {@code chat}: the Amazon Q Developer custom notification exactly as the SNS message carries it to https
 * subscribers, one per line. {@code ics}: the iCalendar the mail attaches for a dated notice.
 *
 * <p>A form that cannot be rendered gives way to the message's minimal form, as delivery does, and the error is
 * reported with it: one broken input does not stop the preview of the others.
 */
final class Preview {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    enum Format {
        TEXT, JSON, HTML, CHAT, ICS;

        static Format parse(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new UsageException("unknown format '" + name + "': use text, json, html, chat or ics");
        }
    }

    /**
     * One input and what it became.
     *
     * @param notice  the classified notice, or null when there is none
     * @param message what would be sent, or null when the input could not be read at all
     * @param error   why the input could not be read (or rendered), or null
     * @param notSent with {@code --state}: why the stateful path would send nothing (a repeat ...), else null
     */
    record Item(String file, Notice notice, Outgoing message, String error, String notSent) {
        Item(String file, Notice notice, Outgoing message, String error) {
            this(file, notice, message, error, null);
        }

        Item(String file, RenderedNotice rendered, String error) {
            this(file, rendered == null ? null : rendered.notice(), rendered, error);
        }
    }

    /** The subject and the one form a format shows, with the item's error and any error in rendering them. */
    private record Shown(String subject, String body, String error) {
    }

    private final Format format;
    private final PrintStream out;
    private final PrintStream err;
    /** The mail address calendars come from (SHIRASE_MAIL_FROM), or null. */
    private final String organizer;

    /** For formats that report errors inline (all but chat and ics). */
    Preview(Format format, PrintStream out) {
        this(format, out, System.err, null);
    }

    Preview(Format format, PrintStream out, PrintStream err, String organizer) {
        this.format = format;
        this.out = out;
        this.err = err;
        this.organizer = organizer;
    }

    /** Prints every item; returns how many had an error. */
    int print(List<Item> items) {
        int errors = 0;
        for (Item item : items) {
            String error = switch (format) {
                case JSON -> {
                    ObjectNode line = json(item);
                    out.println(line);
                    yield line.get("error").isNull() ? null : line.get("error").asText();
                }
                case TEXT -> text(item);
                case HTML -> html(item);
                case CHAT -> chat(item);
                case ICS -> ics(item);
            };
            if (error != null) {
                errors++;
            }
        }
        out.flush();
        return errors;
    }

    static ObjectNode json(Item item) {
        Shown shown = show(item, Outgoing::text);
        ObjectNode line = MAPPER.createObjectNode();
        line.put("file", item.file());
        Notice n = item.notice();
        Announcement a = n == null ? null : n.announcement();
        line.put("category", n == null ? null : n.category().name());
        line.put("obligation", n == null ? null : n.obligation().name());
        line.put("stage", n == null ? null : n.stage().name());
        line.put("service", get(a, Announcement::service));
        line.put("region", get(a, Announcement::region));
        line.put("account", get(a, Announcement::account));
        line.put("accountName", n == null ? null : n.accountName());
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
        line.put("subject", shown.subject());
        line.put("text", shown.body());
        line.put("error", shown.error());
        if (item.notSent() != null) {
            line.put("notSent", item.notSent());
        }
        return line;
    }

    private String text(Item item) {
        Shown shown = show(item, Outgoing::text);
        out.println("==> " + item.file() + " <==");
        if (shown.error() != null) {
            out.println("エラー: " + shown.error());
        }
        if (item.notSent() != null) {
            out.println("送信しません (状態テーブルによる判定): " + item.notSent());
        }
        if (shown.body() != null) {
            out.println("件名: " + shown.subject());
            out.println();
            out.print(shown.body());
        }
        out.println();
        return shown.error();
    }

    private String html(Item item) {
        Shown shown = show(item, Outgoing::html);
        out.println("<!-- " + comment(item.file()) + " -->");
        if (shown.error() != null) {
            out.println("<!-- error: " + comment(shown.error()) + " -->");
        }
        if (item.notSent() != null) {
            out.println("<!-- not sent: " + comment(item.notSent()) + " -->");
        }
        if (shown.body() != null) {
            out.print(shown.body());
        }
        return shown.error();
    }

    /** One JSON document per input, so nothing else goes to standard output: errors go to standard error. */
    private String chat(Item item) {
        Shown shown = show(item, Outgoing::chat);
        if (shown.error() != null) {
            err.println("shirase: " + item.file() + ": " + shown.error());
        }
        if (item.notSent() != null) {
            err.println("shirase: " + item.file() + ": not sent: " + item.notSent());
            return null;
        }
        // An input that could not be read at all still gets its line, as the notifier's minimal notice would say it.
        out.println(shown.body() != null ? shown.body() : MinimalNotice.ofRaw(null, shown.error()).chat());
        return shown.error();
    }

    /**
     * The calendar the mail would attach, as it is attached (CRLF, folded): one VCALENDAR per input with a date, which
     * together make an iCalendar stream. Anything else goes to standard error.
     */
    private String ics(Item item) {
        Shown shown = show(item, message -> message.calendar().map(c -> c.text(organizer)).orElse(null));
        if (shown.error() != null) {
            err.println("shirase: " + item.file() + ": " + shown.error());
        }
        if (item.notSent() != null) {
            err.println("shirase: " + item.file() + ": not sent: " + item.notSent());
            return null;
        }
        if (shown.body() == null) {
            if (item.message() != null) {
                err.println("shirase: " + item.file() + ": no date in this notice, so its mail attaches no calendar");
            }
        } else {
            out.print(shown.body());
        }
        return shown.error();
    }

    /** The item's subject and {@code form}, or the minimal form's when rendering fails. */
    private static Shown show(Item item, Function<Outgoing, String> form) {
        Outgoing message = item.message();
        if (message == null) {
            return new Shown(null, null, item.error());
        }
        try {
            return new Shown(message.subject(), form.apply(message), item.error());
        } catch (RuntimeException | Error defect) {
            String why = "could not render the notice: " + defect;
            Outgoing minimal = minimal(message, why);
            String error = item.error() == null ? why : item.error() + "; " + why;
            return new Shown(minimal.subject(), form.apply(minimal), error);
        }
    }

    private static Outgoing minimal(Outgoing message, String why) {
        try {
            return message.fallback(why);
        } catch (RuntimeException | Error defect) {
            return MinimalNotice.ofRaw(null, why + "; its minimal form failed too: " + defect);
        }
    }

    private static String comment(String text) {
        return text.replace("--", "- -");
    }

    private static <T> String get(T value, Function<T, String> field) {
        return value == null ? null : field.apply(value);
    }
}
