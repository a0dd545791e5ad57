package dev.shirase.checkpoint;

/** One or more {@code afterRestore} hooks failed; each failure is a suppressed exception. */
public class RestoreException extends Exception {
    public RestoreException() {
        super("an afterRestore hook failed");
    }
}
