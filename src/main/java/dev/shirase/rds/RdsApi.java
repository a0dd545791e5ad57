package dev.shirase.rds;

import dev.shirase.aws.AwsClients;
import dev.shirase.aws.Pages;
import dev.shirase.budget.Budget;
import dev.shirase.budget.SideBySide;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.PendingAction;
import dev.shirase.scan.Databases;
import dev.shirase.scan.RdsArn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
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
    /** Each call is bounded by the budget itself; this only lets an answer that comes just as it ends be used. */
    private static final Duration CALL_GRACE = Duration.ofMillis(200);
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

    /**
     * One round trip: the instances, the clusters and the pending actions of each are asked for side by side, each
     * call filtered by the identifiers as given (RDS's filters take identifiers and ARNs alike). An ARN says which kind
     * it names; a bare identifier may be either, and is looked for as both.
     */
    @Override
    public Map<String, DatabaseState> describe(String region, List<String> identifiers, Budget budget) {
        clients.credentialsWithin(budget);
        RdsClient rds = clients.rds(Region.of(region));
        List<String> instanceIds = identifiers.stream().filter(id -> !RdsArn.parse(id).cluster()).distinct().toList();
        List<String> clusterIds = identifiers.stream()
                .filter(id -> RdsArn.parse(id).cluster() || RdsArn.parse(id).region() == null).distinct().toList();
        Map<Call, Callable<List<DatabaseState>>> calls = new LinkedHashMap<>();
        if (!instanceIds.isEmpty()) {
            Filter filter = Filter.builder().name("db-instance-id").values(instanceIds).build();
            calls.put(Call.INSTANCES, () -> describeAll(rds, filter, budget, false));
            calls.put(Call.PENDING_OF_INSTANCES, () -> pendingOf(rds, filter, budget));
        }
        if (!clusterIds.isEmpty()) {
            Filter filter = Filter.builder().name("db-cluster-id").values(clusterIds).build();
            calls.put(Call.CLUSTERS, () -> describeAll(rds, filter, budget, true));
            calls.put(Call.PENDING_OF_CLUSTERS, () -> pendingOf(rds, filter, budget));
        }
        List<DatabaseState> described = new ArrayList<>();
        Map<String, List<PendingAction>> pending = new HashMap<>();
        SideBySide.run(calls, budget, CALL_GRACE).forEach((call, ending) -> {
            List<DatabaseState> answer = switch (ending) {
                case SideBySide.Done<List<DatabaseState>> done -> done.value();
                case SideBySide.Failed<List<DatabaseState>> failed -> throw failed.cause() instanceof RuntimeException e
                        ? e : new IllegalStateException(call + ": " + failed.cause(), failed.cause());
                case SideBySide.Abandoned<List<DatabaseState>> abandoned ->
                        throw new AwsClients.BudgetSpentException(call + " did not answer within the time budget");
            };
            if (call.pendingActions) {
                answer.forEach(db -> pending.put(db.arn(), db.pendingActions()));
            } else {
                described.addAll(answer);
            }
        });
        Map<String, DatabaseState> byIdentifier = new LinkedHashMap<>();
        for (String identifier : identifiers) {
            // Instances first: an instance and a cluster may share a bare identifier, and the instance is the usual meaning.
            described.stream().filter(db -> names(db, identifier)).findFirst().ifPresent(db -> byIdentifier.put(
                    identifier, new DatabaseState(db.id(), db.arn(), db.cluster(), db.engine(), db.engineVersion(),
                            db.multiAz(), db.window(), pending.getOrDefault(db.arn(), List.of()))));
        }
        return byIdentifier;
    }

    /** The calls of {@link #describe}, which run side by side. */
    private enum Call {
        INSTANCES(false), CLUSTERS(false), PENDING_OF_INSTANCES(true), PENDING_OF_CLUSTERS(true);

        final boolean pendingActions;

        Call(boolean pendingActions) {
            this.pendingActions = pendingActions;
        }
    }

    /** RDS identifiers are case-insensitive (it stores them in lower case); ARNs are compared as given. */
    private static boolean names(DatabaseState db, String identifier) {
        return identifier.equals(db.arn()) || identifier.equalsIgnoreCase(db.id());
    }

    private static List<DatabaseState> describeAll(RdsClient rds, Filter filter, Budget budget, boolean clusters) {
        List<DatabaseState> found = new ArrayList<>();
        if (clusters) {
            Pages.forEach(marker -> rds.describeDBClusters(r -> r.filters(filter).marker(marker)
                            .overrideConfiguration(AwsClients.within(budget))),
                    DescribeDbClustersResponse::marker,
                    page -> page.dbClusters().forEach(db -> found.add(cluster(db))));
        } else {
            Pages.forEach(marker -> rds.describeDBInstances(r -> r.filters(filter).marker(marker)
                            .overrideConfiguration(AwsClients.within(budget))),
                    DescribeDbInstancesResponse::marker,
                    page -> page.dbInstances().forEach(db -> found.add(instance(db))));
        }
        return found;
    }

    /** The pending actions of the filtered resources, each as a database named from its ARN. */
    private static List<DatabaseState> pendingOf(RdsClient rds, Filter filter, Budget budget) {
        return Databases.join(pendingActions(rds, DescribePendingMaintenanceActionsRequest.builder().filters(filter),
                budget), List.of(), List.of());
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
