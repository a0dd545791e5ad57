package dev.shirase.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.shirase.testing.RdsQueryStub.describePending;
import static dev.shirase.testing.RdsQueryStub.inRegion;
import static dev.shirase.testing.RdsQueryStub.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.shirase.account.AccountDirectory;
import dev.shirase.deliver.Channels;
import dev.shirase.ec2.ScheduledEvent;
import dev.shirase.state.StateTable;
import dev.shirase.testing.BedrockRuntimeStub;
import dev.shirase.testing.ChildJvm;
import dev.shirase.testing.Ec2QueryStub;
import dev.shirase.testing.Events;
import dev.shirase.testing.MotoClients.Inbox;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.QueryApiStub;
import dev.shirase.testing.RdsQueryStub.Action;
import dev.shirase.testing.RdsQueryStub.Resource;
import dev.shirase.testing.RdsQueryStub;
import dev.shirase.testing.SentMail;
import dev.shirase.testing.StsQueryStub;
import dev.shirase.testing.TranslateJsonStub;
import dev.shirase.translate.Glossary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The packaged jar (target/shirase.jar), shrunk by ProGuard, run as {@code java -jar} in a JVM of its own against
 * moto and WireMock, through every SDK client and every way to credentials the product uses. A class ProGuard took out
 * that the SDK loads by name, through a resource or by reflection shows here as a failed run or a linkage error on
 * standard error. Runs after package (failsafe); needs moto_server.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ShrunkJarIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path JAR = ChildJvm.packagedJar();
    private static final MotoServer MOTO = MotoServer.get();
    private static final String HOME = MotoServer.ACCOUNT;
    private static final String PAYMENTS = "111111111111";
    private static final String TOKYO = MotoServer.REGION;
    private static final String ORDERS_ARN = "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db";
    private static final String PAYMENTS_ARN = "arn:aws:rds:ap-northeast-1:" + PAYMENTS + ":db:payments-db";
    private static final String INSTANCE = "i-0a1b2c3d4e5f67890";
    /** What a class missing from the jar looks like, wherever the SDK or the JVM reports it. */
    private static final List<String> LINKAGE_ERRORS = List.of("NoClassDefFoundError", "ClassNotFoundException",
            "NoSuchMethodError", "NoSuchMethodException", "NoSuchFieldError", "VerifyError", "AbstractMethodError",
            "IncompatibleClassChangeError", "ExceptionInInitializerError", "ServiceConfigurationError");

    private static RdsQueryStub rds;
    private static StsQueryStub sts;
    private static Ec2QueryStub ec2;
    private final MotoClients clients = new MotoClients(MOTO);
    private Inbox inbox;
    private String table;

    @TempDir
    Path work;

    @BeforeAll
    static void startStubs() {
        rds = RdsQueryStub.start(MOTO);
        sts = StsQueryStub.start(MOTO);
        ec2 = Ec2QueryStub.start();
    }

    @AfterAll
    static void stopStubs() {
        rds.close();
        sts.close();
        ec2.close();
    }

    /** The stack's topic, with a queue to read it, and its state table; RDS with nothing pending. */
    @BeforeEach
    void emptyStack() {
        MOTO.reset();
        rds.reset();
        sts.reset();
        ec2.reset();
        inbox = clients.topicWithQueue("shirase");
        table = clients.stateTable("shirase-state");
        rds.server().stubFor(describePending().atPriority(QueryApiStub.STUB_PRIORITY + 1).willReturn(page(null)));
        // EC2 as it answers while the reboot of the sample event is still scheduled.
        ec2.server().stubFor(Ec2QueryStub.describeStatus().willReturn(Ec2QueryStub.page(null,
                Ec2QueryStub.Instance.of(INSTANCE, "running", new ScheduledEvent("system-reboot",
                        "The instance is scheduled for a reboot", Instant.parse("2026-12-04T15:00:00Z"),
                        Instant.parse("2026-12-04T17:00:00Z"), Instant.parse("2026-12-11T00:00:00Z"),
                        "instance-event-0abc")))));
    }

    /** This account: orders-db with a required OS update. PAYMENTS, a member account: payments-db, the same. */
    private void databases() {
        clients.postgres(TOKYO, "orders-db");
        clients.inAccount(PAYMENTS).postgres(TOKYO, "payments-db");
        pending(HOME, ORDERS_ARN);
        pending(PAYMENTS, PAYMENTS_ARN);
    }

    /** {@code account}'s pending actions in Tokyo: an OS update of {@code arn}, applied after 2026-12-01. */
    private static void pending(String account, String arn) {
        rds.server().stubFor(inRegion(describePending(), TOKYO).andMatching(sts.signedBy(account))
                .willReturn(page(null, Resource.of(arn, new Action("system-update", Instant.parse("2026-12-01T00:00:00Z"),
                        null, null, null, "New Operating System update is available")))));
    }

    /**
     * No profile files and no instance metadata: the credentials are the ones a test gives, and a chain that goes on
     * looking never leaves the machine.
     */
    private Map<String, String> isolated(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
        all.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
        all.put("AWS_EC2_METADATA_DISABLED", "true");
        return all;
    }

    /** The stack's environment with keys, every service in moto but what the stubs answer. */
    private Map<String, String> stack() {
        Map<String, String> env = isolated(MOTO.awsEnvironment());
        env.put("AWS_ENDPOINT_URL_RDS", rds.endpoint());
        env.put("AWS_ENDPOINT_URL_STS", sts.endpoint());
        env.put("AWS_ENDPOINT_URL_EC2", ec2.endpoint());
        env.put(Channels.TOPIC_ARN, inbox.topicArn());
        env.put(StateTable.ENV, table);
        env.put(NotifyHandler.HOME_ACCOUNT, HOME);
        return env;
    }

    /** Region and endpoints, and no keys: the test says where the credentials come from. */
    private Map<String, String> withoutKeys() {
        Map<String, String> env = isolated(Map.of("AWS_REGION", TOKYO, "AWS_ENDPOINT_URL", MOTO.endpoint().toString()));
        env.put("AWS_ENDPOINT_URL_STS", sts.endpoint());
        return env;
    }

    private static ChildJvm.Run shirase(Map<String, String> env, String... args) throws Exception {
        ChildJvm.Run run = ChildJvm.jar(JAR, env, args);
        assertThat(run.stderr()).as("standard error of shirase %s", String.join(" ", args))
                .doesNotContain(LINKAGE_ERRORS);
        assertThat(run.status()).as("shirase %s%n%s", String.join(" ", args), run.stderr()).isZero();
        return run;
    }

    /** Each file's handler result, one JSON document a line. */
    private static List<JsonNode> results(ChildJvm.Run run) {
        return run.stdout().lines().filter(line -> line.startsWith("{")).map(ShrunkJarIT::json).toList();
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private String file(String name, JsonNode event) throws IOException {
        return Files.write(work.resolve(name), MAPPER.writeValueAsBytes(event)).toString();
    }

    /** RDS-EVENT-0230 (a system update is available) of orders-db in this account. */
    private String ordersDbEvent() throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Events.sample("rds-event-0230-system-update-available.json"));
        event.putArray("resources").add(ORDERS_ARN);
        ((ObjectNode) event.get("detail")).put("SourceArn", ORDERS_ARN).put("SourceIdentifier", "orders-db");
        return file("orders-db.json", event);
    }

    /** The organizational view's sample, about {@code account}. */
    private String aboutAccount(String account) throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Events.sample("health-org-view-affected-account.json"));
        ((ObjectNode) event.get("detail")).put("affectedAccount", account);
        return file("org-view.json", event);
    }

    @Test
    void theNotifierSendsBySnsAndSesKeepsItsStateAndNamesTheAccountFromOrganizations() throws Exception {
        String warehouse = clients.organization(List.of("warehouse"), List.of()).accounts().get("warehouse");
        try (var ses = clients.ses()) {
            ses.createEmailIdentity(i -> i.emailIdentity("alerts@example.com"));
        }
        Map<String, String> env = stack();
        env.put(Channels.MAIL_FROM, "alerts@example.com");
        env.put(Channels.MAIL_TO, "oncall@example.com");
        env.put(AccountDirectory.ORGANIZATION_ENV, "o-exampleorgid");

        ChildJvm.Run run = shirase(env, "invoke", "--function", "NotifyFunction", aboutAccount(warehouse));

        JsonNode result = results(run).getFirst();
        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns", "ses");
        String subject = result.get("subject").asText();
        // The account's name, as AWS Organizations lists it.
        assertThat(clients.notifications(inbox.queueUrl())).singleElement().satisfies(notice -> {
            assertThat(notice.get("Subject").asText()).isEqualTo(subject).startsWith("【要対応・必須】warehouse の RDS");
            assertThat(notice.get("Message").asText()).contains("アカウント warehouse (" + warehouse + ")");
        });
        // The MIME writer and its calendar attachment survive shrinking.
        assertThat(SentMail.all(MOTO)).singleElement().satisfies(mail -> {
            assertThat(mail.to()).contains("oncall@example.com");
            assertThat(mail.subject()).isEqualTo(subject);
            assertThat(mail.html()).contains("<!DOCTYPE html>");
            assertThat(mail.calendar()).hasValueSatisfying(c -> assertThat(c.contentType()).contains("method=PUBLISH"));
        });
        try (DynamoDbClient dynamoDb = clients.dynamoDb()) {
            assertThat(dynamoDb.scan(s -> s.tableName(table)).items()).as("the story of the event").singleElement()
                    .satisfies(item -> assertThat(item.get("delivered").ss()).containsExactlyInAnyOrder("sns", "ses"));
        }
    }

    /**
     * Both translators through the jar: Bedrock's Converse (REST-JSON) answers one paragraph unfaithfully, so Amazon
     * Translate (JSON 1.1, with its terminology imported) takes it over; the paragraphs are kept in the state table.
     */
    @Test
    void theNotifierTranslatesWithBedrockAndFallsBackToAmazonTranslate() throws Exception {
        String model = "anthropic.claude-3-5-haiku-20241022-v1:0";
        try (TranslateJsonStub translate = TranslateJsonStub.start();
                BedrockRuntimeStub bedrock = BedrockRuntimeStub.start()) {
            translate.server().stubFor(TranslateJsonStub.call("GetTerminology")
                    .willReturn(TranslateJsonStub.error("ResourceNotFoundException", "no such terminology")));
            String terminology = "shirase-glossary-" + Glossary.bundled().version();
            translate.server().stubFor(TranslateJsonStub.call("ImportTerminology")
                    .willReturn(TranslateJsonStub.imported(terminology, Glossary.bundled().terms().size())));
            translate.server().stubFor(TranslateJsonStub.call("TranslateText")
                    .willReturn(TranslateJsonStub.pretendTranslation()));
            bedrock.server().stubFor(BedrockRuntimeStub.converse(model)
                    .willReturn(BedrockRuntimeStub.answer("メンテナンスを行います。")));
            Map<String, String> env = stack();
            env.put("SHIRASE_TRANSLATION", "bedrock:" + model + ",amazon-translate");
            env.put("AWS_ENDPOINT_URL_TRANSLATE", translate.endpoint());
            env.put("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", bedrock.endpoint());

            shirase(env, "invoke", "--function", "NotifyFunction", "events/health-ec2-instance-reboot.json");

            assertThat(bedrock.requests(model)).isNotEmpty();
            assertThat(translate.requests("ImportTerminology")).hasSize(1);
            assertThat(translate.requests("TranslateText")).isNotEmpty();
            assertThat(clients.notifications(inbox.queueUrl())).singleElement().satisfies(notice -> assertThat(
                    notice.get("Message").asText()).contains("■ 和訳 (機械翻訳)", "※ Amazon Translate による機械翻訳です"));
            try (DynamoDbClient dynamoDb = clients.dynamoDb()) {
                assertThat(dynamoDb.scan(s -> s.tableName(table)).items()).as("the story and its paragraphs")
                        .anySatisfy(item -> assertThat(item.get("id").s()).startsWith("translation#"));
            }
        }
    }

    @Test
    void theNotifierReadsTheDatabaseOfAnRdsEventFromRds() throws Exception {
        databases();

        ChildJvm.Run run = shirase(stack(), "invoke", "--function", "NotifyFunction", ordersDbEvent());

        // The date comes from orders-db's pending action (the stub) and its maintenance window (moto's instance).
        JsonNode result = results(run).getFirst();
        assertThat(result.get("obligation").asText()).isEqualTo("REQUIRED");
        assertThat(result.get("deadline").asText()).isEqualTo("2026-12-07T03:00+09:00");
        assertThat(rds.requests("DescribeDBInstances")).isNotEmpty();
        assertThat(rds.pendingRequests()).isNotEmpty();
        assertThat(clients.notifications(inbox.queueUrl())).singleElement()
                .satisfies(notice -> assertThat(notice.get("Subject").asText()).isEqualTo(result.get("subject").asText()));
    }

    @Test
    void theScanReadsRdsEc2AndAMemberAccountThroughItsRoleAndSendsItsDigest() throws Exception {
        databases();
        // The reboot told by the notifier is an open story, which the scan checks with EC2.
        shirase(stack(), "invoke", "--function", "NotifyFunction", "events/health-ec2-instance-reboot.json");
        clients.notifications(inbox.queueUrl());
        // Monday 2026-11-30: the weekly digest lists everything found.
        ObjectNode schedule = (ObjectNode) MAPPER.readTree(Events.sample("scan/scheduled-scan.json"));
        ((ObjectNode) schedule.get("detail")).put("regions", TOKYO).put("accounts", PAYMENTS);

        ChildJvm.Run run = shirase(stack(), "invoke", "--function", "ScanFunction", file("scan.json", schedule));

        JsonNode result = results(run).getFirst();
        assertThat(result.get("pendingActions").asInt()).isEqualTo(2);
        assertThat(result.get("openEvents").asInt()).isEqualTo(1);
        assertThat(result.get("regionErrors").toString()).isEqualTo("{}");
        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        assertThat(sts.assumeRoleRequests()).singleElement().satisfies(request -> assertThat(
                StsQueryStub.form(request, "RoleArn")).isEqualTo("arn:aws:iam::" + PAYMENTS + ":role/ShiraseReader"));
        assertThat(ec2.statusRequests()).isNotEmpty()
                .allSatisfy(request -> assertThat(Ec2QueryStub.askedIds(request)).containsExactly(INSTANCE));
        assertThat(clients.notifications(inbox.queueUrl())).singleElement()
                .satisfies(digest -> assertThat(digest.get("Message").asText())
                        .contains("orders-db")
                        .contains("payments-db: OS アップデート / ap-northeast-1 (東京) / アカウント " + PAYMENTS)
                        .contains(INSTANCE));
    }

    @Test
    void replayReadsTheFailureQueueWithWebIdentityCredentials() throws Exception {
        String queue;
        try (SqsClient sqs = clients.sqs()) {
            queue = sqs.createQueue(q -> q.queueName("shirase-FailureQueue")).queueUrl();
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody(new String(Events.sample("health-ec2-instance-reboot.json"),
                    StandardCharsets.UTF_8)));
        }
        // As in EKS or GitHub Actions: a token file and a role, which the SDK's STS module takes by name.
        Map<String, String> env = withoutKeys();
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", Files.writeString(work.resolve("token"), "a-web-identity-token").toString());
        env.put("AWS_ROLE_ARN", "arn:aws:iam::" + HOME + ":role/shirase-operator");
        env.put("AWS_ROLE_SESSION_NAME", "replay");

        ChildJvm.Run run = shirase(env, "replay", "--queue-url", queue, "--dry-run");

        assertThat(run.stdout())
                .contains("would replay NotifyFunction aws.health \"AWS Health Event\"")
                .contains("dry run: 1 to replay, 0 unreadable; nothing was invoked or deleted");
        assertThat(sts.requests("AssumeRoleWithWebIdentity")).singleElement().satisfies(request ->
                assertThat(StsQueryStub.form(request, "RoleArn")).isEqualTo("arn:aws:iam::" + HOME + ":role/shirase-operator"));
    }

    @Test
    void stateInitCreatesTheTableWithAProfilesRole() throws Exception {
        // A developer's profile that assumes a role with the keys of another, which the SDK's STS module takes by name.
        Path config = Files.writeString(work.resolve("config"), """
                [profile operator]
                role_arn = arn:aws:iam::%s:role/shirase-admin
                source_profile = base
                region = ap-northeast-1
                """.formatted(HOME));
        Path credentials = Files.writeString(work.resolve("credentials"), """
                [base]
                aws_access_key_id = testing
                aws_secret_access_key = testing
                """);
        Map<String, String> env = withoutKeys();
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        env.put("AWS_PROFILE", "operator");

        ChildJvm.Run run = shirase(env, "state", "init", "--table", "shirase-state-2");

        assertThat(run.stdout()).contains("created table shirase-state-2").contains("table shirase-state-2 is ACTIVE");
        try (DynamoDbClient dynamoDb = clients.dynamoDb()) {
            assertThat(dynamoDb.describeTable(d -> d.tableName("shirase-state-2")).table().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
        }
        assertThat(sts.assumeRoleRequests()).singleElement().satisfies(request ->
                assertThat(StsQueryStub.form(request, "RoleArn")).isEqualTo("arn:aws:iam::" + HOME + ":role/shirase-admin"));
    }

    /**
     * Lambda with SnapStart passes no keys, but an endpoint that serves them (AWS_CONTAINER_CREDENTIALS_FULL_URI) and
     * the token to ask it with: here a WireMock stub on loopback, as the Lambda runtime's is.
     */
    @Test
    void theNotifierTakesItsCredentialsFromTheContainerEndpointAsUnderSnapStart() throws Exception {
        WireMockServer endpoint = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        endpoint.start();
        try {
            endpoint.stubFor(get(urlPathEqualTo("/2018-06-01/credentials")).withHeader("Authorization",
                    equalTo("snapstart-token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody(MAPPER.createObjectNode().put("AccessKeyId", "testing").put("SecretAccessKey", "testing")
                            .put("Token", "session-token").put("Expiration",
                                    Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString())
                            .toString())));
            Map<String, String> env = withoutKeys();
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.baseUrl() + "/2018-06-01/credentials");
            env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "snapstart-token");
            env.put(Channels.TOPIC_ARN, inbox.topicArn());

            ChildJvm.Run run = shirase(env, "invoke", "events/health-ec2-instance-reboot.json");

            assertThat(results(run).getFirst().get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
            assertThat(clients.notifications(inbox.queueUrl())).singleElement()
                    .satisfies(n -> assertThat(n.get("Subject").asText()).contains("インスタンス再起動"));
            endpoint.verify(getRequestedFor(urlPathEqualTo("/2018-06-01/credentials"))
                    .withHeader("Authorization", equalTo("snapstart-token")));
        } finally {
            endpoint.stop();
        }
    }
}
