package dev.shirase.deliver;

/** A channel did not accept a notice. */
public final class DeliveryException extends RuntimeException {
    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
