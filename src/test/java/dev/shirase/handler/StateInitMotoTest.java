package dev.shirase.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.shirase.aws.AwsClients;
import dev.shirase.state.StateTable;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * {@code shirase state init} against moto_server, through the CLI as a user runs it. Where moto does what a real
 * endpoint would not (a table still CREATING, backups not yet available, an emulator without point-in-time recovery),
 * WireMock answers that call and passes every other one through to moto. Needs moto_server.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StateInitMotoTest {
    private static final MotoServer MOTO = MotoServer.get();
    private static final String TABLE = "shirase-state";
    private static final String TARGET = "DynamoDB_20120810.";
    private static WireMockServer proxy;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private DynamoDbClient dynamoDb;

    @BeforeAll
    static void startProxy() {
        proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        proxy.start();
    }

    @AfterAll
    static void stopProxy() {
        proxy.stop();
    }

    @BeforeEach
    void emptyAccount() {
        MOTO.reset();
        proxy.resetAll();
        proxy.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().proxiedFrom(MOTO.endpoint().toString())));
        dynamoDb = new MotoClients(MOTO).dynamoDb();
    }

    @AfterEach
    void closeClient() {
        dynamoDb.close();
    }

    private int run(Map<String, String> env, String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env).run(args);
    }

    private int init(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "state";
        args[1] = "init";
        System.arraycopy(options, 0, args, 2, options.length);
        return run(MOTO.awsEnvironment(), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> lines() {
        return stdout().lines().toList();
    }

    /** The environment of a user whose DynamoDB endpoint is WireMock in front of moto. */
    private static Map<String, String> throughProxy() {
        Map<String, String> env = new HashMap<>(MOTO.awsEnvironment());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", proxy.baseUrl());
        return env;
    }

    private static MappingBuilder call(String operation) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + operation)).atPriority(5);
    }

    private static ResponseDefinitionBuilder error(String code, String message) {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + code + "\",\"message\":\"" + message + "\"}");
    }

    @Test
    void createsTheTableActiveWithItsIndexTimeToLiveAndRecovery() {
        int status = init("--table", TABLE);

        assertThat(status).as(stderr()).isZero();
        assertThat(lines()).containsExactly(
                "created table shirase-state (on demand, encrypted, key id, index open-by-deadline)",
                "table shirase-state is ACTIVE",
                "time to live: enabled on expiresAt",
                "point-in-time recovery: enabled",
                "export SHIRASE_STATE_TABLE=shirase-state");
        TableDescription table = dynamoDb.describeTable(d -> d.tableName(TABLE)).table();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.sseDescription().status()).isEqualTo(SSEStatus.ENABLED);
        assertThat(table.keySchema()).singleElement().satisfies(key -> {
            assertThat(key.attributeName()).isEqualTo(StateTable.ID);
            assertThat(key.keyType()).isEqualTo(KeyType.HASH);
        });
        assertThat(table.attributeDefinitions()).allSatisfy(a ->
                assertThat(a.attributeType()).isEqualTo(ScalarAttributeType.S));
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo(StateTable.OPEN_INDEX);
            assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(index.keySchema()).extracting(k -> k.attributeName() + " " + k.keyType())
                    .containsExactly(StateTable.OPEN + " HASH", StateTable.DEADLINE + " RANGE");
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        TimeToLiveDescription ttl = dynamoDb.describeTimeToLive(d -> d.tableName(TABLE)).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo(StateTable.EXPIRES_AT);
        assertThat(dynamoDb.describeContinuousBackups(d -> d.tableName(TABLE)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
    }

    @Test
    void aSecondRunSaysTheTableExistsAndSucceeds() {
        assertThat(init("--table", TABLE)).isZero();
        out.reset();

        int status = init("--table", TABLE);

        assertThat(status).as(stderr()).isZero();
        assertThat(lines()).containsExactly(
                "table shirase-state already exists, with the key and index Shirase expects",
                "table shirase-state is ACTIVE",
                "time to live: already on expiresAt",
                "point-in-time recovery: already on",
                "export SHIRASE_STATE_TABLE=shirase-state");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void anExistingTableWithoutTimeToLiveGetsIt() {
        dynamoDb.createTable(StateTable.createRequest(TABLE));

        int status = init("--table", TABLE);

        assertThat(status).as(stderr()).isZero();
        assertThat(lines()).startsWith("table shirase-state already exists, with the key and index Shirase expects")
                .contains("time to live: enabled on expiresAt", "point-in-time recovery: enabled");
        assertThat(dynamoDb.describeTimeToLive(d -> d.tableName(TABLE)).timeToLiveDescription().attributeName())
                .isEqualTo(StateTable.EXPIRES_AT);
    }

    @Test
    void theTableNameComesFromTheEnvironmentWithoutTable() {
        Map<String, String> env = new HashMap<>(MOTO.awsEnvironment());
        env.put(StateTable.ENV, "from-env");

        int status = run(env, "state", "init");

        assertThat(status).as(stderr()).isZero();
        assertThat(lines()).first().isEqualTo(
                "created table from-env (on demand, encrypted, key id, index open-by-deadline)");
        assertThat(dynamoDb.listTables().tableNames()).containsExactly("from-env");
    }

    @Test
    void aTableOfAnotherShapeIsReportedAndLeftAsItIs() {
        dynamoDb.createTable(t -> t.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));

        int status = init("--table", TABLE);

        assertThat(status).isEqualTo(1);
        assertThat(stderr()).startsWith("shirase: state init: table shirase-state already exists but is not a Shirase"
                        + " state table: ")
                .contains("its key is pk (HASH), not id (HASH)", "it has no index open-by-deadline", "--table");
        assertThat(stdout()).doesNotContain("export");
        assertThat(dynamoDb.describeTimeToLive(d -> d.tableName(TABLE)).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);
    }

    @Test
    void anIndexThatProjectsOnlyKeysIsReported() {
        dynamoDb.createTable(StateTable.createRequest(TABLE).toBuilder()
                .globalSecondaryIndexes(StateTable.createRequest(TABLE).globalSecondaryIndexes().getFirst().toBuilder()
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .build());

        int status = init("--table", TABLE);

        assertThat(status).isEqualTo(1);
        assertThat(stderr()).contains("index open-by-deadline projects KEYS_ONLY, not ALL");
    }

    @Test
    void timeToLiveOnAnotherAttributeIsReportedNotMoved() {
        dynamoDb.createTable(StateTable.createRequest(TABLE));
        dynamoDb.updateTimeToLive(u -> u.tableName(TABLE).timeToLiveSpecification(s -> s.attributeName("ttl").enabled(true)));

        int status = init("--table", TABLE);

        assertThat(status).isEqualTo(1);
        assertThat(stderr()).contains("has time to live on 'ttl', not expiresAt");
        assertThat(dynamoDb.describeTimeToLive(d -> d.tableName(TABLE)).timeToLiveDescription().attributeName())
                .isEqualTo("ttl");
    }

    @Test
    void anEndpointWithoutPointInTimeRecoveryGetsANoteNotAFailure() {
        // What DynamoDB Local answers for the backup operations it does not implement.
        proxy.stubFor(call("DescribeContinuousBackups").willReturn(
                error("UnknownOperationException", "An unknown operation was requested.")));
        proxy.stubFor(call("UpdateContinuousBackups").willReturn(
                error("UnknownOperationException", "An unknown operation was requested.")));

        int status = run(throughProxy(), "state", "init", "--table", TABLE);

        assertThat(status).as(stderr()).isZero();
        assertThat(lines()).contains("time to live: enabled on expiresAt",
                "note: this endpoint does not support point-in-time recovery (UnknownOperationException: An unknown"
                        + " operation was requested.); the table works without it")
                .last().isEqualTo("export SHIRASE_STATE_TABLE=shirase-state");
    }

    @Test
    void backupsNotYetAvailableAfterCreationAreWaitedFor() {
        proxy.stubFor(call("UpdateContinuousBackups").inScenario("backups").whenScenarioStateIs(STARTED)
                .willSetStateTo("available")
                .willReturn(error("ContinuousBackupsUnavailableException", "Backups are being enabled for the table")));

        int status = new StateInit(new AwsClients(throughProxy()).dynamoDb(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofSeconds(10), Duration.ofMillis(50)).run(TABLE);

        assertThat(status).as(stderr()).isZero();
        assertThat(lines()).contains("point-in-time recovery: enabled");
        proxy.verify(2, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + "UpdateContinuousBackups")));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aTableThatStaysCreatingIsReportedAfterTheBoundedWait() {
        dynamoDb.createTable(StateTable.createRequest(TABLE));
        proxy.stubFor(call("DescribeTable").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.0").withBody("""
                        {"Table": {"TableName": "shirase-state", "TableStatus": "CREATING",
                          "AttributeDefinitions": [{"AttributeName": "deadline", "AttributeType": "S"},
                            {"AttributeName": "id", "AttributeType": "S"}, {"AttributeName": "open", "AttributeType": "S"}],
                          "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                          "GlobalSecondaryIndexes": [{"IndexName": "open-by-deadline", "IndexStatus": "CREATING",
                            "KeySchema": [{"AttributeName": "open", "KeyType": "HASH"},
                              {"AttributeName": "deadline", "KeyType": "RANGE"}],
                            "Projection": {"ProjectionType": "ALL"}}]}}
                        """)));
        long started = System.nanoTime();

        int status = new StateInit(new AwsClients(throughProxy()).dynamoDb(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofSeconds(1), Duration.ofMillis(100)).run(TABLE);

        assertThat(status).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(stderr()).contains("table shirase-state is still CREATING (or its index is) after 1 s");
        assertThat(stdout()).doesNotContain("time to live", "export");
    }

    @Test
    void aFailingCallEndsTheCommandWithTheServicesReason() {
        proxy.stubFor(call("CreateTable").willReturn(error("AccessDeniedException",
                "User is not authorized to perform: dynamodb:CreateTable")));

        int status = run(throughProxy(), "state", "init", "--table", TABLE);

        assertThat(status).isEqualTo(1);
        assertThat(stderr()).isEqualTo("shirase: state init: table shirase-state: AccessDeniedException: User is not"
                + " authorized to perform: dynamodb:CreateTable" + System.lineSeparator());
        assertThat(stdout()).isEmpty();
    }
}
