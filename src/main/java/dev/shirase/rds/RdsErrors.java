package dev.shirase.rds;

import dev.shirase.aws.AwsClients;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.RegionGap.Cause;
import dev.shirase.scan.RegionGap.Missing;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What a failed call of the scan (RDS, and the AssumeRole or listing that comes before it) means for the reader of the
 * digest: a cause to act on, and AWS's own message.
 */
public final class RdsErrors {
    private RdsErrors() {
    }

    public static RegionGap notScanned(Throwable failure) {
        return gap(Missing.PENDING_ACTIONS, failure);
    }

    public static RegionGap detailsUnread(Throwable failure) {
        return gap(Missing.DATABASE_DETAILS, failure);
    }

    /**
     * No region of the member {@code account} could be read, because its reader role could not be assumed:
     * {@code failure} is STS's error (or the SDK's), the cause of the {@code RoleNotAssumedException}.
     */
    public static RegionGap roleNotAssumed(String account, Throwable failure) {
        Cause cause = cause(failure);
        return RegionGap.roleNotAssumed(account, cause, cause == Cause.TIME_RAN_OUT ? null : message(failure));
    }

    /** The organization's accounts could not be listed. */
    public static RegionGap membersUnlisted(Throwable failure) {
        Cause cause = cause(failure);
        return RegionGap.membersUnlisted(cause, cause == Cause.TIME_RAN_OUT ? null : message(failure));
    }

    /** A timeout's message says nothing the cause does not, so it is left out. */
    private static RegionGap gap(Missing missing, Throwable failure) {
        Cause cause = cause(failure);
        String error = cause == Cause.TIME_RAN_OUT ? null : message(failure);
        return missing == Missing.DATABASE_DETAILS ? RegionGap.detailsUnread(cause, error)
                : RegionGap.notScanned(cause, error);
    }

    static Cause cause(Throwable failure) {
        if (failure instanceof AwsServiceException e) {
            if (e.isThrottlingException()) {
                return Cause.THROTTLED;
            }
            // A missing permission, or credentials the region does not accept: either way, access is what to check.
            return e.statusCode() == 401 || e.statusCode() == 403 ? Cause.ACCESS_DENIED : Cause.FAILED;
        }
        return AwsClients.timedOut(failure) ? Cause.TIME_RAN_OUT : Cause.FAILED;
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
