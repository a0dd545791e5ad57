package dev.shirase.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.shirase.testing.MotoServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.rds.model.ResourcePendingMaintenanceActions;
import software.amazon.awssdk.services.sesv2.model.RawMessage;

/**
 * What SnapStart needs of the clients: a rehearsal over every protocol that reaches no network, the real clients built
 * like the rehearsal's, and credentials taken anew after a restore (Lambda serves them to each restored environment
 * from the container credentials endpoint).
 */
class AwsClientsSnapStartTest {
    private final WireMockServer credentialsEndpoint = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @BeforeEach
    void start() {
        credentialsEndpoint.start();
        credentialsEndpoint.stubFor(get(urlEqualTo("/credentials")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"AccessKeyId\":\"ASIARESTORED\",\"SecretAccessKey\":\"secret\",\"Token\":\"token\","
                        + "\"Expiration\":\"" + Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                        + "\"}")));
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.containerCredentialsFullUri");
        credentialsEndpoint.stop();
    }

    @Test
    void afterARestoreTheCredentialsAreFetchedAgain() {
        MotoServer moto = MotoServer.get();
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", MotoServer.REGION,
                "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                // What Lambda gives a SnapStart function instead of keys.
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", credentialsEndpoint.baseUrl() + "/credentials"));
        // The SDK's provider reads the endpoint from the process's settings; a system property stands for the variable.
        System.setProperty("aws.containerCredentialsFullUri", env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
        AwsClients clients = new AwsClients(env);

        clients.sns().listTopics();
        clients.sns().listTopics();
        credentialsEndpoint.verify(1, getRequestedFor(urlEqualTo("/credentials")));

        clients.renewAfterRestore();
        clients.sns().listTopics();

        credentialsEndpoint.verify(2, getRequestedFor(urlEqualTo("/credentials")));
    }

    @Test
    void aRehearsalIsAnsweredInEveryProtocolWithoutTheNetworkOrCredentials() {
        String pending = """
                <DescribePendingMaintenanceActionsResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                  <DescribePendingMaintenanceActionsResult><PendingMaintenanceActions>
                    <ResourcePendingMaintenanceActions>
                      <ResourceIdentifier>arn:aws:rds:ap-northeast-1:123456789012:db:app</ResourceIdentifier>
                    </ResourcePendingMaintenanceActions>
                  </PendingMaintenanceActions></DescribePendingMaintenanceActionsResult>
                </DescribePendingMaintenanceActionsResponse>""";
        // Nothing listens on port 1, and there are no keys: only an answer from within the process can succeed.
        AwsClients rehearsal = AwsClients.answeredBy(new CannedHttpClient(Map.of("DescribePendingMaintenanceActions",
                pending)), Map.of("AWS_REGION", "ap-northeast-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1"));

        rehearsal.sns().publish(p -> p.topicArn("arn:aws:sns:ap-northeast-1:123456789012:t").message("m"));
        rehearsal.dynamoDb().getItem(g -> g.tableName("t").key(Map.of("id", AttributeValue.fromS("x"))));
        rehearsal.sesV2().sendEmail(s -> s.fromEmailAddress("a@example.com")
                .content(c -> c.raw(RawMessage.builder().data(SdkBytes.fromUtf8String("m")).build())));
        rehearsal.ec2(Region.US_EAST_1).describeInstanceStatus(d -> d.instanceIds("i-0123456789abcdef0"));
        rehearsal.organizations().listAccounts();
        assertThat(rehearsal.rds().describePendingMaintenanceActions().pendingMaintenanceActions())
                .extracting(ResourcePendingMaintenanceActions::resourceIdentifier)
                .containsExactly("arn:aws:rds:ap-northeast-1:123456789012:db:app");

        // An http endpoint would leave TLS to the first https request: priming sets it up all the same.
        AwsClients real = new AwsClients(Map.of("AWS_REGION", "ap-northeast-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1"));
        real.buildClientsUsedBy(rehearsal);
        assertThat(real.builtClients()).containsExactly("dynamodb", "ec2 us-east-1", "organizations",
                "rds ap-northeast-1", "sesv2", "sns ap-northeast-1");
        assertThat(real.tlsReady()).isTrue();
    }
}
