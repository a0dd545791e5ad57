package dev.shirase.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.classify.Classifier;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.notice.PendingAction;
import dev.shirase.scan.PendingNotices;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.time.Instant;
import java.util.List;

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

    /** A required OS update pending on a Single-AZ MySQL instance, as the scan finds it: its steps carry commands. */
    static RenderedNotice pendingOsUpdate() {
        DatabaseState db = new DatabaseState("orders-db", "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db", false,
                "mysql", "8.0.40", false, MaintenanceWindow.parse("mon:18:00-mon:18:30"), List.of(new PendingAction(
                        "system-update", "New Operating System update is available", Instant.parse("2026-12-01T00:00:00Z"),
                        null, null, null)));
        return RenderedNotice.of(new PendingNotices().of(List.of(db)).get(0), NOW);
    }
}
