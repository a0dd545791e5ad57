package dev.shirase.rds;

import dev.shirase.aws.AwsClients;
import dev.shirase.aws.Pages;
import dev.shirase.budget.Budget;
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
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.DescribePendingMaintenanceActionsRequest;
import software.amazon.awssdk.services.rds.model.DescribePendingMaintenanceActionsResponse;
import software.amazon.awssdk.services.rds.model.Filter;

/**
 * The RDS API: DescribePendingMaintenanceActions (every page) joined with DescribeDBInstances and
 * DescribeDBClusters. Throttling is retried by the SDK; what still fails is thrown to the caller, who decides, except
 * when only the databases' details fail: the pending actions already read are kept. Pages are read one call at a time,
 * so that each call is bounded by what is left of the caller's budget. Clients of a member account's reader role
 * assume it first, within the same budget ({@link AwsClients#credentialsWithin}).
 */
public final class RdsApi implements RdsInventory {
    private final AwsClients clients;

    public RdsApi(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public RegionScan withPendingMaintenance(String region, Budget budget) {
        clients.credentialsWithin(budget);
        RdsClient rds = clients.rds(Region.of(region));
        Map<String, List<PendingAction>> pending = pendingActions(rds, DescribePendingMaintenanceActionsRequest.builder(),
                budget);
        if (pending.isEmpty()) {
            return RegionScan.complete(List.of());
        }
        List<DatabaseState> instances = new ArrayList<>();
        List<DatabaseState> clusters = new ArrayList<>();
        try {
            Pages.forEach(marker -> rds.describeDBInstances(r -> r.marker(marker)
                            .overrideConfiguration(AwsClients.within(budget))),
                    DescribeDbInstancesResponse::marker,
                    page -> page.dbInstances().forEach(db -> instances.add(instance(db))));
            Pages.forEach(marker -> rds.describeDBClusters(r -> r.marker(marker)
                            .overrideConfiguration(AwsClients.within(budget))),
                    DescribeDbClustersResponse::marker,
                    page -> page.dbClusters().forEach(db -> clusters.add(cluster(db))));
        } catch (RuntimeException detailsFailed) {
            // The pending actions are what matters: keep them, with what was described, and say what is missing.
            return new RegionScan(Databases.join(pending, instances, clusters),
                    Optional.of(RdsErrors.detailsUnread(detailsFailed)));
        }
        return RegionScan.complete(Databases.join(pending, instances, clusters));
    }

    @Override
    public Optional<DatabaseState> describe(String region, String identifier, Budget budget) {
        clients.credentialsWithin(budget);
        RdsClient rds = clients.rds(Region.of(region));
        String name = RdsArn.parse(identifier).name();
        DatabaseState found = findInstance(rds, name, budget).or(() -> findCluster(rds, name, budget)).orElse(null);
        if (found == null) {
            return Optional.empty();
        }
        String filter = found.cluster() ? "db-cluster-id" : "db-instance-id";
        Map<String, List<PendingAction>> pending = pendingActions(rds, DescribePendingMaintenanceActionsRequest.builder()
                .filters(Filter.builder().name(filter).values(found.arn()).build()), budget);
        List<PendingAction> actions = pending.getOrDefault(found.arn(), List.of());
        return Optional.of(new DatabaseState(found.id(), found.arn(), found.cluster(), found.engine(),
                found.engineVersion(), found.multiAz(), found.window(), actions));
    }

    private static Optional<DatabaseState> findInstance(RdsClient rds, String name, Budget budget) {
        try {
            return rds.describeDBInstances(r -> r.dbInstanceIdentifier(name)
                            .overrideConfiguration(AwsClients.within(budget)))
                    .dbInstances().stream().findFirst().map(RdsApi::instance);
        } catch (DbInstanceNotFoundException notAnInstance) {
            return Optional.empty();
        }
    }

    private static Optional<DatabaseState> findCluster(RdsClient rds, String name, Budget budget) {
        try {
            return rds.describeDBClusters(r -> r.dbClusterIdentifier(name)
                            .overrideConfiguration(AwsClients.within(budget)))
                    .dbClusters().stream().findFirst().map(RdsApi::cluster);
        } catch (DbClusterNotFoundException notACluster) {
            return Optional.empty();
        }
    }

    private static Map<String, List<PendingAction>> pendingActions(RdsClient rds,
            DescribePendingMaintenanceActionsRequest.Builder request, Budget budget) {
        Map<String, List<PendingAction>> byArn = new LinkedHashMap<>();
        Pages.forEach(marker -> rds.describePendingMaintenanceActions(
                        request.marker(marker).overrideConfiguration(AwsClients.within(budget)).build()),
                DescribePendingMaintenanceActionsResponse::marker,
                page -> page.pendingMaintenanceActions().forEach(resource -> {
                    List<PendingAction> actions = byArn.computeIfAbsent(resource.resourceIdentifier(),
                            a -> new ArrayList<>());
                    resource.pendingMaintenanceActionDetails().forEach(d -> actions.add(new PendingAction(
                            d.action(), d.description(), d.autoAppliedAfterDate(), d.forcedApplyDate(),
                            d.currentApplyDate(), d.optInStatus())));
                }));
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
