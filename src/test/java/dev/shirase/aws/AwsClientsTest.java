package dev.shirase.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.budget.Budget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Which failures a send may retry: only those where AWS certainly did not act on the request. */
class AwsClientsTest {

    private static AwsServiceException serviceError(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    private static SdkClientException clientError(IOException cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request").cause(cause).build();
    }

    @Test
    void throttlingAndRefusedConnectionsAreSafeToSendAgain() {
        assertThat(AwsClients.certainlyNotSent(serviceError(400, "Throttling"))).isTrue();
        assertThat(AwsClients.certainlyNotSent(serviceError(429, "TooManyRequestsException"))).isTrue();
        assertThat(AwsClients.certainlyNotSent(clientError(new ConnectException("Connection refused")))).isTrue();
        assertThat(AwsClients.certainlyNotSent(clientError(new SocketTimeoutException("Connect timed out")))).isTrue();
    }

    @Test
    void whatMayHaveReachedTheServiceIsNotSentAgain() {
        assertThat(AwsClients.certainlyNotSent(serviceError(500, "InternalError"))).isFalse();
        assertThat(AwsClients.certainlyNotSent(serviceError(503, "ServiceUnavailable"))).isFalse();
        assertThat(AwsClients.certainlyNotSent(clientError(new SocketTimeoutException("Read timed out")))).isFalse();
        assertThat(AwsClients.certainlyNotSent(clientError(new SocketException("Connection reset")))).isFalse();
        assertThat(AwsClients.certainlyNotSent(serviceError(400, "InvalidParameter"))).isFalse();
    }

    @Test
    void aRequestIsBoundedByTheBudgetLeft() {
        AwsRequestOverrideConfiguration.Builder config = AwsRequestOverrideConfiguration.builder();
        AwsClients.within(Budget.of(Duration.ofSeconds(4))).accept(config);

        AwsRequestOverrideConfiguration built = config.build();
        assertThat(built.apiCallTimeout()).hasValueSatisfying(t -> assertThat(t)
                .isLessThanOrEqualTo(Duration.ofSeconds(4)).isGreaterThan(Duration.ofSeconds(3)));
        assertThat(built.apiCallAttemptTimeout()).hasValueSatisfying(t -> assertThat(t)
                .isLessThanOrEqualTo(Duration.ofSeconds(4)));
    }

    @Test
    void attemptsAreCappedEvenWithALongBudget() {
        AwsRequestOverrideConfiguration.Builder config = AwsRequestOverrideConfiguration.builder();
        AwsClients.within(Budget.of(Duration.ofMinutes(4))).accept(config);

        assertThat(config.build().apiCallAttemptTimeout()).contains(AwsClients.ATTEMPT_TIMEOUT);
    }

    @Test
    void noCallIsMadeOnASpentBudget() {
        assertThatThrownBy(() -> AwsClients.within(Budget.of(Duration.ZERO)))
                .isInstanceOf(AwsClients.BudgetSpentException.class);
    }

    @Test
    void aClientIsBuiltAheadWhileTheCallerGoesOn() throws InterruptedException {
        AwsClients clients = new AwsClients(Map.of("AWS_REGION", "ap-northeast-1"));
        CountDownLatch callerWentOn = new CountDownLatch(1);
        CountDownLatch built = new CountDownLatch(1);
        AtomicBoolean sawTheCallerGoOn = new AtomicBoolean();

        clients.buildAhead(c -> {
            try {
                sawTheCallerGoOn.set(callerWentOn.await(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.rds();
            built.countDown();
        });
        callerWentOn.countDown();

        assertThat(built.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sawTheCallerGoOn).isTrue();
        assertThat(clients.builtClients()).containsExactly("rds ap-northeast-1");
    }

    @Test
    void aClientThatCannotBeBuiltAheadFailsOnlyWhenUsed() throws InterruptedException {
        AwsClients noRegion = new AwsClients(Map.of());

        noRegion.buildAhead(AwsClients::rds);
        Thread.sleep(200);

        assertThatThrownBy(noRegion::rds).hasMessageContaining("region");
    }
}
