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
import java.util.EnumMap;
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
            describeInto(instances, rds, Kind.INSTANCE, null, budget);
            describeInto(clusters, rds, Kind.CLUSTER, null, budget);
        } catch (RuntimeException detailsFailed) {
            // The pending actions are what matters: keep them, with what was described, and say what is missing.
            return new RegionScan(Databases.join(pending, instances, clusters),
                    Optional.of(RdsErrors.detailsUnread(detailsFailed)));
        }
        return RegionScan.complete(Databases.join(pending, instances, clusters));
    }

    /**
     * Two round trips at most, whatever the number of databases: the instances and the clusters named are asked for side
     * by side, each call filtered by the identifiers as given (RDS's filters take identifiers and ARNs alike); then the
     * pending actions of those RDS knows, one call per kind. An ARN says which kind it names; a bare identifier may be
     * either, and is looked for as both.
     */
    @Override
    public Map<String, DatabaseState> describe(String region, List<String> identifiers, Budget budget) {
        clients.credentialsWithin(budget);
        RdsClient rds = clients.rds(Region.of(region));
        Map<Kind, Callable<List<DatabaseState>>> lookups = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            List<String> named = identifiers.stream().filter(kind::mayName).distinct().toList();
            if (!named.isEmpty()) {
                lookups.put(kind, () -> describeInto(new ArrayList<>(), rds, kind, kind.filter(named), budget));
            }
        }
        List<DatabaseState> described = new ArrayList<>();
        sideBySide(lookups, budget).forEach(described::addAll);
        Map<Kind, Callable<Map<String, List<PendingAction>>>> pendingCalls = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            List<String> arns = described.stream().filter(db -> db.cluster() == (kind == Kind.CLUSTER))
                    .map(DatabaseState::arn).distinct().toList();
            if (!arns.isEmpty()) {
                pendingCalls.put(kind, () -> pendingActions(rds,
                        DescribePendingMaintenanceActionsRequest.builder().filters(kind.filter(arns)), budget));
            }
        }
        Map<String, List<PendingAction>> pending = new HashMap<>();
        sideBySide(pendingCalls, budget).forEach(pending::putAll);
        Map<String, DatabaseState> byIdentifier = new LinkedHashMap<>();
        for (String identifier : identifiers) {
            // Instances first: an instance and a cluster may share a bare identifier, and the instance is the usual meaning.
            described.stream().filter(db -> names(db, identifier)).findFirst().ifPresent(db -> byIdentifier.put(
                    identifier, new DatabaseState(db.id(), db.arn(), db.cluster(), db.engine(), db.engineVersion(),
                            db.multiAz(), db.window(), pending.getOrDefault(db.arn(), List.of()))));
        }
        return byIdentifier;
    }

    /** The two kinds of database, each with its filter name. */
    private enum Kind {
        INSTANCE("db-instance-id"), CLUSTER("db-cluster-id");

        private final String filterName;

        Kind(String filterName) {
            this.filterName = filterName;
        }

        boolean mayName(String identifier) {
            RdsArn arn = RdsArn.parse(identifier);
            boolean bare = arn.region() == null;
            return bare || arn.cluster() == (this == CLUSTER);
        }

        Filter filter(List<String> values) {
            return Filter.builder().name(filterName).values(values).build();
        }
    }

    /** Every call's answer, in the order of the calls; the first that failed or did not answer in time is thrown. */
    private static <T> List<T> sideBySide(Map<Kind, Callable<T>> calls, Budget budget) {
        List<T> answers = new ArrayList<>();
        SideBySide.run(calls, budget, CALL_GRACE).forEach((kind, ending) -> answers.add(switch (ending) {
            case SideBySide.Done<T> done -> done.value();
            case SideBySide.Failed<T> failed -> throw failed.cause() instanceof RuntimeException e
                    ? e : new IllegalStateException(failed.cause().toString(), failed.cause());
            case SideBySide.Abandoned<T> abandoned -> throw new AwsClients.BudgetSpentException(
                    "RDS did not answer within the time budget (" + kind + ")");
        }));
        return answers;
    }

    /** RDS identifiers are case-insensitive (it stores them in lower case); ARNs are compared as given. */
    private static boolean names(DatabaseState db, String identifier) {
        return identifier.equals(db.arn()) || identifier.equalsIgnoreCase(db.id());
    }

    /**
     * Adds to {@code found} every database of {@code kind} that {@code filter} selects (all of them when null), page by
     * page, so that what was read stays there when a later page fails; returns {@code found}.
     */
    private static List<DatabaseState> describeInto(List<DatabaseState> found, RdsClient rds, Kind kind, Filter filter,
            Budget budget) {
        if (kind == Kind.CLUSTER) {
            Pages.forEach(marker -> rds.describeDBClusters(r -> {
                if (filter != null) {
                    r.filters(filter);
                }
                r.marker(marker).overrideConfiguration(AwsClients.within(budget));
            }), DescribeDbClustersResponse::marker, page -> page.dbClusters().forEach(db -> found.add(cluster(db))));
        } else {
            Pages.forEach(marker -> rds.describeDBInstances(r -> {
                if (filter != null) {
                    r.filters(filter);
                }
                r.marker(marker).overrideConfiguration(AwsClients.within(budget));
            }), DescribeDbInstancesResponse::marker, page -> page.dbInstances().forEach(db -> found.add(instance(db))));
        }
        return found;
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
