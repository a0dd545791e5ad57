package dev.shirase.state;

import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The state table in DynamoDB. Stories and the received event are stored gzipped: a paged Health event can name
 * thousands of resources, and an item holds at most 400 KB. Every write is conditional, so that two invocations
 * working on one story never both decide a notice.
 */
public final class DynamoStateStore implements StateStore {
    /** How long a story is kept after its last change, or after its date when that is later. */
    static final Duration KEEP = Duration.ofDays(90);
    private static final String VERSION = "version";
    private static final String KNOWN = "known";
    private static final String TOLD = "told";
    private static final String REVISION = "revision";
    private static final String PENDING = "pending";
    private static final String DELIVERED = "delivered";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String RAW = "raw";
    private static final String OVERDUE = "overdue";
    private static final String UPDATED_AT = "updatedAt";
    private static final String OPEN_VALUE = "open";
    private static final String FIRST_CATEGORY = "firstCategory";
    private static final String FIRST_OBLIGATION = "firstObligation";
    private static final String FIRST_TITLE = "firstTitle";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoStateStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Tracked> read(String id, Budget budget) {
        try {
            var response = dynamoDb.getItem(r -> r.tableName(table).key(Map.of(StateTable.ID, s(id))).consistentRead(true)
                    .overrideConfiguration(AwsClients.within(budget)));
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(tracked(response.item()))
                    : Optional.empty();
        } catch (SdkException | AwsClients.BudgetSpentException | IllegalArgumentException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public boolean write(Tracked next, Instant now, Budget budget) {
        Map<String, AttributeValue> item = item(next, now);
        try {
            dynamoDb.putItem(r -> {
                r.tableName(table).item(item).overrideConfiguration(AwsClients.within(budget));
                if (next.version() <= 1) {
                    r.conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", StateTable.ID));
                } else {
                    r.conditionExpression("#v = :expected").expressionAttributeNames(Map.of("#v", VERSION))
                            .expressionAttributeValues(Map.of(":expected", n(next.version() - 1)));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        } catch (SdkException | AwsClients.BudgetSpentException e) {
            throw unavailable("write", e);
        }
    }

    @Override
    public void delivered(String id, int revision, Set<String> channels, boolean release, Budget budget) {
        if (channels.isEmpty() && !release) {
            return;
        }
        StringBuilder update = new StringBuilder("ADD #v :one");
        Map<String, String> names = new HashMap<>(Map.of("#v", VERSION, "#r", REVISION));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", n(1), ":rev", n(revision)));
        if (!channels.isEmpty()) {
            update.append(", #d :channels");
            names.put("#d", DELIVERED);
            values.put(":channels", AttributeValue.builder().ss(channels).build());
        }
        if (release) {
            update.append(" SET #l = :zero");
            names.put("#l", LEASE_UNTIL);
            values.put(":zero", n(0));
        }
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(Map.of(StateTable.ID, s(id)))
                    .updateExpression(update.toString()).conditionExpression("#r = :rev")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .overrideConfiguration(AwsClients.within(budget)));
        } catch (ConditionalCheckFailedException newer) {
            // A later notice of the story was decided meanwhile; it records its own deliveries.
        } catch (SdkException | AwsClients.BudgetSpentException e) {
            throw unavailable("record the delivery", e);
        }
    }

    @Override
    public List<Tracked> open(Budget budget) {
        List<Tracked> open = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamoDb.query(r -> r.tableName(table).indexName(StateTable.OPEN_INDEX)
                        .keyConditionExpression("#o = :open").expressionAttributeNames(Map.of("#o", StateTable.OPEN))
                        .expressionAttributeValues(Map.of(":open", s(OPEN_VALUE))).exclusiveStartKey(from)
                        .overrideConfiguration(AwsClients.within(budget)));
                for (Map<String, AttributeValue> item : page.items()) {
                    open.add(tracked(item));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            return open;
        } catch (SdkException | AwsClients.BudgetSpentException | IllegalArgumentException e) {
            throw unavailable("list open stories", e);
        }
    }

    private StateUnavailableException unavailable(String what, Exception e) {
        return new StateUnavailableException("state table " + table + ": could not " + what + ": " + e.getMessage(), e);
    }

    static Map<String, AttributeValue> item(Tracked t, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(StateTable.ID, s(t.id()));
        item.put(VERSION, n(t.version()));
        item.put(KNOWN, gzip(t.known().toJson()));
        item.put(TOLD, gzip(t.told().toJson()));
        item.put(REVISION, n(t.revision()));
        item.put(PENDING, s(t.pending().toJson()));
        if (!t.delivered().isEmpty()) {
            item.put(DELIVERED, AttributeValue.builder().ss(t.delivered()).build());
        }
        item.put(LEASE_UNTIL, n(t.leaseUntil().toEpochMilli()));
        if (t.raw() != null) {
            item.put(RAW, gzip(t.raw()));
        }
        if (t.isOpen()) {
            item.put(StateTable.OPEN, s(OPEN_VALUE));
        }
        if (t.deadline() != null) {
            item.put(StateTable.DEADLINE, s(t.deadline().toString()));
        }
        item.put(OVERDUE, AttributeValue.builder().bool(t.overdue()).build());
        item.put(UPDATED_AT, s(now.toString()));
        if (t.first() != null) {
            item.put(FIRST_CATEGORY, s(t.first().category()));
            item.put(FIRST_OBLIGATION, s(t.first().obligation()));
            item.put(FIRST_TITLE, s(t.first().title()));
        }
        Instant keepFrom = t.deadline() != null && t.deadline().isAfter(now) ? t.deadline() : now;
        item.put(StateTable.EXPIRES_AT, n(keepFrom.plus(KEEP).getEpochSecond()));
        return item;
    }

    static Tracked tracked(Map<String, AttributeValue> item) {
        return new Tracked(
                item.get(StateTable.ID).s(),
                Long.parseLong(item.get(VERSION).n()),
                Story.fromJson(gunzip(item.get(KNOWN))),
                Story.fromJson(gunzip(item.get(TOLD))),
                Integer.parseInt(item.get(REVISION).n()),
                Revision.fromJson(item.get(PENDING).s()),
                item.containsKey(DELIVERED) ? Set.copyOf(item.get(DELIVERED).ss()) : Set.of(),
                Instant.ofEpochMilli(Long.parseLong(item.get(LEASE_UNTIL).n())),
                item.containsKey(RAW) ? gunzip(item.get(RAW)) : null,
                item.containsKey(StateTable.DEADLINE) ? Instant.parse(item.get(StateTable.DEADLINE).s()) : null,
                item.containsKey(OVERDUE) && Boolean.TRUE.equals(item.get(OVERDUE).bool()),
                item.containsKey(FIRST_CATEGORY) ? new Tracked.FirstTold(item.get(FIRST_CATEGORY).s(),
                        item.get(FIRST_OBLIGATION).s(), item.get(FIRST_TITLE).s()) : null);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(String.valueOf(value)).build();
    }

    private static AttributeValue gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AttributeValue.builder().b(SdkBytes.fromByteArray(bytes.toByteArray())).build();
    }

    private static String gunzip(AttributeValue value) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(value.b().asByteArray()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("stored value is not gzip: " + e.getMessage(), e);
        }
    }
}
