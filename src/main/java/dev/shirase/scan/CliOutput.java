package dev.shirase.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.PendingAction;
import dev.shirase.source.AwsTimes;
import dev.shirase.source.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved JSON output of {@code aws rds describe-pending-maintenance-actions}, {@code describe-db-instances} and
 * {@code describe-db-clusters}, read into the same model the API client produces.
 */
public final class CliOutput {
    private CliOutput() {
    }

    public static Map<String, List<PendingAction>> pendingActions(JsonNode output) {
        JsonNode list = output.get("PendingMaintenanceActions");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(
                    "not the output of aws rds describe-pending-maintenance-actions: no PendingMaintenanceActions list");
        }
        Map<String, List<PendingAction>> byArn = new LinkedHashMap<>();
        for (JsonNode resource : list) {
            String arn = Json.text(resource, "ResourceIdentifier");
            if (arn == null) {
                continue;
            }
            List<PendingAction> actions = byArn.computeIfAbsent(arn, a -> new ArrayList<>());
            for (JsonNode d : resource.path("PendingMaintenanceActionDetails")) {
                actions.add(pendingAction(d));
            }
        }
        return byArn;
    }

    /** One entry of {@code PendingMaintenanceActionDetails}, as the CLI and the API write it. */
    static PendingAction pendingAction(JsonNode detail) {
        return new PendingAction(
                Json.text(detail, "Action"),
                Json.text(detail, "Description"),
                AwsTimes.parse(Json.text(detail, "AutoAppliedAfterDate")),
                AwsTimes.parse(Json.text(detail, "ForcedApplyDate")),
                AwsTimes.parse(Json.text(detail, "CurrentApplyDate")),
                Json.text(detail, "OptInStatus"));
    }

    public static List<DatabaseState> instances(JsonNode output) {
        return databases(output, "DBInstances", "DBInstanceIdentifier", "DBInstanceArn", false);
    }

    public static List<DatabaseState> clusters(JsonNode output) {
        return databases(output, "DBClusters", "DBClusterIdentifier", "DBClusterArn", true);
    }

    private static List<DatabaseState> databases(JsonNode output, String listField, String idField, String arnField,
            boolean cluster) {
        JsonNode list = output == null ? null : output.get(listField);
        if (output != null && (list == null || !list.isArray())) {
            throw new IllegalArgumentException("not the output of aws rds describe-db-" + (cluster ? "clusters" : "instances")
                    + ": no " + listField + " list");
        }
        List<DatabaseState> databases = new ArrayList<>();
        if (list == null) {
            return databases;
        }
        for (JsonNode db : list) {
            JsonNode multiAz = db.get("MultiAZ");
            databases.add(new DatabaseState(
                    Json.text(db, idField),
                    Json.text(db, arnField),
                    cluster,
                    Json.text(db, "Engine"),
                    Json.text(db, "EngineVersion"),
                    multiAz == null || multiAz.isNull() ? null : multiAz.asBoolean(),
                    MaintenanceWindow.parseOrNull(Json.text(db, "PreferredMaintenanceWindow")),
                    List.of()));
        }
        return databases;
    }

}
