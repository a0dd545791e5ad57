package dev.shirase.pipeline;

import dev.shirase.notice.Notice;

/** Adds what AWS APIs know to a notice. Must not throw: a failed lookup leaves the notice as it was. */
@FunctionalInterface
public interface Enricher {
    Enricher NONE = notice -> notice;

    Notice enrich(Notice notice);
}
