package dev.shirase.ec2;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The scheduled events could not be read: the caller knows nothing of the instances asked for, and must not take
 * them as done. The cause is the SDK's exception (or the budget's).
 */
public final class InstanceEventsException extends RuntimeException {
    private final String region;

    public InstanceEventsException(String region, Throwable cause) {
        super("the scheduled events of EC2 instances in " + region + " could not be read: " + awsMessage(cause), cause);
        this.region = region;
    }

    public String region() {
        return region;
    }

    /** AWS's own message, without the SDK's suffix (service, status code, request id). */
    private static String awsMessage(Throwable failure) {
        if (failure instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorMessage() != null) {
            String code = e.awsErrorDetails().errorCode();
            return (code == null ? "" : code + ": ") + e.awsErrorDetails().errorMessage();
        }
        return String.valueOf(failure.getMessage());
    }
}
