package dev.shirase.deliver;

import dev.shirase.budget.Budget;
import dev.shirase.budget.SideBySide;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.log.Redaction;
import dev.shirase.render.Outgoing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Sends one message to every channel, each in its own failure domain: channels run side by side, each within the
 * delivery budget, and one that fails, hangs or cannot render its payload does not stop the others. A channel whose
 * payload cannot be built sends the message's minimal form instead ({@link Outgoing#fallback}).
 *
 * @param delivered the channels that accepted the message
 * @param failures  the channels that did not, with why (addresses removed)
 * @param fallbacks the channels that sent the minimal form, with why their own payload could not be built
 */
public record Dispatch(List<String> delivered, Map<String, String> failures, Map<String, String> fallbacks) {

    /** Time to collect the channels' results after the budget ends, before a channel counts as hung. */
    private static final Duration GRACE = Duration.ofMillis(200);

    public Dispatch {
        delivered = List.copyOf(delivered);
        failures = Map.copyOf(failures);
        fallbacks = Map.copyOf(fallbacks);
    }

    public static Dispatch none() {
        return new Dispatch(List.of(), Map.of(), Map.of());
    }

    public static Dispatch send(Outgoing message, List<Channel> channels, Budget budget, JsonLog log,
            Map<String, ?> logFields) {
        Map<String, String> fallbacks = new LinkedHashMap<>();
        Map<String, Channel.Delivery> deliveries = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Channel channel : channels) {
            try {
                deliveries.put(channel.name(), prepare(channel, message, fallbacks, log, logFields));
            } catch (RuntimeException | Error e) {
                fail(channel.name(), "could not build even the minimal notice: " + e, failures, log, logFields);
            }
        }
        Map<String, Callable<Void>> sends = new LinkedHashMap<>();
        deliveries.forEach((name, delivery) -> sends.put(name, () -> {
            delivery.send(budget);
            return null;
        }));
        List<String> delivered = new ArrayList<>();
        SideBySide.run(sends, budget, GRACE).forEach((name, ending) -> {
            switch (ending) {
                case SideBySide.Done<Void> done -> delivered.add(name);
                case SideBySide.Failed<Void> failed -> fail(name, failed.cause() instanceof DeliveryException
                        ? failed.cause().getMessage() : String.valueOf(failed.cause()), failures, log, logFields);
                case SideBySide.Abandoned<Void> abandoned -> fail(name, abandoned.waitInterrupted() ? "interrupted"
                        : "no answer within the time budget", failures, log, logFields);
            }
        });
        return new Dispatch(delivered, failures, fallbacks);
    }

    /** The channel's payload, or the minimal form's when its own cannot be built. */
    private static Channel.Delivery prepare(Channel channel, Outgoing message, Map<String, String> fallbacks,
            JsonLog log, Map<String, ?> logFields) {
        try {
            return channel.prepare(message);
        } catch (RuntimeException | Error defect) {
            String why = defect.getClass().getSimpleName() + ": " + defect.getMessage();
            fallbacks.put(channel.name(), Redaction.value(why));
            Map<String, Object> fields = new LinkedHashMap<>(logFields);
            fields.put("channel", channel.name());
            fields.put("error", why);
            log.error("could not render the notice for this channel; sending its minimal form", fields);
            return channel.prepare(message.fallback(why));
        }
    }

    private static void fail(String channel, String why, Map<String, String> failures, JsonLog log,
            Map<String, ?> logFields) {
        String reason = Redaction.value(why);
        failures.put(channel, reason);
        Map<String, Object> fields = new LinkedHashMap<>(logFields);
        fields.put("channel", channel);
        fields.put("error", reason);
        log.error("delivery failed", fields);
    }

    /** Counts each channel's outcome in the delivery metrics, under {@code category}. */
    public void count(Metrics metrics, String category) {
        delivered.forEach(channel -> metrics.delivery(channel, category, true));
        failures.keySet().forEach(channel -> metrics.delivery(channel, category, false));
    }

    /** No channel took the message. */
    public boolean deliveredNowhere() {
        return delivered.isEmpty();
    }
}
