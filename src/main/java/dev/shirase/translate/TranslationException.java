package dev.shirase.translate;

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

    private final Kind kind;

    public TranslationException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public TranslationException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
