package dev.shirase.deliver;

import dev.shirase.budget.Budget;
import dev.shirase.render.Outgoing;

/**
 * One way a notice or digest goes out, in two steps that fail apart: {@link #prepare} builds this channel's payload
 * (rendering, no I/O), and the {@link Delivery} it returns sends it within a time budget.
 */
public interface Channel {

    /** A short name for logs, metrics and results: sns, ses, console. */
    String name();

    /** Builds what this channel sends from the message. An exception here is a rendering defect, not a delivery failure. */
    Delivery prepare(Outgoing message);

    /** A payload ready to go. */
    @FunctionalInterface
    interface Delivery {
        /** Returns normally only when the channel accepted the payload; never runs past {@code budget}. */
        void send(Budget budget) throws DeliveryException;
    }
}
