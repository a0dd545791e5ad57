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
 */
public record Outcome(Notice notice, Outgoing message, Dispatch dispatch) {

    /** No channel took the notice: the invocation must fail so that Lambda retries it. */
    public boolean deliveredNowhere() {
        return dispatch.deliveredNowhere();
    }
}
