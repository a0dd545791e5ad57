package dev.shirase.checkpoint;

/** One or more {@code beforeCheckpoint} hooks failed; each failure is a suppressed exception. */
public class CheckpointException extends Exception {
    public CheckpointException() {
        super("a beforeCheckpoint hook failed");
    }
}
