package dev.shirase.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.aws.AwsClients;
import dev.shirase.translate.TranslationException.Kind;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;

/** {@link BedrockConverse}'s reading of the SDK's exceptions, and the room it gives an answer. */
class BedrockConverseTest {
    /** Each failure, with the status Bedrock sends it with, and the kind it is. */
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(error(ServiceQuotaExceededException.builder(), 400, "ServiceQuotaExceededException"),
                        Kind.THROTTLED),
                Arguments.of(error(ModelTimeoutException.builder(), 408, "ModelTimeoutException"), Kind.TIMED_OUT),
                // Status 429 alone would read as throttling: a model that is not ready is not there to wait for.
                Arguments.of(error(ModelNotReadyException.builder(), 429, "ModelNotReadyException"), Kind.FAILED),
                Arguments.of(error(ModelErrorException.builder(), 424, "ModelErrorException"), Kind.FAILED),
                Arguments.of(error(ResourceNotFoundException.builder(), 404, "ResourceNotFoundException"), Kind.FAILED),
                // Errors of no class of their own, read by status and code.
                Arguments.of(error(BedrockRuntimeException.builder(), 403, "ExpiredTokenException"), Kind.DENIED),
                Arguments.of(error(BedrockRuntimeException.builder(), 400, "UnrecognizedClientException"), Kind.DENIED),
                Arguments.of(error(BedrockRuntimeException.builder(), 400, "TooManyRequestsException"), Kind.THROTTLED),
                Arguments.of(error(BedrockRuntimeException.builder(), 503, "ServiceUnavailable"), Kind.FAILED),
                // Timeouts, wherever they are in the causes.
                Arguments.of(ApiCallAttemptTimeoutException.create(10_000), Kind.TIMED_OUT),
                Arguments.of(SdkClientException.create("Unable to execute HTTP request",
                        new SocketTimeoutException("Read timed out")), Kind.TIMED_OUT),
                Arguments.of(new AwsClients.BudgetSpentException("spent"), Kind.TIMED_OUT),
                Arguments.of(SdkClientException.create("Unable to unmarshall response"), Kind.FAILED));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("failures")
    void eachFailureIsTheKindItsReaderActsOn(Throwable failure, Kind kind) {
        assertThat(BedrockConverse.kind(failure)).isEqualTo(kind);
    }

    @Test
    void anAnswerGetsATokenPerByteOfEnglishWithinBounds() {
        assertThat(BedrockConverse.maxTokens("Reboot.")).isEqualTo(BedrockConverse.MIN_TOKENS);
        assertThat(BedrockConverse.maxTokens("x".repeat(3_000))).isEqualTo(3_000);
        assertThat(BedrockConverse.maxTokens("x".repeat(BedrockConverse.MAX_BYTES))).isLessThan(BedrockConverse.MAX_TOKENS);
        assertThat(BedrockConverse.maxTokens("x".repeat(20_000))).isEqualTo(BedrockConverse.MAX_TOKENS);
    }

    private static AwsServiceException error(AwsServiceException.Builder builder, int status, String code) {
        return builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("from AWS").build())
                .build();
    }
}
