package dev.shirase.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.budget.Budget;
import dev.shirase.testing.MotoServer;
import dev.shirase.testing.MovableClock;
import dev.shirase.testing.StsQueryStub;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** A member account's role: assumed once while its credentials last, within the caller's budget, failures kept briefly. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AssumedRoleTest {
    private static final MotoServer MOTO = MotoServer.get();
    private static final String ROLE = "arn:aws:iam::111111111111:role/ShiraseReader";
    private static StsQueryStub sts;
    private final MovableClock clock = new MovableClock(Instant.now());
    private AwsClients clients;

    @BeforeAll
    static void startStub() {
        sts = StsQueryStub.start(MOTO);
    }

    @AfterAll
    static void stopStub() {
        sts.close();
    }

    @BeforeEach
    void fresh() {
        sts.reset();
        clients = new AwsClients(Map.of("AWS_REGION", MotoServer.REGION, "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing", "AWS_ENDPOINT_URL_STS", sts.endpoint()));
    }

    private AssumedRole role() {
        StsClient client = StsClient.builder().region(clients.region()).endpointOverride(URI.create(sts.endpoint()))
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        "testing", "testing")).build();
        return new AssumedRole(() -> client, ROLE, "shirase-scan", clock);
    }

    private static Budget budget(Duration d) {
        return Budget.of(d);
    }

    @Test
    void theCredentialsAreTakenOnceAndAgainShortlyBeforeTheyExpire() {
        AssumedRole role = role();

        AwsSessionCredentials first = role.within(budget(Duration.ofSeconds(5)));
        assertThat(role.within(budget(Duration.ofSeconds(5)))).isSameAs(first);
        assertThat(role.resolveCredentials()).isSameAs(first);
        assertThat(sts.assumeRoleRequests()).hasSize(1);

        // moto's session lasts the 15 minutes asked for; with less than 5 left, they are taken again.
        clock.advance(Duration.ofMinutes(11));
        AwsSessionCredentials second = role.within(budget(Duration.ofSeconds(5)));

        assertThat(second.accessKeyId()).isNotEqualTo(first.accessKeyId());
        assertThat(sts.assumeRoleRequests()).hasSize(2).allSatisfy(request -> {
            assertThat(StsQueryStub.form(request, "RoleArn")).isEqualTo(ROLE);
            assertThat(StsQueryStub.form(request, "RoleSessionName")).isEqualTo("shirase-scan");
            assertThat(StsQueryStub.form(request, "DurationSeconds")).isEqualTo("900");
        });
    }

    @Test
    void aRefusalIsKeptForAMomentSoThatOtherRegionsDoNotAskAgain() {
        sts.denyIn("111111111111", "arn:aws:sts::123456789012:assumed-role/scan/shirase-scan");
        AssumedRole role = role();

        assertThatThrownBy(() -> role.within(budget(Duration.ofSeconds(5))))
                .isInstanceOf(AssumedRole.RoleNotAssumedException.class)
                .hasCauseInstanceOf(StsException.class)
                .hasMessageContaining("not authorized to perform: sts:AssumeRole");
        assertThatThrownBy(() -> role.within(budget(Duration.ofSeconds(5))))
                .isInstanceOf(AssumedRole.RoleNotAssumedException.class);
        assertThat(sts.assumeRoleRequests()).hasSize(1);

        clock.advance(AssumedRole.KEEP_FAILURE.plusSeconds(1));
        sts.reset();

        assertThat(role.within(budget(Duration.ofSeconds(5))).accessKeyId()).isNotBlank();
        assertThat(sts.assumeRoleRequests()).hasSize(1);
    }

    @Test
    void anStsThatNeverAnswersTakesTheCallersBudgetAndNoMore() {
        sts.hangIn("111111111111", 30_000);
        AssumedRole role = role();

        long started = System.nanoTime();
        assertThatThrownBy(() -> role.within(budget(Duration.ofSeconds(1))))
                .isInstanceOf(AssumedRole.RoleNotAssumedException.class)
                .hasCauseInstanceOf(ApiCallTimeoutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void theClientsOfARoleAreBuiltOnceAndTheRoleIsNamedInTheFunctionsPartition() {
        AwsClients member = clients.asRole(ROLE, "shirase-scan");

        assertThat(clients.asRole(ROLE, "shirase-scan")).isSameAs(member);
        assertThat(member.rds(software.amazon.awssdk.regions.Region.US_EAST_1))
                .isSameAs(member.rds(software.amazon.awssdk.regions.Region.US_EAST_1));
        assertThat(clients.roleArn("111111111111", "ShiraseReader")).isEqualTo(ROLE);
        assertThat(new AwsClients(Map.of("AWS_REGION", "cn-north-1")).roleArn("111111111111", "ShiraseReader"))
                .isEqualTo("arn:aws-cn:iam::111111111111:role/ShiraseReader");
        assertThat(new AwsClients(Map.of("AWS_REGION", "us-gov-west-1")).roleArn("111111111111", "ShiraseReader"))
                .isEqualTo("arn:aws-us-gov:iam::111111111111:role/ShiraseReader");
    }

    @Test
    void theClientsOfARoleAssumeItThroughTheStsEndpointTheEnvironmentNames() {
        clients.asRole(ROLE, "shirase-scan").credentialsWithin(budget(Duration.ofSeconds(5)));

        assertThat(sts.assumeRoleRequests()).singleElement().satisfies(request -> assertThat(
                request.getHeader("Authorization")).contains("/" + MotoServer.REGION + "/sts/aws4_request"));
    }
}
