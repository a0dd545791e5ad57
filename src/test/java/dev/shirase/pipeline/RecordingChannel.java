package dev.shirase.pipeline;

import dev.shirase.deliver.Channel;
import dev.shirase.render.Outgoing;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel named "recording" that renders the text, as every channel does, and keeps what it was sent. */
final class RecordingChannel implements Channel {
    final List<Outgoing> sent = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public Delivery prepare(Outgoing message) {
        message.text();
        return budget -> sent.add(message);
    }
}
