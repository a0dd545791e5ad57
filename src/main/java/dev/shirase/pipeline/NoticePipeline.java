package dev.shirase.pipeline;

import dev.shirase.classify.Classifier;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.Dispatch;
import dev.shirase.log.JsonLog;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.Notice;
import dev.shirase.render.RenderedNotice;
import dev.shirase.source.EventReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * read -> classify -> enrich -> render -> deliver, for one input. Without channels it only renders (the preview);
 * processing then counts as delivered nowhere.
 */
public final class NoticePipeline {
    private final EventReader reader = new EventReader();
    private final Classifier classifier = new Classifier();
    private final Enricher enricher;
    private final List<Channel> channels;
    private final Clock clock;
    private final JsonLog log;

    public NoticePipeline(Enricher enricher, List<Channel> channels, Clock clock, JsonLog log) {
        this.enricher = enricher;
        this.channels = List.copyOf(channels);
        this.clock = clock;
        this.log = log;
    }

    /** The notice an input becomes, without delivering it: what the preview shows. */
    public RenderedNotice render(byte[] input) {
        Notice notice = understand(input);
        try {
            return RenderedNotice.of(enricher.enrich(notice), clock.instant());
        } catch (RuntimeException defect) {
            log.error("could not render notice", Map.of("error", String.valueOf(defect)));
            return RenderedNotice.of(fallback(input, "internal error while rendering the notice: " + defect),
                    clock.instant());
        }
    }

    public Outcome process(byte[] input) {
        RenderedNotice rendered = render(input);
        Dispatch dispatch = Dispatch.send(rendered, channels, log, fields(rendered.notice(), Map.of()));
        Outcome outcome = new Outcome(rendered, dispatch);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("outcome", outcome.deliveredNowhere() ? "failed"
                : dispatch.failures().isEmpty() ? "delivered" : "partly delivered");
        extra.put("delivered", dispatch.delivered());
        log.info("notice processed", fields(rendered.notice(), extra));
        return outcome;
    }

    /** Reads and classifies; a defect in either still yields a notice that carries the raw input. */
    private Notice understand(byte[] input) {
        Announcement announcement;
        try {
            announcement = reader.read(input);
            return classifier.classify(announcement);
        } catch (RuntimeException defect) {
            log.error("could not classify input", Map.of("error", String.valueOf(defect)));
            return fallback(input, "internal error while reading the event: " + defect);
        }
    }

    private Notice fallback(byte[] input, String why) {
        return classifier.classify(Announcement.unrecognized(new String(input, StandardCharsets.UTF_8), null, null,
                null, why));
    }

    private static Map<String, Object> fields(Notice notice, Map<String, ?> extra) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Announcement a = notice.announcement();
        fields.put("eventId", a.eventId());
        fields.put("eventArn", a.eventArn());
        fields.put("code", a.code());
        fields.put("category", notice.category().name());
        fields.put("obligation", notice.obligation().name());
        fields.put("stage", notice.stage().name());
        fields.put("resources", a.resources().size());
        if (a.readError() != null) {
            fields.put("readError", a.readError());
        }
        fields.putAll(extra);
        return fields;
    }
}
