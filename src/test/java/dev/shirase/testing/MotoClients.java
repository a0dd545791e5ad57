package dev.shirase.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.state.StateTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** SDK clients for setting up and reading back moto state in tests (the code under test builds its own). */
public final class MotoClients {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MotoServer moto;
    private final AwsCredentialsProvider credentials;

    public MotoClients(MotoServer moto) {
        this(moto, StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    private MotoClients(MotoServer moto, AwsCredentialsProvider credentials) {
        this.moto = moto;
        this.credentials = credentials;
    }

    /**
     * Clients that act in another account: moto grants AssumeRole of any role, and takes the requests signed with the
     * credentials it returns as the role's account.
     */
    public MotoClients inAccount(String account) {
        try (StsClient sts = configure(StsClient.builder()).build()) {
            Credentials taken = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/shirase-test-setup")
                    .roleSessionName("setup")).credentials();
            return new MotoClients(moto, StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    taken.accessKeyId(), taken.secretAccessKey(), taken.sessionToken())));
        }
    }

    /** RDS straight to moto in {@code region}. */
    public RdsClient rds(String region) {
        return configure(RdsClient.builder()).region(Region.of(region)).build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder()).build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder()).build();
    }

    public SesV2Client ses() {
        return configure(SesV2Client.builder()).build();
    }

    /** RDS straight to moto, to create the DB instances and clusters a test needs. */
    public RdsClient rds() {
        return configure(RdsClient.builder()).build();
    }

    /** DynamoDB straight to moto, to read back the state table or make one of another shape. */
    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    /** The state table, as template.yaml declares it, created in moto. */
    public String stateTable(String name) {
        try (DynamoDbClient dynamoDb = dynamoDb()) {
            dynamoDb.createTable(StateTable.createRequest(name));
        }
        return name;
    }

    /** EC2 straight to moto, to run, stop and terminate the instances a test needs. */
    public Ec2Client ec2() {
        return configure(Ec2Client.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return builder.region(Region.of(MotoServer.REGION))
                .endpointOverride(moto.endpoint())
                .credentialsProvider(credentials);
    }

    /** A topic with an SQS queue subscribed to it, as an email or chat subscriber would be. */
    public record Inbox(String topicArn, String queueUrl) {
    }

    public Inbox topicWithQueue(String name) {
        try (SnsClient sns = sns(); SqsClient sqs = sqs()) {
            String topicArn = sns.createTopic(t -> t.name(name)).topicArn();
            String queueUrl = sqs.createQueue(q -> q.queueName(name + "-inbox")).queueUrl();
            String queueArn = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(s -> s.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
            return new Inbox(topicArn, queueUrl);
        }
    }

    /** The SNS notifications (envelopes with Subject and Message) that reached the queue. */
    public List<JsonNode> notifications(String queueUrl) {
        List<JsonNode> found = new ArrayList<>();
        try (SqsClient sqs = sqs()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(0)).messages();
                for (Message m : batch) {
                    found.add(MAPPER.readTree(m.body()));
                    sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
                if (batch.isEmpty() && !found.isEmpty()) {
                    break;
                }
                if (batch.isEmpty()) {
                    Thread.sleep(50);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
