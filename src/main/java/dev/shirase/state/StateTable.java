package dev.shirase.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * The state table's shape, in one place: template.yaml declares the same table, and {@code shirase state init}
 * creates it from {@link #createRequest}, so that the stateful path can run against DynamoDB Local or moto.
 *
 * <p>One item per story (a Health event for one account, an RDS event, a pending maintenance action). Items that still
 * need reminders carry {@link #OPEN} and {@link #DEADLINE}, which puts them in the sparse {@link #OPEN_INDEX}: the
 * daily scan reads every open story with one query, and a story that is done simply leaves the index.
 */
public final class StateTable {
    /** The environment variable that names the table; without it, notices go out without state. */
    public static final String ENV = "SHIRASE_STATE_TABLE";
    /** Partition key (S): the story's identity. */
    public static final String ID = "id";
    /** The sparse index of open stories with a date. */
    public static final String OPEN_INDEX = "open-by-deadline";
    /** Index partition key (S): the same value on every open item, removed when the story is done. */
    public static final String OPEN = "open";
    /** Index sort key (S): the story's deadline, ISO-8601 in UTC, so that the index is in deadline order. */
    public static final String DEADLINE = "deadline";
    /** Time to live (N, epoch seconds): DynamoDB deletes the item some time after this. */
    public static final String EXPIRES_AT = "expiresAt";

    private StateTable() {
    }

    public static Map<String, ScalarAttributeType> keyAttributes() {
        return Map.of(ID, ScalarAttributeType.S, OPEN, ScalarAttributeType.S, DEADLINE, ScalarAttributeType.S);
    }

    /** The table as template.yaml declares it: on demand, encrypted, keyed by {@link #ID}, with {@link #OPEN_INDEX}. */
    public static CreateTableRequest createRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(keyAttributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
                        .toList())
                .keySchema(KeySchemaElement.builder().attributeName(ID).keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(OPEN_INDEX)
                        .keySchema(KeySchemaElement.builder().attributeName(OPEN).keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName(DEADLINE).keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .sseSpecification(SSESpecification.builder().enabled(true).build())
                .build();
    }

    /** Time to live on {@link #EXPIRES_AT}, as template.yaml's TimeToLiveSpecification declares it. */
    public static TimeToLiveSpecification timeToLive() {
        return TimeToLiveSpecification.builder().attributeName(EXPIRES_AT).enabled(true).build();
    }

    /**
     * How an existing table differs from {@link #createRequest} in what the stateful path relies on: the key, the key
     * attributes' types, and {@link #OPEN_INDEX} with its keys and projection. Empty when it has that shape. Other
     * indexes, billing and encryption are the owner's choice and not compared.
     */
    public static List<String> differences(TableDescription table) {
        CreateTableRequest expected = createRequest(table.tableName());
        List<String> found = new ArrayList<>();
        if (!table.keySchema().equals(expected.keySchema())) {
            found.add("its key is " + keys(table.keySchema()) + ", not " + keys(expected.keySchema()));
        }
        Map<String, String> types = table.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
        keyAttributes().forEach((name, type) -> {
            String actual = types.get(name);
            if (actual != null && !actual.equals(type.toString())) {
                found.add("attribute " + name + " is of type " + actual + ", not " + type);
            }
        });
        GlobalSecondaryIndex index = expected.globalSecondaryIndexes().getFirst();
        Optional<GlobalSecondaryIndexDescription> actual = table.globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals(OPEN_INDEX)).findFirst();
        if (actual.isEmpty()) {
            found.add("it has no index " + OPEN_INDEX);
        } else {
            if (!actual.get().keySchema().equals(index.keySchema())) {
                found.add("index " + OPEN_INDEX + " is keyed " + keys(actual.get().keySchema()) + ", not "
                        + keys(index.keySchema()));
            }
            String projection = actual.get().projection() == null ? null
                    : actual.get().projection().projectionTypeAsString();
            if (!index.projection().projectionTypeAsString().equals(projection)) {
                found.add("index " + OPEN_INDEX + " projects " + projection + ", not "
                        + index.projection().projectionTypeAsString());
            }
        }
        return found;
    }

    private static String keys(List<KeySchemaElement> schema) {
        return schema.isEmpty() ? "(none)" : schema.stream()
                .map(k -> k.attributeName() + " (" + k.keyTypeAsString() + ")")
                .collect(Collectors.joining(", "));
    }
}
