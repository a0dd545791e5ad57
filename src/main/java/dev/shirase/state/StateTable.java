package dev.shirase.state;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

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
}
