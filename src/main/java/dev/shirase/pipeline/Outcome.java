package dev.shirase.pipeline;

import dev.shirase.deliver.Dispatch;
import dev.shirase.notice.Notice;
import dev.shirase.render.Outgoing;

/**
 * What became of one input.
 *
 * @param notice   the classified notice, or null when not even the fallback notice could be made
 * @param message  what was sent: the rendered notice, or its minimal form; null when nothing was to be sent
 * @param dispatch which channels took it, and why the others did not
 * @param filtered why it was not sent at all, by the user's choice (filters, per-channel minimums), else null
 * @param notSent  why nothing was sent by the state table's word (a repeat of a notice already delivered ...), else null
 * @param tracked  the state table recorded which channels took the notice, so a retry sends only to the others
 */
public record Outcome(Notice notice, Outgoing message, Dispatch dispatch, String filtered, String notSent,
        boolean tracked) {

    public Outcome(Notice notice, Outgoing message, Dispatch dispatch) {
        this(notice, message, dispatch, null, null, false);
    }

    static Outcome quiet(Notice notice, String why) {
        return new Outcome(notice, null, Dispatch.none(), null, why, false);
    }

    static Outcome filtered(Notice notice, Outgoing message, String why) {
        return new Outcome(notice, message, Dispatch.none(), why, null, false);
    }

    /** No channel took the notice, and there was one to send it to. */
    public boolean deliveredNowhere() {
        return filtered == null && notSent == null && dispatch.deliveredNowhere();
    }

    /**
     * The invocation must fail so that Lambda retries it: no channel took the notice or, with state, some channel did
     * not (the retry sends to that channel only). Without state a partial delivery is not retried: the channels that
     * took the notice would get it twice.
     */
    public boolean mustRetry() {
        return deliveredNowhere() || (tracked && !dispatch.failures().isEmpty());
    }
}
