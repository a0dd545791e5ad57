package dev.shirase.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** What {@code shirase state init} says about an existing table that is not shaped as {@link StateTable} makes it. */
class StateTableDifferencesTest {
    private static final CreateTableRequest REQUEST = StateTable.createRequest("shirase-state");

    /** The table DescribeTable returns for one created by {@link StateTable#createRequest}. */
    private static TableDescription.Builder created() {
        return TableDescription.builder()
                .tableName(REQUEST.tableName())
                .attributeDefinitions(REQUEST.attributeDefinitions())
                .keySchema(REQUEST.keySchema())
                .globalSecondaryIndexes(REQUEST.globalSecondaryIndexes().stream()
                        .map(i -> GlobalSecondaryIndexDescription.builder().indexName(i.indexName())
                                .keySchema(i.keySchema()).projection(i.projection()).build())
                        .toList());
    }

    @Test
    void theTableStateInitCreatesHasNoDifferences() {
        assertThat(StateTable.differences(created().build())).isEmpty();
    }

    @Test
    void otherIndexesAreTheOwnersAndNotADifference() {
        TableDescription withMore = created().globalSecondaryIndexes(
                created().build().globalSecondaryIndexes().getFirst(),
                GlobalSecondaryIndexDescription.builder().indexName("by-account")
                        .keySchema(KeySchemaElement.builder().attributeName("account").keyType(KeyType.HASH).build())
                        .build())
                .build();

        assertThat(StateTable.differences(withMore)).isEmpty();
    }

    @Test
    void aKeyAttributeOfAnotherTypeIsNamed() {
        TableDescription numeric = created().attributeDefinitions(
                AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.N).build(),
                AttributeDefinition.builder().attributeName("open").attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("deadline").attributeType(ScalarAttributeType.S).build())
                .build();

        assertThat(StateTable.differences(numeric)).containsExactly("attribute id is of type N, not S");
    }

    @Test
    void anIndexKeyedTheOtherWayRoundIsNamed() {
        TableDescription swapped = created().globalSecondaryIndexes(GlobalSecondaryIndexDescription.builder()
                .indexName(StateTable.OPEN_INDEX)
                .keySchema(KeySchemaElement.builder().attributeName("deadline").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("open").keyType(KeyType.RANGE).build())
                .projection(p -> p.projectionType("ALL"))
                .build())
                .build();

        assertThat(StateTable.differences(swapped)).containsExactly(
                "index open-by-deadline is keyed deadline (HASH), open (RANGE), not open (HASH), deadline (RANGE)");
    }

    @Test
    void aSortKeyOnTheTableIsADifference() {
        TableDescription composite = created().keySchema(
                KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("deadline").keyType(KeyType.RANGE).build())
                .build();

        assertThat(StateTable.differences(composite)).isEqualTo(List.of(
                "its key is id (HASH), deadline (RANGE), not id (HASH)"));
    }
}
