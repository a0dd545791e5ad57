package dev.shirase.notice;

import java.util.List;

/**
 * What RDS says about a DB instance or cluster named in a notice.
 *
 * @param id             DB instance or cluster identifier
 * @param arn            its ARN
 * @param cluster        true for a DB cluster
 * @param engine         engine name (aurora-postgresql, oracle-ee ...), or null
 * @param engineVersion  engine version, or null
 * @param multiAz        Multi-AZ, or null when unknown
 * @param window         preferred maintenance window, or null
 * @param pendingActions its pending maintenance actions
 */
public record DatabaseState(String id, String arn, boolean cluster, String engine, String engineVersion,
        Boolean multiAz, MaintenanceWindow window, List<PendingAction> pendingActions) {

    public DatabaseState {
        pendingActions = pendingActions == null ? List.of() : List.copyOf(pendingActions);
    }
}
