package dev.shirase.deliver;

import dev.shirase.budget.Budget;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Redaction;
import dev.shirase.render.Outgoing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
                fail(channel, "could not build even the minimal notice: " + e, failures, log, logFields);
            }
        }
        List<String> delivered = new ArrayList<>();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Map<String, Future<?>> running = new LinkedHashMap<>();
            deliveries.forEach((name, delivery) -> running.put(name, threads.submit(() -> {
                delivery.send(budget);
                return null;
            })));
            for (Channel channel : channels) {
                Future<?> result = running.get(channel.name());
                if (result == null) {
                    continue;
                }
                try {
                    result.get(budget.remaining().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
                    delivered.add(channel.name());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    fail(channel, cause instanceof DeliveryException ? cause.getMessage() : String.valueOf(cause),
                            failures, log, logFields);
                } catch (TimeoutException e) {
                    result.cancel(true);
                    fail(channel, "no answer within the time budget", failures, log, logFields);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.cancel(true);
                    fail(channel, "interrupted", failures, log, logFields);
                }
            }
        } finally {
            // Not close(): it would wait for a hung channel. Its thread is interrupted and its SDK call bounded anyway.
            threads.shutdownNow();
        }
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

    private static void fail(Channel channel, String why, Map<String, String> failures, JsonLog log,
            Map<String, ?> logFields) {
        String reason = Redaction.value(why);
        failures.put(channel.name(), reason);
        Map<String, Object> fields = new LinkedHashMap<>(logFields);
        fields.put("channel", channel.name());
        fields.put("error", reason);
        log.error("delivery failed", fields);
    }

    /** No channel took the message. */
    public boolean deliveredNowhere() {
        return delivered.isEmpty();
    }
}
