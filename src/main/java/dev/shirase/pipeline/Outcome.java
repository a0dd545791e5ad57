package dev.shirase.pipeline;

import dev.shirase.deliver.Dispatch;
import dev.shirase.render.RenderedNotice;

/**
 * What became of one input.
 *
 * @param notice   the notice as rendered
 * @param dispatch which channels took it, and why the others did not
 */
public record Outcome(RenderedNotice notice, Dispatch dispatch) {

    /** No channel took the notice: the invocation must fail so that Lambda retries it. */
    public boolean deliveredNowhere() {
        return dispatch.deliveredNowhere();
    }
}
