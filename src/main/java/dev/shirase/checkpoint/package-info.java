/**
 * A checkpoint/restore runtime for local runs, shaped as {@code org.crac} looks for one (its system property
 * {@code org.crac.Core.Compat} names this package). With it, {@code shirase invoke --snapstart} runs the hooks the
 * handlers register through {@code org.crac.Core.getGlobalContext()} the way Lambda SnapStart does: every
 * {@code beforeCheckpoint} (last registered first) before the snapshot, every {@code afterRestore} (in order of
 * registration) after it. Nothing is saved to disk: the same process goes on, as a restored one would.
 */
package dev.shirase.checkpoint;
