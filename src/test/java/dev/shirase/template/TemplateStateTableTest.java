package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.state.StateTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;

/**
 * template.yaml's StateTable is the table {@code shirase state init} creates ({@link StateTable#createRequest}), with
 * time to live and point-in-time recovery on, and each function is given its name and only the access it needs.
 */
class TemplateStateTableTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TABLE = "StateTable";
    /**
     * Items by key: the stories, and (with Translation set, in batches) the translations kept beside them.
     */
    private static final Set<String> ITEM_ACTIONS = Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem");

    private final SamTemplate template = SamTemplate.loadLongForm();

    @Test
    void theTableIsTheOneStateInitCreates() {
        // The template leaves the name to CloudFormation (two stacks can share an account), hence no name here.
        CreateTableRequest expected = StateTable.createRequest(null);

        assertThat(asCreateRequest(template.properties(TABLE)))
                .isEqualTo(expected.toBuilder().attributeDefinitions(sorted(expected.attributeDefinitions())).build());
        assertThat(template.resource(TABLE).path("Type").asText()).isEqualTo("AWS::DynamoDB::Table");
    }

    @Test
    void itemsExpireOnExpiresAtAndTheTableCanBeRecovered() {
        JsonNode table = template.properties(TABLE);

        assertThat(table.at("/TimeToLiveSpecification/AttributeName").asText()).isEqualTo(StateTable.EXPIRES_AT);
        assertThat(table.at("/TimeToLiveSpecification/Enabled").asBoolean()).isTrue();
        assertThat(table.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean()).isTrue();
    }

    @Test
    void uninstallingLeavesNoTableBehind() {
        assertThat(template.resource(TABLE).path("DeletionPolicy").asText()).isEqualTo("Delete");
        assertThat(template.resource(TABLE).path("UpdateReplacePolicy").asText()).isEqualTo("Delete");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void eachFunctionIsGivenTheTablesName(String function) {
        JsonNode variables = template.properties(function).at("/Environment/Variables");

        assertThat(variables.path(StateTable.ENV)).isEqualTo(longForm("{\"Ref\": \"StateTable\"}"));
    }

    @Test
    void notifyFunctionReadsAndWritesItemsByKeyAndNothingElse() {
        Map<String, Set<JsonNode>> granted = dynamoDbGrants("NotifyFunction");

        assertThat(granted.keySet()).containsExactlyInAnyOrderElementsOf(ITEM_ACTIONS);
        assertThat(granted).allSatisfy((action, resources) ->
                assertThat(resources).as(action).containsExactly(tableArn()));
    }

    @Test
    void scanFunctionAlsoQueriesTheOpenIndexButNotTheTable() {
        Map<String, Set<JsonNode>> granted = dynamoDbGrants("ScanFunction");

        Set<String> expected = new TreeSet<>(ITEM_ACTIONS);
        expected.add("dynamodb:Query");
        assertThat(granted.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        ITEM_ACTIONS.forEach(action -> assertThat(granted.get(action)).as(action).containsExactly(tableArn()));
        assertThat(granted.get("dynamodb:Query")).containsExactly(
                longForm("{\"Fn::Sub\": \"${StateTable.Arn}/index/" + StateTable.OPEN_INDEX + "\"}"));
    }

    /** The table's properties, read into the request they declare; attribute definitions in name order. */
    private static CreateTableRequest asCreateRequest(JsonNode table) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        table.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
                .attributeName(a.path("AttributeName").asText()).attributeType(a.path("AttributeType").asText()).build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        table.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(GlobalSecondaryIndex.builder()
                .indexName(i.path("IndexName").asText())
                .keySchema(keySchema(i.path("KeySchema")))
                .projection(Projection.builder().projectionType(i.at("/Projection/ProjectionType").asText())
                        .nonKeyAttributes(texts(i.at("/Projection/NonKeyAttributes"))).build())
                .build()));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .billingMode(table.path("BillingMode").asText())
                .attributeDefinitions(sorted(attributes))
                .keySchema(keySchema(table.path("KeySchema")))
                .sseSpecification(SSESpecification.builder()
                        .enabled(table.at("/SSESpecification/SSEEnabled").asBoolean()).build());
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        if (table.has("LocalSecondaryIndexes")) {
            throw new AssertionError("template.yaml's StateTable has local secondary indexes; StateTable has none");
        }
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys) {
        List<KeySchemaElement> schema = new ArrayList<>();
        keys.forEach(k -> schema.add(KeySchemaElement.builder()
                .attributeName(k.path("AttributeName").asText()).keyType(k.path("KeyType").asText()).build()));
        return schema;
    }

    private static List<String> texts(JsonNode array) {
        return array.isMissingNode() ? null
                : StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<AttributeDefinition> sorted(List<AttributeDefinition> attributes) {
        return attributes.stream().sorted(Comparator.comparing(AttributeDefinition::attributeName)).toList();
    }

    /** Every DynamoDB action the function's policies allow, with the resources each is allowed on. */
    private Map<String, Set<JsonNode>> dynamoDbGrants(String function) {
        Map<String, Set<JsonNode>> granted = new TreeMap<>();
        for (JsonNode statement : template.statements(function)) {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            for (JsonNode action : list(statement.path("Action"))) {
                if (action.asText().startsWith("dynamodb:")) {
                    granted.computeIfAbsent(action.asText(), a -> new LinkedHashSet<>())
                            .addAll(list(statement.path("Resource")));
                }
            }
        }
        return granted;
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode()) {
            items.add(node);
        }
        return items;
    }

    private static JsonNode tableArn() {
        return longForm("{\"Fn::GetAtt\": [\"StateTable\", \"Arn\"]}");
    }

    private static JsonNode longForm(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
