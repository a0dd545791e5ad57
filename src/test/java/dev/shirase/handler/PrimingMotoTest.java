package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.aws.AwsClients;
import dev.shirase.deliver.Channels;
import dev.shirase.log.JsonLog;
import dev.shirase.state.StateTable;
import dev.shirase.testing.LambdaContext;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoClients.Inbox;
import dev.shirase.testing.MotoServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * SnapStart priming against moto: the rehearsal before the snapshot sends nothing, writes no state and needs no network,
 * builds the real clients the configuration uses, and leaves the function delivering normally after the restore.
 */
class PrimingMotoTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MotoServer moto = MotoServer.get();
    private final MotoClients aws = new MotoClients(moto);
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), Clock.systemUTC());
    private Inbox inbox;
    private String table;

    @BeforeEach
    void emptyAccount() {
        moto.reset();
        inbox = aws.topicWithQueue("shirase");
        table = aws.stateTable("shirase-state");
        aws.postgres(MotoServer.REGION, "app-aurora-pg-instance-1");
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put(Channels.TOPIC_ARN, inbox.topicArn());
        env.put(StateTable.ENV, table);
        env.put(NotifyHandler.HOME_ACCOUNT, MotoServer.ACCOUNT);
        return env;
    }

    private List<JsonNode> logLines() {
        return logged.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return MAPPER.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON log line: " + line, e);
            }
        }).toList();
    }

    private int stateItems() {
        return aws.dynamoDb().scan(ScanRequest.builder().tableName(table).build()).count();
    }

    @Test
    void notifyRehearsalSendsNothingWritesNothingAndBuildsTheClientsItUses() {
        AwsClients clients = new AwsClients(env());

        Priming.notifyFunction(env(), clients, log).beforeCheckpoint(null);

        assertThat(aws.isEmpty(inbox.queueUrl())).as("nothing published to the real topic").isTrue();
        assertThat(stateItems()).as("nothing written to the real state table").isZero();
        assertThat(clients.builtClients()).contains("sns " + MotoServer.REGION, "rds " + MotoServer.REGION, "dynamodb");
        assertThat(logLines()).singleElement().satisfies(line -> {
            assertThat(line.path("message").asText()).isEqualTo("primed for the snapshot");
            assertThat(line.path("function").asText()).isEqualTo("NotifyFunction");
        });
    }

    @Test
    void theRehearsalNeedsNoNetwork() {
        Map<String, String> unreachable = new HashMap<>(env());
        // Nothing listens on port 1: any request that left the process would fail and the rehearsal would say so.
        unreachable.put("AWS_ENDPOINT_URL", "http://127.0.0.1:1");

        Priming.notifyFunction(unreachable, new AwsClients(unreachable), log).beforeCheckpoint(null);
        Priming.scanFunction(unreachable, new AwsClients(unreachable), log).beforeCheckpoint(null);

        assertThat(logLines()).extracting(line -> line.path("message").asText())
                .containsExactly("primed for the snapshot", "primed for the snapshot");
    }

    @Test
    void withTranslationTheRehearsalBuildsBothTranslatorsAndStillSendsAndWritesNothing() {
        Map<String, String> translating = new HashMap<>(env());
        translating.put("SHIRASE_TRANSLATION", "bedrock:anthropic.claude-3-5-haiku-20241022-v1:0,amazon-translate");
        // Nothing listens on port 1: a translation request that left the process would fail.
        translating.put("AWS_ENDPOINT_URL_TRANSLATE", "http://127.0.0.1:1");
        translating.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "http://127.0.0.1:1");
        AwsClients clients = new AwsClients(translating);

        Priming.notifyFunction(translating, clients, log).beforeCheckpoint(null);

        assertThat(clients.builtClients()).contains("translate", "bedrock-runtime", "dynamodb");
        assertThat(aws.isEmpty(inbox.queueUrl())).isTrue();
        assertThat(stateItems()).as("no story and no translation written").isZero();
        assertThat(logLines()).extracting(line -> line.path("message").asText())
                .containsExactly("primed for the snapshot");
    }

    @Test
    void afterTheRestoreTheFunctionDeliversEachNoticeOnce() throws Exception {
        NotifyHandler handler = new NotifyHandler(env(), log);
        Priming priming = handler.priming();

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(
                Files.readAllBytes(Path.of("events/health-rds-aurora-postgresql-security-upgrade.json"))), out,
                new LambdaContext());

        assertThat(MAPPER.readTree(out.toByteArray()).path("delivered")).hasSize(1);
        assertThat(aws.notifications(inbox.queueUrl())).singleElement()
                .satisfies(n -> assertThat(n.path("Subject").asText()).contains("セキュリティアップグレード"));
        assertThat(stateItems()).isPositive();
    }

    @Test
    void scanRehearsalDigestsWithoutSendingOrWriting() {
        AwsClients clients = new AwsClients(env());

        Priming.scanFunction(env(), clients, log).beforeCheckpoint(null);

        assertThat(aws.isEmpty(inbox.queueUrl())).isTrue();
        assertThat(stateItems()).isZero();
        assertThat(clients.builtClients()).contains("sns " + MotoServer.REGION, "rds " + MotoServer.REGION, "dynamodb");
        assertThat(logLines()).singleElement()
                .satisfies(line -> assertThat(line.path("message").asText()).isEqualTo("primed for the snapshot"));
    }

    @Test
    void aRehearsalThatFailsIsLoggedAndTheSnapshotGoesOn() {
        AwsClients clients = new AwsClients(env());
        Priming failing = new Priming("NotifyFunction", env(), clients, log, answered -> {
            answered.sns().listTopics();
            throw new IllegalStateException("rehearsal broke");
        });

        failing.beforeCheckpoint(null);

        assertThat(logLines()).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("WARN");
            assertThat(line.path("error").asText()).contains("rehearsal broke");
        });
        // What it used before it stopped is built all the same.
        assertThat(clients.builtClients()).containsExactly("sns " + MotoServer.REGION);
    }
}
