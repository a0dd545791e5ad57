package dev.shirase.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.budget.Budget;
import dev.shirase.state.StateTable;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Translations in the state table, against moto's DynamoDB: what another container finds, and what expires. */
class DynamoDbTranslationCacheMotoTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final MotoServer moto = MotoServer.get();
    private MotoClients clients;
    private DynamoDbClient dynamoDb;
    private String table;

    @BeforeEach
    void freshTable() {
        moto.reset();
        clients = new MotoClients(moto);
        table = clients.stateTable("shirase-state");
        dynamoDb = clients.dynamoDb();
    }

    private DynamoDbTranslationCache cache() {
        return new DynamoDbTranslationCache(() -> dynamoDb, table, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Budget budget() {
        return Budget.of(Duration.ofSeconds(20));
    }

    @Test
    void whatOneContainerLearnsAnotherFindsAndItExpiresWithTheTablesTimeToLive() {
        cache().put(Map.of("k1", "メンテナンスウィンドウで適用してください。", "k2", "再起動します。"), budget());

        Map<String, String> found = cache().get(List.of("k1", "k2", "k3"), budget());

        assertThat(found).containsOnly(Map.entry("k1", "メンテナンスウィンドウで適用してください。"),
                Map.entry("k2", "再起動します。"));
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table)
                .key(Map.of(StateTable.ID, AttributeValue.fromS("translation#k1")))).item();
        assertThat(Long.parseLong(item.get(StateTable.EXPIRES_AT).n()))
                .isEqualTo(NOW.plus(DynamoDbTranslationCache.KEPT).getEpochSecond());
        assertThat(item).doesNotContainKey(StateTable.OPEN);
    }

    @Test
    void moreThanOneBatchEitherWay() {
        Map<String, String> many = new LinkedHashMap<>();
        IntStream.range(0, 130).forEach(i -> many.put("key-" + i, "訳 " + i));
        cache().put(many, budget());

        assertThat(cache().get(many.keySet(), budget())).isEqualTo(many);
    }

    @Test
    void theContainerAnswersWhatItLearnedWithoutTheTable() {
        DynamoDbTranslationCache cache = cache();
        cache.put(Map.of("k1", "訳"), budget());
        dynamoDb.deleteItem(r -> r.tableName(table).key(Map.of(StateTable.ID, AttributeValue.fromS("translation#k1"))));

        assertThat(cache.get(Set.of("k1"), budget())).containsEntry("k1", "訳");
        assertThat(cache().get(Set.of("k1"), budget())).as("a new container asks the table").isEmpty();
    }
}
