package dev.shirase.scan;

import dev.shirase.budget.Budget;
import java.util.List;

/** The organization's accounts, for a scan set to read every one of them ({@link ScanAccounts#ORGANIZATION}). */
@FunctionalInterface
public interface MemberAccounts {
    /**
     * For pipelines that read one account (tests, local runs) and have no AWS Organizations: a scan of
     * {@link ScanAccounts#ORGANIZATION} then reports that the accounts could not be listed, and reads its own only.
     */
    MemberAccounts UNAVAILABLE = budget -> {
        throw new UnsupportedOperationException("organization listing is unavailable");
    };

    /** The ids of the organization's ACTIVE accounts, listed within {@code budget}; throws when they cannot be listed. */
    List<String> activeAccounts(Budget budget);
}
