package dev.shirase.pipeline;

import dev.shirase.deliver.Dispatch;
import dev.shirase.notice.Notice;
import dev.shirase.render.Outgoing;

/**
 * What became of one input.
 *
 * @param notice   the classified notice, or null when not even the fallback notice could be made
 * @param message  what was sent: the rendered notice, or its minimal form
 * @param dispatch which channels took it, and why the others did not
 * @param filtered why it was not sent at all, by the user's choice (filters, per-channel minimums), else null
 */
public record Outcome(Notice notice, Outgoing message, Dispatch dispatch, String filtered) {

    public Outcome(Notice notice, Outgoing message, Dispatch dispatch) {
        this(notice, message, dispatch, null);
    }

    /**
     * The notice was to go out and no channel took it: the invocation must fail so that Lambda retries it. A filtered
     * notice was never to go out, so it has not failed.
     */
    public boolean deliveredNowhere() {
        return filtered == null && dispatch.deliveredNowhere();
    }
}
