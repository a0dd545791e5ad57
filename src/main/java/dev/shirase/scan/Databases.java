package dev.shirase.scan;

import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.PendingAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Pending actions joined with what DescribeDBInstances and DescribeDBClusters say of their resources. */
public final class Databases {
    private Databases() {
    }

    /**
     * @param pendingByArn pending actions by resource ARN, in the order listed
     * @param instances    DB instances (without pending actions)
     * @param clusters     DB clusters (without pending actions)
     * @return one entry per resource with pending actions; a resource the describe calls did not return is kept,
     *         named from its ARN
     */
    public static List<DatabaseState> join(Map<String, List<PendingAction>> pendingByArn, List<DatabaseState> instances,
            List<DatabaseState> clusters) {
        Map<String, DatabaseState> byArn = new java.util.HashMap<>();
        byArn.putAll(index(instances));
        byArn.putAll(index(clusters));
        List<DatabaseState> joined = new ArrayList<>();
        pendingByArn.forEach((arn, actions) -> {
            DatabaseState known = byArn.get(arn);
            if (known == null) {
                RdsArn parsed = RdsArn.parse(arn);
                joined.add(new DatabaseState(parsed.name(), arn, parsed.cluster(), null, null, null, null, actions));
            } else {
                joined.add(new DatabaseState(known.id(), arn, known.cluster(), known.engine(), known.engineVersion(),
                        known.multiAz(), known.window(), actions));
            }
        });
        return joined;
    }

    private static Map<String, DatabaseState> index(List<DatabaseState> databases) {
        return databases.stream().filter(db -> db.arn() != null)
                .collect(Collectors.toMap(DatabaseState::arn, Function.identity(), (a, b) -> a));
    }
}
