package dev.shirase.scan;

/**
 * What reads one account: with the function's own credentials for its own account, through the reader role in a member
 * account.
 */
@FunctionalInterface
public interface PerAccount<T> {

    /**
     * @param account the member account, or null for the function's own
     * @param role    the name of the role to assume in a member account (ignored for the function's own)
     */
    T in(String account, String role);

    /** The same for every account: a test's, or a local run's, which reads one account only. */
    static <T> PerAccount<T> everywhere(T one) {
        return (account, role) -> one;
    }
}
