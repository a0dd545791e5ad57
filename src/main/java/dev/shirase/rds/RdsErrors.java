package dev.shirase.rds;

import dev.shirase.aws.AwsClients;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.RegionGap.Cause;
import dev.shirase.scan.RegionGap.Missing;
import java.net.SocketTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/** What a failed RDS call means for the reader of the digest: a cause to act on, and AWS's own message. */
public final class RdsErrors {
    private RdsErrors() {
    }

    public static RegionGap notScanned(Throwable failure) {
        return gap(Missing.PENDING_ACTIONS, failure);
    }

    public static RegionGap detailsUnread(Throwable failure) {
        return gap(Missing.DATABASE_DETAILS, failure);
    }

    /** A timeout's message says nothing the cause does not, so it is left out. */
    private static RegionGap gap(Missing missing, Throwable failure) {
        Cause cause = cause(failure);
        return new RegionGap(missing, cause, cause == Cause.TIME_RAN_OUT ? null : message(failure));
    }

    static Cause cause(Throwable failure) {
        if (failure instanceof AwsServiceException e) {
            if (e.isThrottlingException()) {
                return Cause.THROTTLED;
            }
            // A missing permission, or credentials the region does not accept: either way, access is what to check.
            return e.statusCode() == 401 || e.statusCode() == 403 ? Cause.ACCESS_DENIED : Cause.FAILED;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AwsClients.BudgetSpentException || t instanceof ApiCallTimeoutException
                    || t instanceof ApiCallAttemptTimeoutException || t instanceof SocketTimeoutException) {
                return Cause.TIME_RAN_OUT;
            }
        }
        return Cause.FAILED;
    }

    /** AWS's message without the SDK's suffix (service, status code, request id). */
    private static String message(Throwable failure) {
        if (failure instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorMessage() != null) {
            return e.awsErrorDetails().errorMessage();
        }
        return String.valueOf(failure.getMessage());
    }
}
