package dev.shirase.checkpoint;

/**
 * The global context and the checkpoint itself. {@link #use()} must run before anything touches {@code org.crac.Core},
 * which reads its system property once, when it is loaded.
 */
public final class Core {
    /** The system property by which {@code org.crac.Core} finds a checkpoint/restore runtime. */
    static final String COMPAT = "org.crac.Core.Compat";
    private static final Hooks GLOBAL = new Hooks();

    private Core() {
    }

    /** Makes this package the runtime behind {@code org.crac.Core} for this process. */
    public static void use() {
        System.setProperty(COMPAT, Core.class.getPackageName());
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** Runs every hook as a checkpoint followed at once by a restore does. */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        checkpoint();
        restore();
    }

    /** Every registered {@code beforeCheckpoint}, the last registered first, as a snapshot is about to be taken. */
    public static void checkpoint() throws CheckpointException {
        GLOBAL.beforeCheckpoint(null);
    }

    /** Every registered {@code afterRestore}, in order of registration, as a restored process resumes. */
    public static void restore() throws RestoreException {
        GLOBAL.afterRestore(null);
    }

    /** How many resources are registered (org.crac registers one proxy for each of its resources). */
    public static int registered() {
        return GLOBAL.size();
    }
}
