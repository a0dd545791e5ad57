package dev.shirase.handler;

import static dev.shirase.testing.FailureQueueMessages.HEALTH_RULE_ARN;
import static dev.shirase.testing.FailureQueueMessages.NOTIFY_FUNCTION_ARN;
import static dev.shirase.testing.RdsQueryStub.describePendingRequested;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.aws.AwsClients;
import dev.shirase.deliver.Channels;
import dev.shirase.testing.Events;
import dev.shirase.testing.FailureQueueMessages;
import dev.shirase.testing.MotoClients;
import dev.shirase.testing.MotoClients.Inbox;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.RdsQueryStub;
import dev.shirase.testing.RdsQueryStub.Action;
import dev.shirase.testing.RdsQueryStub.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code shirase replay} against moto_server: the failure queue and the topic in SQS and SNS, the notices read back from
 * a queue subscribed to the topic, the scan's RDS calls through WireMock. Needs moto_server.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplayMotoTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MotoServer MOTO = MotoServer.get();
    private static final String NO_SUCH_TOPIC = "arn:aws:sns:ap-northeast-1:123456789012:no-such-topic";
    private static RdsQueryStub rds;

    private final MotoClients clients = new MotoClients(MOTO);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<TemplateFunction> started = new ArrayList<>();
    private SqsClient sqs;
    private Inbox inbox;
    private String failureQueue;

    @BeforeAll
    static void startStub() {
        rds = RdsQueryStub.start(MOTO);
    }

    @AfterAll
    static void stopStub() {
        rds.close();
    }

    @BeforeEach
    void emptyAccount() {
        MOTO.reset();
        rds.reset();
        sqs = clients.sqs();
        inbox = clients.topicWithQueue("shirase");
        failureQueue = sqs.createQueue(q -> q.queueName("shirase-FailureQueue")).queueUrl();
        // Due on the scan's day (2026-11-30): the scheduled scan has a reminder to send.
        rds.pendingActions(Resource.of("arn:aws:rds:ap-northeast-1:123456789012:db:orders-db",
                new Action("system-update", Instant.parse("2026-12-01T00:00:00Z"), null, null, null,
                        "New Operating System update is available")));
    }

    @AfterEach
    void closeClient() {
        sqs.close();
    }

    private Map<String, String> env(String topicArn) {
        Map<String, String> env = new HashMap<>(MOTO.awsEnvironment());
        env.put("AWS_ENDPOINT_URL_RDS", rds.endpoint());
        env.put(Channels.TOPIC_ARN, topicArn);
        return env;
    }

    /** Replays with handlers built as Lambda builds them, but from {@code env} rather than this JVM's environment. */
    private int replay(Map<String, String> env, OptionalInt max, boolean dryRun) {
        return replay(env, max, dryRun, function -> {
            started.add(function);
            return switch (function) {
                case NOTIFY -> new LocalInvoke(new NotifyHandler(NotifyHandler.fromEnvironment(env)), function);
                case SCAN -> new LocalInvoke(new ScanHandler(env, Clock.systemUTC()), function);
            };
        });
    }

    private int replay(Map<String, String> env, OptionalInt max, boolean dryRun, Replay.Handlers handlers) {
        return replay(env, max, dryRun, handlers, Replay.HOLD);
    }

    private int replay(Map<String, String> env, OptionalInt max, boolean dryRun, Replay.Handlers handlers,
            Duration hold) {
        return new Replay(new AwsClients(env).sqs(), failureQueue, handlers,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                hold).run(max, dryRun);
    }

    private int replay(Map<String, String> env) {
        return replay(env, OptionalInt.empty(), false);
    }

    private String send(String body, Map<String, String> attributes) {
        Map<String, MessageAttributeValue> values = new HashMap<>();
        attributes.forEach((name, value) -> values.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        return sqs.sendMessage(m -> m.queueUrl(failureQueue).messageBody(body).messageAttributes(values)).messageId();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Sends one message of each shape the failure queue receives. */
    private void oneOfEachSender() {
        send(FailureQueueMessages.onFailureRecord(NOTIFY_FUNCTION_ARN, Events.sample("health-ec2-instance-reboot.json")),
                Map.of());
        send(text(Events.sample("rds-event-0155-minor-version-available.json")),
                FailureQueueMessages.ruleDeadLetter(HEALTH_RULE_ARN, NOTIFY_FUNCTION_ARN));
        send(text(Events.sample("scan/scheduled-scan.json")), FailureQueueMessages.scheduleDeadLetter());
    }

    /** Messages on the failure queue: visible ones, and ones still hidden by a receive. */
    private record Depth(int visible, int hidden) {
    }

    private Depth depth() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(a -> a.queueUrl(failureQueue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return new Depth(Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> subjects() {
        return clients.notifications(inbox.queueUrl()).stream().map(n -> n.get("Subject").asText()).toList();
    }

    @Test
    void eachSendersMessageIsReplayedThroughItsFunctionAndDeletedOnceDelivered() {
        oneOfEachSender();

        int status = replay(env(inbox.topicArn()));

        assertThat(status).as(stdout()).isZero();
        assertThat(subjects()).as("one notice per message").hasSize(3)
                .anySatisfy(s -> assertThat(s).contains("インスタンス再起動"))
                .anySatisfy(s -> assertThat(s).startsWith("【要確認】RDS"))
                .anySatisfy(s -> assertThat(s).contains("orders-db"));
        rds.server().verify(1, describePendingRequested());
        assertThat(started).containsExactlyInAnyOrder(TemplateFunction.NOTIFY, TemplateFunction.SCAN);
        assertThat(stdout())
                .contains("replayed NotifyFunction aws.health \"AWS Health Event\"")
                .contains("(Lambda on-failure record)")
                .contains("replayed NotifyFunction aws.rds \"RDS DB Instance Event\"")
                .contains("(EventBridge rule dead letter)")
                .contains("replayed ScanFunction aws.scheduler \"Scheduled Event\"")
                .contains("(Scheduler dead letter)")
                .contains("3 replayed, 0 failed, 0 unreadable; 0 left on the queue");
        assertThat(depth()).isEqualTo(new Depth(0, 0));
    }

    @Test
    void aMessageWhoseDeliveryFailsStaysOnTheQueueVisibleAndTheRunFails() {
        oneOfEachSender();

        int status = replay(env(NO_SUCH_TOPIC));

        assertThat(status).isEqualTo(1);
        assertThat(stdout().lines().filter(l -> l.startsWith("failed ")))
                .as("each message tried once").hasSize(3)
                .allSatisfy(l -> assertThat(l).contains("no-such-topic"));
        assertThat(stdout()).contains("0 replayed, 3 failed, 0 unreadable; 3 left on the queue");
        assertThat(depth()).as("visible again for the next run").isEqualTo(new Depth(3, 0));
        assertThat(subjects()).isEmpty();
    }

    @Test
    void aMessageThatComesRoundAgainIsNotRunTwice() {
        for (int i = 0; i < 3; i++) {
            send(Events.health("AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED", "scheduledChange", "Reboot")
                    .put("id", "event-" + i).toString(), Map.of());
        }
        List<String> invoked = new ArrayList<>();

        // Not hidden at all: every receive may return a message this run already tried.
        int status = replay(env(inbox.topicArn()), OptionalInt.empty(), false,
                function -> new LocalInvoke((input, output, context) -> {
                    invoked.add(MAPPER.readTree(input).get("id").asText());
                    throw new NotifyHandler.NoticeNotDeliveredException("no channel accepted the notice");
                }, function),
                Duration.ZERO);

        assertThat(status).isEqualTo(1);
        assertThat(invoked).isNotEmpty().doesNotHaveDuplicates();
        assertThat(stdout().lines().filter(l -> l.startsWith("failed "))).hasSameSizeAs(invoked);
        assertThat(depth()).isEqualTo(new Depth(3, 0));
    }

    @Test
    void aHandlerThatCannotStartLeavesItsMessagesOnTheQueue() {
        send(text(Events.sample("health-ec2-instance-reboot.json")), Map.of());
        send(text(Events.sample("rds-event-0155-minor-version-available.json")), Map.of());

        int status = replay(env(inbox.topicArn()), OptionalInt.empty(), false, function -> {
            throw new IllegalStateException("AWS_REGION is not set");
        });

        assertThat(status).isEqualTo(1);
        assertThat(stdout().lines().filter(l -> l.startsWith("failed ")))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("cannot start " + Cli.NOTIFY_HANDLER
                        + ": IllegalStateException: AWS_REGION is not set"));
        assertThat(depth()).isEqualTo(new Depth(2, 0));
    }

    @Test
    void aBodyThatIsNotJsonIsReportedAndLeftAlone() {
        String notJson = send("Shirase could not deliver this", Map.of());
        send(text(Events.sample("health-ec2-instance-reboot.json")), Map.of());

        int status = replay(env(inbox.topicArn()));

        assertThat(status).isEqualTo(1);
        assertThat(stdout()).contains("left     message " + notJson + ": not JSON: ")
                .contains("1 replayed, 0 failed, 1 unreadable; 1 left on the queue");
        assertThat(subjects()).hasSize(1);
        assertThat(depth()).isEqualTo(new Depth(1, 0));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(failureQueue)).messages())
                .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("Shirase could not deliver this"));
    }

    @Test
    void aDryRunListsWhatWouldBeReplayedAndInvokesAndDeletesNothing() throws IOException {
        oneOfEachSender();
        String rebootId = MAPPER.readTree(Events.sample("health-ec2-instance-reboot.json")).get("id").asText();

        int status = replay(env(inbox.topicArn()), OptionalInt.empty(), true);

        assertThat(status).isZero();
        assertThat(stdout())
                .contains("would replay NotifyFunction aws.health \"AWS Health Event\" id " + rebootId)
                .contains("; it failed with RetriesExhausted: no channel accepted the notice")
                .contains("would replay NotifyFunction aws.rds \"RDS DB Instance Event\"")
                .contains("would replay ScanFunction aws.scheduler \"Scheduled Event\" id e4c9a1d07b3f5826")
                .contains("dry run: 3 to replay, 0 unreadable; nothing was invoked or deleted");
        assertThat(started).isEmpty();
        assertThat(subjects()).isEmpty();
        rds.server().verify(0, describePendingRequested());
        assertThat(depth()).isEqualTo(new Depth(3, 0));
    }

    @Test
    void maxStopsAfterThatManyMessages() {
        for (int i = 0; i < 3; i++) {
            send(text(Events.sample("health-ec2-instance-reboot.json")), Map.of());
        }

        int status = replay(env(inbox.topicArn()), OptionalInt.of(2), false);

        assertThat(status).isZero();
        assertThat(subjects()).hasSize(2);
        assertThat(stdout()).contains("2 replayed, 0 failed, 0 unreadable; 0 left on the queue; stopped at --max 2");
        assertThat(depth()).isEqualTo(new Depth(1, 0));
    }

    @Test
    void aQueueThatCannotBeReadFailsTheRun() {
        failureQueue = failureQueue.replace("shirase-FailureQueue", "no-such-queue");

        int status = replay(env(inbox.topicArn()));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read").contains("no-such-queue");
    }

    /** The command itself, in a JVM of its own whose environment points at moto: the handler the template names. */
    @Test
    void theCommandReplaysThroughTheHandlerTheTemplateNames() throws Exception {
        send(FailureQueueMessages.onFailureRecord(NOTIFY_FUNCTION_ARN, Events.sample("health-ec2-instance-reboot.json")),
                Map.of());
        ProcessBuilder command = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Cli.class.getName(), "replay", "--queue-url", failureQueue);
        command.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("SHIRASE_"));
        command.environment().putAll(env(inbox.topicArn()));
        command.redirectErrorStream(true);

        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("1 replayed, 0 failed, 0 unreadable; 0 left on the queue");
        assertThat(subjects()).singleElement().satisfies(s -> assertThat(s).contains("インスタンス再起動"));
        assertThat(depth()).isEqualTo(new Depth(0, 0));
    }

}
