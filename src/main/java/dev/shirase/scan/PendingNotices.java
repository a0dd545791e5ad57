package dev.shirase.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.classify.Classifier;
import dev.shirase.notice.AffectedResource;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Origin;
import dev.shirase.notice.PendingAction;
import dev.shirase.notice.Schedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One notice per pending maintenance action, through the same classifier as the events: the action is the code,
 * its dates the schedule, and the database (window, Multi-AZ) travels with it.
 */
public final class PendingNotices {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Classifier classifier = new Classifier();

    public List<Notice> of(List<DatabaseState> databases) {
        // Thousands of actions share a few kinds and descriptions: each text is read once per scan, and not kept.
        Classifier.Batch batch = classifier.batch();
        List<Notice> notices = new ArrayList<>();
        for (DatabaseState db : databases) {
            for (PendingAction action : db.pendingActions()) {
                notices.add(of(db, action, batch::classify));
            }
        }
        return notices;
    }

    public Notice of(DatabaseState db, PendingAction action) {
        return of(db, action, classifier::classify);
    }

    private static Notice of(DatabaseState db, PendingAction action, Function<Announcement, Notice> classify) {
        RdsArn arn = RdsArn.parse(db.arn() == null ? db.id() : db.arn());
        Instant planned = PlannedMoment.firstWindowAfterAutoApply(action, db.window());
        Announcement announcement = new Announcement(
                Origin.PENDING_MAINTENANCE,
                null,
                "RDS pending maintenance action",
                "RDS",
                action.action(),
                null,
                action.optInStatus(),
                null,
                arn.account(),
                arn.region(),
                List.of(new AffectedResource(db.id(), db.arn(), null)),
                new Schedule(planned, null, null, action.autoApplyAfter(), action.forcedApply()),
                action.description(),
                null,
                null,
                null,
                Map.of(),
                raw(db, action),
                null);
        DatabaseState onlyThisAction = new DatabaseState(db.id(), db.arn(), db.cluster(), db.engine(),
                db.engineVersion(), db.multiAz(), db.window(), List.of(action));
        return classify.apply(announcement).withDatabases(List.of(onlyThisAction));
    }

    /**
     * The notice of an action from its raw input ({@link #of(DatabaseState, PendingAction)} keeps it): what the state
     * table holds of an action that is no longer listed. The database's details are not kept, only its ARN.
     */
    public Notice fromRaw(String raw) {
        try {
            var node = MAPPER.readTree(raw);
            String arn = node.path("ResourceIdentifier").asText(null);
            var detail = node.path("PendingMaintenanceActionDetails").path(0);
            if (arn == null || detail.isMissingNode()) {
                throw new IllegalArgumentException("not a pending maintenance action: " + raw.substring(0, Math.min(raw.length(), 200)));
            }
            PendingAction action = CliOutput.pendingAction(detail);
            RdsArn parsed = RdsArn.parse(arn);
            return of(new DatabaseState(parsed.name(), arn, parsed.cluster(), null, null, null, null, List.of(action)),
                    action);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a pending maintenance action: " + e.getOriginalMessage(), e);
        }
    }

    /** The action as DescribePendingMaintenanceActions gives it, kept as the notice's raw input. */
    private static String raw(DatabaseState db, PendingAction action) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ResourceIdentifier", db.arn());
        ObjectNode detail = node.putArray("PendingMaintenanceActionDetails").addObject();
        detail.put("Action", action.action());
        putTime(detail, "AutoAppliedAfterDate", action.autoApplyAfter());
        putTime(detail, "ForcedApplyDate", action.forcedApply());
        putTime(detail, "CurrentApplyDate", action.currentApply());
        if (action.optInStatus() != null) {
            detail.put("OptInStatus", action.optInStatus());
        }
        if (action.description() != null) {
            detail.put("Description", action.description());
        }
        return node.toString();
    }

    private static void putTime(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
