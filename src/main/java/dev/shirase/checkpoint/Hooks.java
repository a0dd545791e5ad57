package dev.shirase.checkpoint;

import java.util.ArrayList;
import java.util.List;

/** The registered resources, and their hooks called as a checkpoint and a restore call them. */
final class Hooks extends Context<Resource> {
    private final List<Resource> resources = new ArrayList<>();

    @Override
    public synchronized void register(Resource resource) {
        resources.add(resource);
    }

    synchronized int size() {
        return resources.size();
    }

    private synchronized List<Resource> registered() {
        return List.copyOf(resources);
    }

    /** Every {@code beforeCheckpoint}, the last registered first; all run even when one fails, then the failures throw. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
        CheckpointException failed = new CheckpointException();
        for (Resource resource : registered().reversed()) {
            try {
                resource.beforeCheckpoint(this);
            } catch (Exception e) {
                failed.addSuppressed(e);
            }
        }
        if (failed.getSuppressed().length > 0) {
            throw failed;
        }
    }

    /** Every {@code afterRestore}, in order of registration; all run even when one fails, then the failures throw. */
    @Override
    public void afterRestore(Context<? extends Resource> context) throws RestoreException {
        RestoreException failed = new RestoreException();
        for (Resource resource : registered()) {
            try {
                resource.afterRestore(this);
            } catch (Exception e) {
                failed.addSuppressed(e);
            }
        }
        if (failed.getSuppressed().length > 0) {
            throw failed;
        }
    }
}
