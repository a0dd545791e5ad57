package dev.shirase.pipeline;

import dev.shirase.budget.Budget;
import dev.shirase.notice.Notice;

/**
 * Adds what AWS APIs know to a notice, within its share of the invocation's time. Must not throw: a failed or
 * unfinished lookup leaves the notice as it was.
 */
@FunctionalInterface
public interface Enricher {
    Enricher NONE = (notice, budget) -> notice;

    Notice enrich(Notice notice, Budget budget);
}
