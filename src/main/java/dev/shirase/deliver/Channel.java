package dev.shirase.deliver;

import dev.shirase.render.Outgoing;

/** One way a notice or digest goes out. {@link #send} returns normally only when the channel accepted the notice. */
public interface Channel {

    /** A short name for logs and results: sns, ses, console. */
    String name();

    void send(Outgoing notice) throws DeliveryException;
}
