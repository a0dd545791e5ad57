package dev.shirase.rds;

import dev.shirase.aws.AwsClients;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.PendingAction;
import dev.shirase.scan.Databases;
import dev.shirase.scan.RdsArn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribePendingMaintenanceActionsRequest;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.ResourcePendingMaintenanceActions;

/**
 * The RDS API: DescribePendingMaintenanceActions (every page) joined with DescribeDBInstances and
 * DescribeDBClusters. Throttling is retried by the SDK; what still fails is thrown to the caller, who decides.
 */
public final class RdsApi implements RdsInventory {
    private final AwsClients clients;

    public RdsApi(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public List<DatabaseState> withPendingMaintenance(String region) {
        RdsClient rds = clients.rds(Region.of(region));
        Map<String, List<PendingAction>> pending = pendingActions(rds, DescribePendingMaintenanceActionsRequest.builder().build());
        if (pending.isEmpty()) {
            return List.of();
        }
        List<DatabaseState> instances = new ArrayList<>();
        rds.describeDBInstancesPaginator(r -> { }).dbInstances().forEach(db -> instances.add(instance(db)));
        List<DatabaseState> clusters = new ArrayList<>();
        rds.describeDBClustersPaginator(r -> { }).dbClusters().forEach(db -> clusters.add(cluster(db)));
        return Databases.join(pending, instances, clusters);
    }

    @Override
    public Optional<DatabaseState> describe(String region, String identifier) {
        RdsClient rds = clients.rds(Region.of(region));
        String name = RdsArn.parse(identifier).name();
        DatabaseState found = findInstance(rds, name).or(() -> findCluster(rds, name)).orElse(null);
        if (found == null) {
            return Optional.empty();
        }
        String filter = found.cluster() ? "db-cluster-id" : "db-instance-id";
        Map<String, List<PendingAction>> pending = pendingActions(rds, DescribePendingMaintenanceActionsRequest.builder()
                .filters(Filter.builder().name(filter).values(found.arn()).build()).build());
        List<PendingAction> actions = pending.getOrDefault(found.arn(), List.of());
        return Optional.of(new DatabaseState(found.id(), found.arn(), found.cluster(), found.engine(),
                found.engineVersion(), found.multiAz(), found.window(), actions));
    }

    private static Optional<DatabaseState> findInstance(RdsClient rds, String name) {
        try {
            return rds.describeDBInstances(r -> r.dbInstanceIdentifier(name)).dbInstances().stream().findFirst()
                    .map(RdsApi::instance);
        } catch (DbInstanceNotFoundException notAnInstance) {
            return Optional.empty();
        }
    }

    private static Optional<DatabaseState> findCluster(RdsClient rds, String name) {
        try {
            return rds.describeDBClusters(r -> r.dbClusterIdentifier(name)).dbClusters().stream().findFirst()
                    .map(RdsApi::cluster);
        } catch (DbClusterNotFoundException notACluster) {
            return Optional.empty();
        }
    }

    private static Map<String, List<PendingAction>> pendingActions(RdsClient rds,
            DescribePendingMaintenanceActionsRequest request) {
        Map<String, List<PendingAction>> byArn = new LinkedHashMap<>();
        for (ResourcePendingMaintenanceActions resource
                : rds.describePendingMaintenanceActionsPaginator(request).pendingMaintenanceActions()) {
            List<PendingAction> actions = byArn.computeIfAbsent(resource.resourceIdentifier(), a -> new ArrayList<>());
            resource.pendingMaintenanceActionDetails().forEach(d -> actions.add(new PendingAction(
                    d.action(), d.description(), d.autoAppliedAfterDate(), d.forcedApplyDate(), d.currentApplyDate(),
                    d.optInStatus())));
        }
        return byArn;
    }

    private static DatabaseState instance(DBInstance db) {
        return new DatabaseState(db.dbInstanceIdentifier(), db.dbInstanceArn(), false, db.engine(), db.engineVersion(),
                db.multiAZ(), MaintenanceWindow.parseOrNull(db.preferredMaintenanceWindow()), List.of());
    }

    private static DatabaseState cluster(DBCluster db) {
        return new DatabaseState(db.dbClusterIdentifier(), db.dbClusterArn(), true, db.engine(), db.engineVersion(),
                db.multiAZ(), MaintenanceWindow.parseOrNull(db.preferredMaintenanceWindow()), List.of());
    }
}
