package dev.shirase.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.classify.Classifier;
import dev.shirase.notice.Notice;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.time.Instant;

/** Notices built from events the way the pipeline builds them, at a fixed "now". */
final class RenderingFixtures {
    static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

    private RenderingFixtures() {
    }

    static Notice notice(byte[] event) {
        return new Classifier().classify(new EventReader().read(event));
    }

    static Notice notice(ObjectNode event) {
        return notice(Events.bytes(event));
    }

    static RenderedNotice rendered(byte[] event) {
        return RenderedNotice.of(notice(event), NOW);
    }

    static RenderedNotice rendered(ObjectNode event) {
        return rendered(Events.bytes(event));
    }
}
