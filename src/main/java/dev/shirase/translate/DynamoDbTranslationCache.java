package dev.shirase.translate;

import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.state.StateTable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Translations kept in the state table ({@code SHIRASE_STATE_TABLE}), one item per paragraph under an id of its own
 * ({@code translation#<hash>}), so that every container and every later invocation finds them; the container's memory
 * answers first. The items expire by the table's time to live: a description is rarely sent again after months.
 * Items carry no {@code open} attribute, so the open-by-deadline index never sees them.
 */
public final class DynamoDbTranslationCache implements TranslationCache {
    static final String ID_PREFIX = "translation#";
    static final String JAPANESE = "japanese";
    /** How long a translation is kept: longer than AWS repeats a notice (weekly reminders until a deadline). */
    static final Duration KEPT = Duration.ofDays(180);
    /** BatchGetItem's and BatchWriteItem's limits on keys and items a request. */
    private static final int GET_BATCH = 100;
    private static final int WRITE_BATCH = 25;

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String table;
    private final Clock clock;
    private final ContainerCache memory = new ContainerCache();

    /** @param dynamoDb the client, built when the cache is first asked */
    public DynamoDbTranslationCache(Supplier<DynamoDbClient> dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Map<String, String> get(Collection<String> keys, Budget budget) {
        Map<String, String> remembered = memory.get(keys, budget);
        Map<String, String> fromTable = new LinkedHashMap<>();
        List<String> rest = keys.stream().filter(key -> !remembered.containsKey(key)).distinct().toList();
        for (int from = 0; from < rest.size(); from += GET_BATCH) {
            List<Map<String, AttributeValue>> ids = rest.subList(from, Math.min(from + GET_BATCH, rest.size())).stream()
                    .map(key -> Map.of(StateTable.ID, AttributeValue.fromS(ID_PREFIX + key))).toList();
            var response = dynamoDb.get().batchGetItem(r -> r.requestItems(Map.of(table, KeysAndAttributes.builder()
                    .keys(ids).projectionExpression("#id, #ja")
                    .expressionAttributeNames(Map.of("#id", StateTable.ID, "#ja", JAPANESE)).build()))
                    .overrideConfiguration(AwsClients.within(budget)));
            // Keys DynamoDB left unprocessed (throttling) count as not found: translating again costs less than waiting.
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                AttributeValue id = item.get(StateTable.ID);
                AttributeValue japanese = item.get(JAPANESE);
                if (id != null && id.s() != null && japanese != null && japanese.s() != null) {
                    fromTable.put(id.s().substring(ID_PREFIX.length()), japanese.s());
                }
            }
        }
        memory.put(fromTable, budget);
        Map<String, String> found = new LinkedHashMap<>(remembered);
        found.putAll(fromTable);
        return found;
    }

    @Override
    public void put(Map<String, String> translations, Budget budget) {
        memory.put(translations, budget);
        String expiresAt = Long.toString(clock.instant().plus(KEPT).getEpochSecond());
        List<WriteRequest> writes = new ArrayList<>();
        translations.forEach((key, japanese) -> writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                .item(Map.of(StateTable.ID, AttributeValue.fromS(ID_PREFIX + key),
                        JAPANESE, AttributeValue.fromS(japanese),
                        StateTable.EXPIRES_AT, AttributeValue.fromN(expiresAt))).build()).build()));
        for (int from = 0; from < writes.size(); from += WRITE_BATCH) {
            List<WriteRequest> batch = writes.subList(from, Math.min(from + WRITE_BATCH, writes.size()));
            dynamoDb.get().batchWriteItem(r -> r.requestItems(Map.of(table, batch))
                    .overrideConfiguration(AwsClients.within(budget)));
        }
    }
}
