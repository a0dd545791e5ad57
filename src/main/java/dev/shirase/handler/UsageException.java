package dev.shirase.handler;

/** The command line asks for something the tool does not do. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
