package dev.shirase.state;

import dev.shirase.budget.Budget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where stories are kept. Every method throws {@link StateUnavailableException} when the store cannot answer. */
public interface StateStore {

    Optional<Tracked> read(String id, Budget budget);

    /**
     * Writes {@code next} if the stored story is still at {@code next.version() - 1} (or absent, for version 1).
     *
     * @return false when another invocation wrote first: read again and decide again
     */
    boolean write(Tracked next, Instant now, Budget budget);

    /** Adds {@code channels} to those that accepted notice {@code revision}; releases the lease when {@code release}. */
    void delivered(String id, int revision, Set<String> channels, boolean release, Budget budget);

    /** Every open story with a date, earliest first (the scan's reminders). */
    List<Tracked> open(Budget budget);

    /** Thrown when the store cannot be reached or answers with an error. */
    final class StateUnavailableException extends RuntimeException {
        public StateUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
