package dev.shirase.handler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.shirase.deliver.Channels;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NotifyFunction's handler with one channel broken in each way an AWS endpoint breaks, the other healthy on moto: the
 * invocation ends within its time budget, the healthy channel delivers exactly once, the broken one is counted as
 * failed in the metrics, and the invocation fails only when no channel took the notice. The broken endpoint is
 * WireMock (or a socket that never answers) named by {@code AWS_ENDPOINT_URL_SNS} / {@code AWS_ENDPOINT_URL_SESV2}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NotifyHandlerFaultTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MotoServer MOTO = MotoServer.get();
    /** Small, so the suite stays fast; the handler's shares scale with it as they do with Lambda's 60 s. */
    private static final Duration TIMEOUT = Duration.ofSeconds(4);
    private static final String SENDER = "alerts@example.com";

    private static WireMockServer broken;
    private final MotoClients clients = new MotoClients(MOTO);
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private Inbox inbox;

    /** How an endpoint fails. */
    enum Failure {
        SERVER_ERROR, UNAVAILABLE, THROTTLING, CONNECTION_RESET, NEVER_ANSWERS, ANSWERS_AFTER_TIMEOUT
    }

    /** The channel that is broken, and the variable that points it at the broken endpoint. */
    enum BrokenChannel {
        SNS("sns", "ses", "AWS_ENDPOINT_URL_SNS"), SES("ses", "sns", "AWS_ENDPOINT_URL_SESV2");

        final String name;
        final String healthy;
        final String endpointVariable;

        BrokenChannel(String name, String healthy, String endpointVariable) {
            this.name = name;
            this.healthy = healthy;
            this.endpointVariable = endpointVariable;
        }
    }

    @BeforeAll
    static void startBrokenEndpoint() {
        broken = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        broken.start();
    }

    @AfterAll
    static void stopBrokenEndpoint() {
        broken.stop();
    }

    @BeforeEach
    void account() {
        MOTO.reset();
        broken.resetAll();
        inbox = clients.topicWithQueue("shirase");
        try (var ses = clients.ses()) {
            ses.createEmailIdentity(i -> i.emailIdentity(SENDER));
        }
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @EnumSource(BrokenChannel.class)
    void snsOrSesFailingWithAServerErrorLeavesTheOtherDeliveringOnce(BrokenChannel channel) throws Exception {
        assertHealthyChannelDeliversOnce(channel, Failure.SERVER_ERROR);
    }

    @ParameterizedTest
    @EnumSource(BrokenChannel.class)
    void serviceUnavailable(BrokenChannel channel) throws Exception {
        assertHealthyChannelDeliversOnce(channel, Failure.UNAVAILABLE);
    }

    @ParameterizedTest
    @EnumSource(BrokenChannel.class)
    void throttlingIsRetriedWithinTheBudgetThenReported(BrokenChannel channel) throws Exception {
        assertHealthyChannelDeliversOnce(channel, Failure.THROTTLING);
        // Throttling means the service refused the request: retried, a bounded number of times.
        assertThat(broken.findAll(anyRequestedFor(anyUrl()))).hasSizeBetween(2, 3);
    }

    @ParameterizedTest
    @EnumSource(BrokenChannel.class)
    void aConnectionResetIsNotRetried(BrokenChannel channel) throws Exception {
        assertHealthyChannelDeliversOnce(channel, Failure.CONNECTION_RESET);
        // The request may have been read before the reset: sending it again could send the notice twice.
        assertThat(broken.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(BrokenChannel.class)
    void anEndpointThatNeverAnswersIsAbandonedAtTheEndOfTheBudget(BrokenChannel channel) throws Exception {
        assertHealthyChannelDeliversOnce(channel, Failure.NEVER_ANSWERS);
    }

    @Test
    void anSnsAnswerThatComesAfterTheClientGaveUpIsNotPublishedAgain() throws Exception {
        // The request reaches moto through WireMock (the topic really publishes), but the answer comes too late.
        assertHealthyChannelDeliversOnce(BrokenChannel.SNS, Failure.ANSWERS_AFTER_TIMEOUT);
        awaitQuietBrokenEndpoint();

        assertThat(broken.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(clients.notifications(inbox.queueUrl())).as("notices the late SNS publish delivered").hasSize(1);
    }

    @Test
    void anSesAnswerThatComesAfterTheClientGaveUpIsNotSentAgain() throws Exception {
        assertHealthyChannelDeliversOnce(BrokenChannel.SES, Failure.ANSWERS_AFTER_TIMEOUT);
        awaitQuietBrokenEndpoint();

        assertThat(broken.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(sentMails()).isEqualTo(1);
    }

    @Test
    void whenEveryChannelFailsTheInvocationFailsWithinItsBudget() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            stub(Failure.SERVER_ERROR);
            Map<String, String> env = env(Map.of("AWS_ENDPOINT_URL_SNS", silent.endpoint(),
                    "AWS_ENDPOINT_URL_SESV2", broken.baseUrl()));

            long started = System.nanoTime();
            assertThatThrownBy(() -> invoke(env))
                    .isInstanceOf(NotifyHandler.NoticeNotDeliveredException.class)
                    .hasMessageContaining("sns")
                    .hasMessageContaining("ses")
                    .hasMessageNotContaining(SENDER);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
        }
        assertThat(metrics()).containsEntry("sns", "failed").containsEntry("ses", "failed");
    }

    private void assertHealthyChannelDeliversOnce(BrokenChannel channel, Failure fault) throws Exception {
        SilentServer silent = fault == Failure.NEVER_ANSWERS ? SilentServer.start() : null;
        try {
            if (silent == null) {
                stub(fault);
            }
            Map<String, String> env = env(Map.of(channel.endpointVariable,
                    silent != null ? silent.endpoint() : broken.baseUrl()));

            long started = System.nanoTime();
            JsonNode result = invoke(env);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("the invocation ends within its budget").isLessThan(TIMEOUT);
            assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly(channel.healthy);
            assertThat(result.path("failures").has(channel.name)).isTrue();
            assertThat(result.toString()).doesNotContain(SENDER);
            if (channel == BrokenChannel.SNS) {
                assertThat(sentMails()).isEqualTo(1);
            } else {
                assertThat(clients.notifications(inbox.queueUrl())).hasSize(1);
            }
            assertThat(metrics()).containsEntry(channel.healthy, "delivered").containsEntry(channel.name, "failed");
            assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain(SENDER).doesNotContain("oncall@");
        } finally {
            if (silent != null) {
                silent.close();
            }
        }
    }

    private static void stub(Failure fault) {
        broken.stubFor(any(anyUrl()).willReturn(response(fault)));
    }

    private static ResponseDefinitionBuilder response(Failure fault) {
        return switch (fault) {
            case SERVER_ERROR -> aResponse().withStatus(500).withBody("internal error");
            case UNAVAILABLE -> aResponse().withStatus(503).withBody("service unavailable");
            // SNS answers in the Query protocol's XML, SES v2 in JSON with the error type in a header: each client
            // reads its own shape and ignores the other, and both count HTTP 429 as throttling.
            case THROTTLING -> aResponse().withStatus(429)
                    .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                    .withHeader("Content-Type", "text/xml")
                    .withBody("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
                            + "<Message>Rate exceeded</Message></Error><RequestId>1</RequestId></ErrorResponse>");
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case ANSWERS_AFTER_TIMEOUT -> aResponse().proxiedFrom(MOTO.endpoint().toString())
                    .withFixedDelay((int) TIMEOUT.plusSeconds(1).toMillis());
            case NEVER_ANSWERS -> throw new IllegalArgumentException("served by SilentServer");
        };
    }

    private Map<String, String> env(Map<String, String> endpoints) {
        Map<String, String> env = new HashMap<>(MOTO.awsEnvironment());
        env.put(Channels.TOPIC_ARN, inbox.topicArn());
        env.put(Channels.MAIL_FROM, SENDER);
        env.put(Channels.MAIL_TO, "oncall@example.com");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "shirase-NotifyFunction");
        env.putAll(endpoints);
        return env;
    }

    private JsonNode invoke(Map<String, String> env) throws Exception {
        JsonLog log = new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), Clock.systemUTC());
        NotifyHandler handler = new NotifyHandler(NotifyHandler.fromEnvironment(env, log));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Events.sample("health-ec2-instance-reboot.json")), out,
                new LambdaContext(TIMEOUT));
        return MAPPER.readTree(out.toByteArray());
    }

    /** Channel to "delivered" or "failed", from the embedded-metric-format lines of the log. */
    private Map<String, String> metrics() throws Exception {
        Map<String, String> outcome = new HashMap<>();
        for (String line : logged.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode node = MAPPER.readTree(line);
            if (node.has("_aws")) {
                assertThat(node.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo(Metrics.NAMESPACE);
                assertThat(node.get(Metrics.FUNCTION).asText()).isEqualTo("shirase-NotifyFunction");
                assertThat(node.get(Metrics.CATEGORY).asText()).isEqualTo("SYSTEM_REBOOT");
                outcome.put(node.get(Metrics.CHANNEL).asText(), node.get(Metrics.DELIVERED).asInt() == 1 ? "delivered"
                        : node.get(Metrics.FAILED).asInt() == 1 ? "failed" : "neither");
            }
        }
        return outcome;
    }

    /** Emails moto's SES accepted. */
    private static int sentMails() throws Exception {
        return dev.shirase.testing.SentMail.all(MOTO).size();
    }

    /** Lets WireMock finish a delayed answer (and its proxied call to moto) that the client gave up on. */
    private static void awaitQuietBrokenEndpoint() throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(2).toMillis());
    }
}
