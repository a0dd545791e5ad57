package dev.shirase.rds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.aws.AwsClients;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.RegionGap.Cause;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.rds.model.RdsException;

class RdsErrorsTest {

    /** As the SDK builds it from a Query API error: its message carries the service, status and request id. */
    private static RdsException serviceError(int status, String code, String message) {
        return (RdsException) RdsException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Rds").build())
                .message(message + " (Service: Rds, Status Code: " + status + ", Request ID: 6eccd9e3)")
                .build();
    }

    @Test
    void throttlingIsThrottledWithAwsOwnMessage() {
        assertThat(RdsErrors.notScanned(serviceError(400, "Throttling", "Rate exceeded")))
                .isEqualTo(RegionGap.notScanned(Cause.THROTTLED, "Rate exceeded"));
    }

    @Test
    void aRefusedPermissionIsAccessDenied() {
        String message = "User: arn:aws:sts::123456789012:assumed-role/scan/shirase is not authorized to perform: "
                + "rds:DescribeDBClusters";

        assertThat(RdsErrors.detailsUnread(serviceError(403, "AccessDenied", message)))
                .isEqualTo(RegionGap.detailsUnread(Cause.ACCESS_DENIED, message));
        assertThat(RdsErrors.notScanned(serviceError(403, "InvalidClientTokenId",
                "The security token included in the request is invalid.")).cause()).isEqualTo(Cause.ACCESS_DENIED);
    }

    @Test
    void runningOutOfTimeSaysNothingMoreThanThat() {
        assertThat(RdsErrors.notScanned(ApiCallTimeoutException.create(1846)))
                .isEqualTo(RegionGap.notScanned(Cause.TIME_RAN_OUT, null));
        assertThat(RdsErrors.notScanned(new AwsClients.BudgetSpentException("no time left")))
                .isEqualTo(RegionGap.notScanned(Cause.TIME_RAN_OUT, null));
        assertThat(RdsErrors.notScanned(SdkClientException.create("Unable to execute HTTP request: Read timed out",
                new SocketTimeoutException("Read timed out")))).isEqualTo(RegionGap.notScanned(Cause.TIME_RAN_OUT, null));
    }

    @Test
    void anythingElseFailedWithItsMessage() {
        assertThat(RdsErrors.notScanned(serviceError(500, "InternalFailure", "An internal error occurred")))
                .isEqualTo(RegionGap.notScanned(Cause.FAILED, "An internal error occurred"));
        assertThat(RdsErrors.notScanned(SdkClientException.create("Unable to execute HTTP request: Connection refused")))
                .isEqualTo(RegionGap.notScanned(Cause.FAILED, "Unable to execute HTTP request: Connection refused"));
    }
}
