package dev.shirase.deliver;

import dev.shirase.log.JsonLog;
import dev.shirase.render.Outgoing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends one message to every channel: a channel that fails is logged and does not stop the others.
 *
 * @param delivered the channels that accepted the message
 * @param failures  the channels that did not, with why
 */
public record Dispatch(List<String> delivered, Map<String, String> failures) {

    public Dispatch {
        delivered = List.copyOf(delivered);
        failures = Map.copyOf(failures);
    }

    public static Dispatch send(Outgoing message, List<Channel> channels, JsonLog log, Map<String, ?> logFields) {
        List<String> delivered = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Channel channel : channels) {
            try {
                channel.send(message);
                delivered.add(channel.name());
            } catch (DeliveryException e) {
                failures.put(channel.name(), String.valueOf(e.getMessage()));
                Map<String, Object> fields = new LinkedHashMap<>(logFields);
                fields.put("channel", channel.name());
                fields.put("error", String.valueOf(e.getMessage()));
                log.error("delivery failed", fields);
            }
        }
        return new Dispatch(delivered, failures);
    }

    /** No channel took the message. */
    public boolean deliveredNowhere() {
        return delivered.isEmpty();
    }
}
