package dev.shirase.checkpoint;

/** What org.crac's resources become here: {@code org.crac.Core} registers a proxy of this interface for each one. */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
