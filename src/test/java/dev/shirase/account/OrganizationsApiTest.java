package dev.shirase.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.aws.AwsClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;

/** Which failures of Organizations are worth asking again, and when. */
class OrganizationsApiTest {

    @Test
    void aRefusalLastsWhileTheFunctionRuns() {
        assertThat(OrganizationsApi.cause(AccessDeniedException.builder().statusCode(400).build()))
                .isEqualTo(Organization.Cause.LASTING);
        assertThat(OrganizationsApi.cause(AwsOrganizationsNotInUseException.builder().statusCode(400).build()))
                .isEqualTo(Organization.Cause.LASTING);
        assertThat(OrganizationsApi.cause(OrganizationsException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnrecognizedClientException").build()).build()))
                .isEqualTo(Organization.Cause.LASTING);
    }

    @Test
    void aTimeoutIsTheBudgetAndThrottlingMayPass() {
        assertThat(OrganizationsApi.cause(ApiCallTimeoutException.create(2000))).isEqualTo(Organization.Cause.TIME);
        assertThat(OrganizationsApi.cause(new AwsClients.BudgetSpentException("spent")))
                .isEqualTo(Organization.Cause.TIME);
        assertThat(OrganizationsApi.cause(TooManyRequestsException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException").build()).build()))
                .isEqualTo(Organization.Cause.FAILED);
        assertThat(OrganizationsApi.cause(SdkClientException.create("connection reset")))
                .isEqualTo(Organization.Cause.FAILED);
    }
}
