package dev.shirase.translate;

import dev.shirase.aws.AwsClients;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;

/** A translation service did not translate: why, in a kind the notice can name, and AWS's own words. */
public final class TranslationException extends RuntimeException {
    /** Why no translation came back. */
    public enum Kind {
        /** The function may not call the service or model (IAM, model access not granted). */
        DENIED,
        /** The service refused the rate of requests, retries included. */
        THROTTLED,
        /** The time the notice could give the translation ran out. */
        TIMED_OUT,
        /** Any other failure: the service's error, an answer that could not be read, a cut-off answer. */
        FAILED
    }

    /** AWS's error codes that mean the function may not call the service: its permissions, or credentials AWS refuses. */
    private static final Set<String> DENIED_CODES = Set.of("AccessDeniedException", "AccessDenied",
            "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
            "MissingAuthenticationTokenException", "InvalidClientTokenId");

    private final Kind kind;

    public TranslationException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public TranslationException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** What an SDK failure (or a spent budget) means for a translation, whichever service it came from. */
    static Kind kindOf(Throwable failure) {
        if (failure instanceof SdkException e && RetryUtils.isThrottlingException(e)) {
            return Kind.THROTTLED;
        }
        if (failure instanceof AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return code != null && DENIED_CODES.contains(code) || e.statusCode() == 401 || e.statusCode() == 403
                    ? Kind.DENIED : Kind.FAILED;
        }
        return AwsClients.timedOut(failure) ? Kind.TIMED_OUT : Kind.FAILED;
    }

    public Kind kind() {
        return kind;
    }
}
