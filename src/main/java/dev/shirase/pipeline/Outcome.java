package dev.shirase.pipeline;

import dev.shirase.render.RenderedNotice;
import java.util.List;
import java.util.Map;

/**
 * What became of one input.
 *
 * @param notice    the notice as rendered
 * @param delivered the channels that accepted it
 * @param failures  the channels that did not, with why
 */
public record Outcome(RenderedNotice notice, List<String> delivered, Map<String, String> failures) {
    public Outcome {
        delivered = List.copyOf(delivered);
        failures = Map.copyOf(failures);
    }

    /** No channel took the notice: the invocation must fail so that Lambda retries it. */
    public boolean deliveredNowhere() {
        return delivered.isEmpty();
    }
}
