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
import software.amazon.awssdk.services.organizations.OrganizationsClient;
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

    private SqsClient sqsIn(String region) {
        return configure(SqsClient.builder()).region(Region.of(region)).build();
    }

    public SesV2Client ses() {
        return configure(SesV2Client.builder()).build();
    }

    /** RDS straight to moto, to create the DB instances and clusters a test needs. */
    public RdsClient rds() {
        return configure(RdsClient.builder()).build();
    }

    /**
     * The scan tests' database: a single-AZ PostgreSQL 16.3 instance named {@code name} in {@code region}, whose
     * maintenance window is Sunday 18:00-18:30 UTC (Monday 03:00 JST).
     */
    public void postgres(String region, String name) {
        try (RdsClient direct = rds(region)) {
            direct.createDBInstance(r -> r.dbInstanceIdentifier(name).engine("postgres").engineVersion("16.3")
                    .dbInstanceClass("db.t3.medium").multiAZ(false).allocatedStorage(20).masterUsername("shirase")
                    .masterUserPassword("not-a-secret-1").preferredMaintenanceWindow("sun:18:00-sun:18:30"));
        }
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

    /** AWS Organizations straight to moto, to make an organization, its accounts and OUs. */
    public OrganizationsClient organizations() {
        return configure(OrganizationsClient.builder()).build();
    }

    /**
     * A new organization managed by moto's account, with a member account of each name (ids are moto's, random) and a
     * branch of nested OUs ({@code [prod, prod/web]}) under the root.
     *
     * @param accounts account id by name, in the order given
     * @param ous      OU id by path ({@code prod}, {@code prod/web})
     */
    public record Organization(String rootId, java.util.Map<String, String> accounts, java.util.Map<String, String> ous) {
    }

    public Organization organization(List<String> accountNames, List<String> ouPaths) {
        try (OrganizationsClient org = organizations()) {
            org.createOrganization(o -> o.featureSet("ALL"));
            String root = org.listRoots(r -> { }).roots().get(0).id();
            java.util.Map<String, String> accounts = new java.util.LinkedHashMap<>();
            for (String name : accountNames) {
                accounts.put(name, org.createAccount(a -> a.accountName(name).email(name + "@example.com"))
                        .createAccountStatus().accountId());
            }
            java.util.Map<String, String> ous = new java.util.LinkedHashMap<>();
            for (String path : ouPaths) {
                int slash = path.lastIndexOf('/');
                String parent = slash < 0 ? root : ous.get(path.substring(0, slash));
                ous.put(path, org.createOrganizationalUnit(o -> o.parentId(parent).name(path.substring(slash + 1)))
                        .organizationalUnit().id());
            }
            return new Organization(root, accounts, ous);
        }
    }

    /** Moves a member account from the root into an OU. */
    public void move(Organization organization, String accountId, String ouPath) {
        try (OrganizationsClient org = organizations()) {
            org.moveAccount(m -> m.accountId(accountId).sourceParentId(organization.rootId())
                    .destinationParentId(organization.ous().get(ouPath)));
        }
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
        return topicWithQueue(MotoServer.REGION, name);
    }

    /** A topic and its queue in {@code region}; read it with {@link #notifications(String, String)}. */
    public Inbox topicWithQueue(String region, String name) {
        try (SnsClient sns = configure(SnsClient.builder()).region(Region.of(region)).build();
                SqsClient sqs = sqsIn(region)) {
            String topicArn = sns.createTopic(t -> t.name(name)).topicArn();
            String queueUrl = sqs.createQueue(q -> q.queueName(name + "-inbox")).queueUrl();
            String queueArn = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(s -> s.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
            return new Inbox(topicArn, queueUrl);
        }
    }

    /**
     * Whether the queue is empty now, without waiting: moto delivers to a subscribed queue within the Publish call, so
     * once the code under test has returned, whatever it published is there.
     */
    public boolean isEmpty(String queueUrl) {
        try (SqsClient sqs = sqs()) {
            return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1).waitTimeSeconds(0)
                    .visibilityTimeout(0)).messages().isEmpty();
        }
    }

    /** The SNS notifications (envelopes with Subject and Message) that reached the queue. */
    public List<JsonNode> notifications(String queueUrl) {
        return notifications(MotoServer.REGION, queueUrl);
    }

    /** The same for a queue in {@code region}. */
    public List<JsonNode> notifications(String region, String queueUrl) {
        List<JsonNode> found = new ArrayList<>();
        try (SqsClient sqs = sqsIn(region)) {
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
