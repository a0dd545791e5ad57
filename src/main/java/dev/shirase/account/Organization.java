package dev.shirase.account;

import dev.shirase.budget.Budget;
import java.util.List;

/**
 * What AWS Organizations says of its accounts and its tree, one call at a time, each within a budget. The one interface
 * between the {@link AccountDirectory} and the SDK, so the directory's caching and fallbacks are tested without it.
 */
public interface Organization {

    /**
     * An account of the organization.
     *
     * @param state ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED ... as Organizations reports it
     */
    record Account(String id, String name, String state) {
        public boolean active() {
            return "ACTIVE".equals(state);
        }
    }

    /** One page of {@code ListAccounts}; {@code nextToken} null on the last. */
    record Page(List<Account> accounts, String nextToken) {
        public Page {
            accounts = List.copyOf(accounts);
        }
    }

    /** The page of accounts after {@code token} (null: the first). */
    Page accounts(String token, Budget budget);

    /**
     * The OU or root that directly holds {@code childId} (an account or an OU), or null when Organizations does not know
     * the child (an account outside the organization).
     */
    String parent(String childId, Budget budget);

    /** Why Organizations could not answer. */
    enum Cause {
        /** Not allowed, or no organization: asking again will not help while this function runs. */
        LASTING,
        /** The budget ended first (a slow or hanging endpoint). */
        TIME,
        /** Throttled, a server error, or anything else that may pass. */
        FAILED
    }

    /** Organizations could not answer, and why. */
    final class Unavailable extends RuntimeException {
        private final Cause cause;

        public Unavailable(Cause cause, String message, Throwable reason) {
            super(message, reason);
            this.cause = cause;
        }

        public Cause why() {
            return cause;
        }
    }
}
