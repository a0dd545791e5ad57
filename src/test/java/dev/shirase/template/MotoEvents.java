package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.testing.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * moto's EventBridge and SQS as one account in one region sees them (moto takes the account from a request header):
 * NotifyFunction's rules as a template deploys them, each with an SQS queue as its target so that a delivery names the
 * rule that matched, events put as AWS would carry them, and what the queues received.
 */
final class MotoEvents implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A queue's URL, for reading it, and ARN, for naming it as a target. */
    record Queue(String url, String arn) {
    }

    private final EventBridgeClient events;
    private final SqsClient sqs;

    MotoEvents(MotoServer moto, String account, String region) {
        this.events = configure(EventBridgeClient.builder(), moto, account, region).build();
        this.sqs = configure(SqsClient.builder(), moto, account, region).build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, MotoServer moto, String account,
            String region) {
        return builder.endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().putHeader("x-moto-account-id", account)
                        .build());
    }

    EventBridgeClient events() {
        return events;
    }

    Queue queue(String name) {
        String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(url, arn);
    }

    /**
     * NotifyFunction's EventBridgeRule events of the deployed template as rules on the default bus, each with a queue of
     * its own; the queue URLs by event name. moto matches a disabled rule as if it were enabled, so a rule the template
     * disables is left out, as EventBridge would leave it.
     */
    Map<String, String> notifyRules(SamTemplate deployed) {
        Map<String, String> queues = new LinkedHashMap<>();
        deployed.events("NotifyFunction", "EventBridgeRule").forEach((event, rule) -> {
            if (rule.path("State").asText("ENABLED").equals("DISABLED")) {
                return;
            }
            String name = "NotifyFunction" + event;
            Queue queue = queue(name);
            rule(name, rule.path("Pattern"), Target.builder().id("queue").arn(queue.arn()).build());
            queues.put(event, queue.url());
        });
        return queues;
    }

    void rule(String name, JsonNode pattern, Target target) {
        try {
            String json = JSON.writeValueAsString(pattern);
            events.putRule(b -> b.name(name).eventPattern(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.putTargets(b -> b.rule(name).targets(target));
    }

    /** Puts the event as EventBridge would carry it, and returns the id EventBridge gave it. */
    String put(JsonNode event) {
        List<String> resources = new ArrayList<>();
        event.path("resources").forEach(r -> resources.add(r.asText()));
        PutEventsRequestEntry entry;
        try {
            entry = PutEventsRequestEntry.builder()
                    .source(event.path("source").asText())
                    .detailType(event.path("detail-type").asText())
                    .detail(JSON.writeValueAsString(event.path("detail")))
                    .resources(resources)
                    .time(Instant.parse(event.path("time").asText()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        PutEventsResponse response = events.putEvents(b -> b.entries(entry));

        // A rejected entry would make "reached no rule" true for the wrong reason.
        assertThat(response.failedEntryCount()).as("failed entries: %s", response.entries()).isZero();
        String id = response.entries().getFirst().eventId();
        assertThat(id).isNotBlank();
        return id;
    }

    /**
     * The events each queue received, by the name it is given, leaving out queues that received nothing; each message
     * is taken off its queue. moto delivers during PutEvents; a few short polls cover a slower delivery, stopping early
     * once {@code expected} messages arrived.
     */
    Map<String, List<JsonNode>> received(Map<String, String> queueUrls, int expected) {
        Map<String, List<JsonNode>> received = new LinkedHashMap<>();
        int total = 0;
        for (int poll = 0; poll < 5 && (total < expected || poll < 2); poll++) {
            if (poll > 0) {
                sleep();
            }
            for (Map.Entry<String, String> queue : queueUrls.entrySet()) {
                for (Message message : sqs.receiveMessage(b -> b.queueUrl(queue.getValue())
                        .maxNumberOfMessages(10).waitTimeSeconds(0)).messages()) {
                    received.computeIfAbsent(queue.getKey(), k -> new ArrayList<>()).add(read(message.body()));
                    sqs.deleteMessage(b -> b.queueUrl(queue.getValue()).receiptHandle(message.receiptHandle()));
                    total++;
                }
            }
        }
        return received;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        events.close();
        sqs.close();
    }
}
