package dev.shirase.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.shirase.account.AccountDirectory;
import dev.shirase.account.AccountNames;
import dev.shirase.account.AccountTopics;
import dev.shirase.deliver.Channels;
import dev.shirase.log.JsonLog;
import dev.shirase.rds.RdsEnricher;
import dev.shirase.state.StateTable;
import dev.shirase.testing.Events;
import dev.shirase.testing.LambdaContext;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoClients.Inbox;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.SilentServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notices of an organization's accounts through the Lambda handler, against moto's Organizations, SNS and SQS: named
 * from Organizations or the mapping, sent to the central topic and to the topics of the account and of the OUs above
 * it, and still sent, with ids, when Organizations cannot be read.
 */
class NotifyHandlerAccountsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ORG_VIEW = "health-org-view-affected-account.json";
    private final MotoServer moto = MotoServer.get();
    private final MotoClients clients = new MotoClients(moto);
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), Clock.systemUTC());
    private MotoClients.Organization org;
    private String prodWeb;
    private String staging;
    private Inbox central;
    private Inbox teamA;
    private Inbox prodOu;
    private Inbox teamB;

    @BeforeEach
    void organization() {
        moto.reset();
        org = clients.organization(List.of("prod-web", "staging"), List.of("prod", "prod/web"));
        prodWeb = org.accounts().get("prod-web");
        staging = org.accounts().get("staging");
        clients.move(org, prodWeb, "prod/web");
        central = clients.topicWithQueue("shirase");
        teamA = clients.topicWithQueue("team-a");
        prodOu = clients.topicWithQueue("prod-ou");
        teamB = clients.topicWithQueue("team-b");
    }

    /** Topics: prod-web's own, the prod OU's (prod-web sits in prod/web, below it), and staging's. */
    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put(Channels.TOPIC_ARN, central.topicArn());
        env.put(AccountDirectory.ORGANIZATION_ENV, "o-exampleorgid");
        env.put(NotifyHandler.HOME_ACCOUNT, MotoServer.ACCOUNT);
        env.put(AccountTopics.ENV, "{\"" + prodWeb + "\": \"" + teamA.topicArn() + "\", \"" + org.ous().get("prod")
                + "\": [\"" + prodOu.topicArn() + "\"], \"" + staging + "\": \"" + teamB.topicArn() + "\"}");
        env.putAll(extra);
        return env;
    }

    /** The organizational-view sample, about {@code account}. */
    private static byte[] about(String account) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(Events.sample(ORG_VIEW));
        ((ObjectNode) event.get("detail")).put("affectedAccount", account);
        return MAPPER.writeValueAsBytes(event);
    }

    private JsonNode invoke(Map<String, String> env, byte[] event, Duration timeout) throws Exception {
        NotifyHandler handler = new NotifyHandler(NotifyHandler.fromEnvironment(env, log));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new LambdaContext(timeout));
        return MAPPER.readTree(out.toByteArray());
    }

    private List<JsonNode> notices(Inbox inbox) {
        return clients.notifications(inbox.queueUrl());
    }

    private String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aNoticeAboutAnAccountReachesTheCentralTopicItsOwnAndItsOusButNoOtherAccounts() throws Exception {
        try (SilentServer rds = SilentServer.start()) {
            JsonNode result = invoke(env(Map.of("AWS_ENDPOINT_URL_RDS", rds.endpoint())), about(prodWeb),
                    Duration.ofSeconds(30));

            assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactlyInAnyOrder("sns",
                    "sns:" + teamA.topicArn(), "sns:" + prodOu.topicArn());
            assertThat(rds.connections()).as("no RDS call about another account's database").isZero();
        }
        for (Inbox inbox : List.of(central, teamA, prodOu)) {
            assertThat(notices(inbox)).singleElement().satisfies(n -> {
                assertThat(n.get("Subject").asText()).startsWith("【要対応・必須】prod-web の RDS ハードウェアメンテナンス");
                assertThat(n.get("Message").asText()).contains("アカウント prod-web (" + prodWeb + ")");
            });
        }
        assertThat(clients.isEmpty(teamB.queueUrl())).isTrue();
        assertThat(logged()).contains("RDS enrichment skipped");
    }

    @Test
    void aTeamTopicInAnotherRegionThanTheStackTakesItsNotices() throws Exception {
        Inbox virginia = clients.topicWithQueue("us-east-1", "team-a-virginia");
        Map<String, String> env = env(Map.of());
        env.put(AccountTopics.ENV, "{\"" + prodWeb + "\": \"" + virginia.topicArn() + "\"}");

        JsonNode result = invoke(env, about(prodWeb), Duration.ofSeconds(30));

        assertThat(virginia.topicArn()).startsWith("arn:aws:sns:us-east-1:");
        assertThat(result.get("delivered")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("sns", "sns:" + virginia.topicArn());
        assertThat(clients.notifications("us-east-1", virginia.queueUrl())).singleElement()
                .satisfies(n -> assertThat(n.get("Subject").asText()).startsWith("【要対応・必須】prod-web の RDS"));
    }

    @Test
    void theMappingNamesAnAccountBeforeOrganizationsDoes() throws Exception {
        invoke(env(Map.of(AccountNames.ENV, "{\"" + staging + "\": \"検証環境\"}")), about(staging),
                Duration.ofSeconds(30));

        assertThat(notices(teamB)).singleElement().satisfies(n -> {
            assertThat(n.get("Subject").asText()).startsWith("【要対応・必須】検証環境の RDS ");
            assertThat(n.get("Message").asText()).contains("アカウント 検証環境 (" + staging + ")");
        });
        assertThat(notices(central)).hasSize(1);
        assertThat(clients.isEmpty(teamA.queueUrl())).isTrue();
        assertThat(clients.isEmpty(prodOu.queueUrl())).isTrue();
    }

    @Test
    void aNoticeWithNoAccountGoesToTheCentralTopicOnly() throws Exception {
        JsonNode result = invoke(env(Map.of()), "{\"not\": \"an event\"".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(30));

        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("sns");
        assertThat(notices(central)).hasSize(1);
        for (Inbox inbox : List.of(teamA, prodOu, teamB)) {
            assertThat(clients.isEmpty(inbox.queueUrl())).isTrue();
        }
    }

    @Test
    void whenOrganizationsHangsTheNoticeGoesOutWithTheIdInTimeAndOuTopicsCannotMatch() throws Exception {
        try (SilentServer hanging = SilentServer.start()) {
            Map<String, String> env = env(Map.of("AWS_ENDPOINT_URL_ORGANIZATIONS", hanging.endpoint()));
            long started = System.nanoTime();

            JsonNode result = invoke(env, about(prodWeb), Duration.ofSeconds(10));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(hanging.connections()).isPositive();
            assertThat(result.get("delivered")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("sns", "sns:" + teamA.topicArn());
        }
        assertThat(notices(central)).singleElement().satisfies(n -> {
            assertThat(n.get("Subject").asText()).startsWith("【要対応・必須】RDS ハードウェアメンテナンス");
            assertThat(n.get("Message").asText()).contains("アカウント " + prodWeb + " /");
        });
        assertThat(notices(teamA)).hasSize(1);
        assertThat(clients.isEmpty(prodOu.queueUrl())).isTrue();
        assertThat(logged().lines().filter(l -> l.contains("which OUs hold an account")).count()).isEqualTo(1);
    }

    @Test
    void whenOrganizationsRefusesTheIdsAreShownAndItIsNotAskedAgain() throws Exception {
        WireMockServer refusing = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        refusing.start();
        try {
            refusing.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"You don't have permissions to access"
                            + " this resource.\"}")));
            Map<String, String> env = env(Map.of("AWS_ENDPOINT_URL_ORGANIZATIONS", refusing.baseUrl()));
            NotifyHandler handler = new NotifyHandler(NotifyHandler.fromEnvironment(env, log));

            for (int i = 0; i < 2; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(about(prodWeb)), out,
                        new LambdaContext(Duration.ofSeconds(30)));
            }

            assertThat(refusing.getAllServeEvents()).as("ListParents and ListAccounts once each").hasSize(2);
        } finally {
            refusing.stop();
        }
        assertThat(notices(central)).hasSize(2).allSatisfy(n -> assertThat(n.get("Message").asText())
                .contains("アカウント " + prodWeb + " /"));
        assertThat(notices(teamA)).hasSize(2);
        assertThat(logged().lines().filter(l -> l.contains("\"level\":\"WARN\"") && l.contains("AccessDenied")))
                .hasSize(2);
    }

    @Test
    void afterAnAccountTopicFailedTheRetrySendsToThatTopicAlone() throws Exception {
        String table = clients.stateTable("shirase-state");
        String late = central.topicArn().replace(":shirase", ":team-late");
        Map<String, String> env = env(Map.of(StateTable.ENV, table,
                AccountTopics.ENV, "{\"" + prodWeb + "\": [\"" + teamA.topicArn() + "\", \"" + late + "\"]}"));

        // The second topic does not exist yet: the others take the notice, and the invocation fails for a retry.
        assertThatThrownBy(() -> invoke(env, about(prodWeb), Duration.ofSeconds(30)))
                .isInstanceOf(NotifyHandler.NoticeNotDeliveredException.class).hasMessageContaining("team-late");
        assertThat(notices(central)).hasSize(1);
        assertThat(notices(teamA)).hasSize(1);
        Inbox teamLate = clients.topicWithQueue("team-late");

        JsonNode retry = invoke(env, about(prodWeb), Duration.ofSeconds(30));

        assertThat(retry.get("delivered")).extracting(JsonNode::asText).containsExactly("sns:" + late);
        assertThat(notices(teamLate)).hasSize(1);
        assertThat(clients.isEmpty(central.queueUrl())).isTrue();
        assertThat(clients.isEmpty(teamA.queueUrl())).isTrue();
        assertThat(invoke(env, about(prodWeb), Duration.ofSeconds(30)).get("notSent").asText()).startsWith("repeat");
    }
}
