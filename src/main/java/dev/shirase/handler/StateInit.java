package dev.shirase.handler;

import dev.shirase.state.StateTable;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * {@code shirase state init}: creates the state table where the environment points (AWS, moto, DynamoDB Local) with
 * {@link StateTable#createRequest}, waits until it is ACTIVE, and turns on time to live and point-in-time recovery.
 * Run again, it checks the existing table's keys and index and makes sure of the rest. One line per step.
 */
final class StateInit {
    /** On-demand tables with one index are ACTIVE within a minute or so; longer means something is wrong. */
    static final Duration ACTIVE_WAIT = Duration.ofMinutes(5);
    static final Duration POLL = Duration.ofSeconds(2);
    /** What an emulator answers for an operation it does not implement (DynamoDB Local: backups; old ones: TTL). */
    static final String UNKNOWN_OPERATION = "UnknownOperationException";
    private static final Set<TableStatus> SETTLING = Set.of(TableStatus.CREATING, TableStatus.UPDATING);

    private final DynamoDbClient dynamoDb;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration activeWait;
    private final Duration poll;

    StateInit(DynamoDbClient dynamoDb, PrintStream out, PrintStream err, Duration activeWait, Duration poll) {
        this.dynamoDb = dynamoDb;
        this.out = out;
        this.err = err;
        this.activeWait = activeWait;
        this.poll = poll;
    }

    StateInit(DynamoDbClient dynamoDb, PrintStream out, PrintStream err) {
        this(dynamoDb, out, err, ACTIVE_WAIT, POLL);
    }

    /** 0 when the table is ready, 1 (with the reason on standard error) when it is not. */
    int run(String table) {
        try {
            if (create(table)) {
                out.println("created table " + table + " (on demand, encrypted, key " + StateTable.ID + ", index "
                        + StateTable.OPEN_INDEX + ")");
            } else {
                List<String> differences = StateTable.differences(describe(table));
                if (!differences.isEmpty()) {
                    throw new Failure("table " + table + " already exists but is not a Shirase state table: "
                            + String.join("; ", differences)
                            + ". Name another table with --table, or delete this one first");
                }
                out.println("table " + table + " already exists, with the key and index Shirase expects");
            }
            awaitActive(table);
            out.println("table " + table + " is ACTIVE");
            timeToLive(table);
            pointInTimeRecovery(table);
            out.println("export " + StateTable.ENV + "=" + table);
            return 0;
        } catch (Failure e) {
            err.println("shirase: state init: " + e.getMessage());
            return 1;
        } catch (AwsServiceException e) {
            err.println("shirase: state init: table " + table + ": " + message(e));
            return 1;
        } catch (SdkException e) {
            String endpoint = dynamoDb.serviceClientConfiguration().endpointOverride().map(u -> " at " + u).orElse("");
            err.println("shirase: state init: cannot reach DynamoDB" + endpoint + ": " + message(e));
            return 1;
        }
    }

    /** True when this call created the table; false when it was there already (or another call just created it). */
    private boolean create(String table) {
        try {
            describe(table);
            return false;
        } catch (ResourceNotFoundException absent) {
            try {
                dynamoDb.createTable(StateTable.createRequest(table));
                return true;
            } catch (ResourceInUseException createdMeanwhile) {
                return false;
            }
        }
    }

    private TableDescription describe(String table) {
        return dynamoDb.describeTable(r -> r.tableName(table)).table();
    }

    /** Bounded: a table still not ACTIVE after {@link #activeWait} is reported, not waited for forever. */
    private void awaitActive(String table) {
        long deadline = System.nanoTime() + activeWait.toNanos();
        while (true) {
            TableDescription description = describe(table);
            TableStatus status = description.tableStatus();
            boolean indexesReady = description.globalSecondaryIndexes().stream().allMatch(StateInit::ready);
            if (status == TableStatus.ACTIVE && indexesReady) {
                return;
            }
            if (status != TableStatus.ACTIVE && !SETTLING.contains(status)) {
                throw new Failure("table " + table + " is " + description.tableStatusAsString() + ", not ACTIVE");
            }
            if (System.nanoTime() >= deadline) {
                throw new Failure("table " + table + " is still " + description.tableStatusAsString()
                        + (indexesReady ? "" : " (or its index is)") + " after " + activeWait.toSeconds()
                        + " s; run shirase state init again once it is ACTIVE");
            }
            sleep();
        }
    }

    /** An emulator that reports no index status has nothing to wait for. */
    private static boolean ready(GlobalSecondaryIndexDescription index) {
        return index.indexStatus() == null || index.indexStatus() == IndexStatus.ACTIVE;
    }

    private void timeToLive(String table) {
        TimeToLiveDescription ttl;
        try {
            ttl = dynamoDb.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        } catch (AwsServiceException e) {
            if (noted(e, "time to live", "items will not expire here")) {
                return;
            }
            throw e;
        }
        boolean on = ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING;
        if (on && StateTable.EXPIRES_AT.equals(ttl.attributeName())) {
            out.println("time to live: already on " + StateTable.EXPIRES_AT);
            return;
        }
        if (on) {
            // DynamoDB allows one TTL attribute; moving it is the owner's decision, not a side effect of init.
            throw new Failure("table " + table + " has time to live on '" + ttl.attributeName() + "', not "
                    + StateTable.EXPIRES_AT + ": Shirase's items would never expire");
        }
        dynamoDb.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(StateTable.timeToLive()));
        out.println("time to live: enabled on " + StateTable.EXPIRES_AT);
    }

    /**
     * Point-in-time recovery is a safety net, not something the notifier needs: an endpoint without it (DynamoDB Local)
     * gets a note. Right after creation AWS may answer that backups are not available yet; that is waited out.
     */
    private void pointInTimeRecovery(String table) {
        long deadline = System.nanoTime() + activeWait.toNanos();
        try {
            var backups = dynamoDb.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription();
            if (backups != null && backups.pointInTimeRecoveryDescription() != null && backups
                    .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED) {
                out.println("point-in-time recovery: already on");
                return;
            }
            while (true) {
                try {
                    dynamoDb.updateContinuousBackups(r -> r.tableName(table)
                            .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
                    out.println("point-in-time recovery: enabled");
                    return;
                } catch (ContinuousBackupsUnavailableException notYet) {
                    if (System.nanoTime() >= deadline) {
                        throw notYet;
                    }
                    sleep();
                }
            }
        } catch (AwsServiceException e) {
            if (noted(e, "point-in-time recovery", "the table works without it")) {
                return;
            }
            throw e;
        }
    }

    /** When {@code e} says the endpoint does not implement the operation: prints a note instead, and is true. */
    private boolean noted(AwsServiceException e, String feature, String consequence) {
        if (e.awsErrorDetails() == null || !UNKNOWN_OPERATION.equals(e.awsErrorDetails().errorCode())) {
            return false;
        }
        out.println("note: this endpoint does not support " + feature + " (" + message(e) + "); " + consequence);
        return true;
    }

    private static String message(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        }
        return Cli.rootMessage(e);
    }

    private void sleep() {
        try {
            Thread.sleep(poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while waiting");
        }
    }

    /** A step that cannot go on, with the sentence that says why. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }
}
