package dev.shirase.scan;

import dev.shirase.budget.Budget;
import java.util.List;

/** The organization's accounts, for a scan set to read every one of them ({@link ScanAccounts#ORGANIZATION}). */
@FunctionalInterface
public interface MemberAccounts {
    /** No listing is wired in: a scan of the organization reports that, and reads its own account only. */
    MemberAccounts UNAVAILABLE = budget -> {
        throw new UnsupportedOperationException("organization listing is unavailable");
    };

    /** The ids of the organization's ACTIVE accounts, listed within {@code budget}; throws when they cannot be listed. */
    List<String> activeAccounts(Budget budget);
}
