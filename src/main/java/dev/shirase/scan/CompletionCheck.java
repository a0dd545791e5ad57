package dev.shirase.scan;

import dev.shirase.budget.Budget;
import dev.shirase.notice.Notice;
import java.util.Set;

/** Asks AWS whether the work a story announced is done, where AWS can tell. */
@FunctionalInterface
public interface CompletionCheck {
    /** AWS cannot tell for any story: nothing is ever found done. */
    CompletionCheck NONE = (notice, accounts, budget) -> Set.of();

    /**
     * The resources of {@code notice} that AWS shows done; empty when none is, or when AWS cannot tell for this kind of
     * story, or when the story's account is not one of {@code accounts}. Throws when it could not ask: then nothing is
     * taken as done.
     */
    Set<String> done(Notice notice, ScanAccounts accounts, Budget budget);
}
