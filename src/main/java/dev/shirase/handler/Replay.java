package dev.shirase.handler;

import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.deliver.Channels;
import dev.shirase.handler.FailureMessage.Replayable;
import dev.shirase.handler.FailureMessage.Unreadable;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code shirase replay}: runs what the failure queue holds through the function's handler again, once the cause of the
 * failure is fixed. A message is deleted only after its handler returned normally, that is after its notice was
 * delivered; one that fails again stays on the queue, visible again when the run ends.
 *
 * <p>Messages are taken one at a time and hidden while the run holds them, so a run sees each message once: one that
 * comes round again (the run outlasted its hiding) is hidden again, not run twice.
 */
final class Replay {
    /** How long a received message stays hidden: long enough for the slowest function to run it, and some. */
    static final Duration HOLD = TemplateFunction.longestTimeout().plusSeconds(30);
    /** Each SQS call, with its retries. */
    static final Duration SQS_CALL = Duration.ofSeconds(20);
    /** Long polling asks every SQS server, so an empty answer means an empty queue; one second is enough for that. */
    private static final int WAIT_SECONDS = 1;

    /** Starts a function's handler; {@link LocalInvoke#LocalInvoke(TemplateFunction)} outside tests. */
    @FunctionalInterface
    interface Handlers {
        LocalInvoke start(TemplateFunction function) throws Exception;
    }

    private enum Outcome { REPLAYED, FAILED, UNREADABLE, LISTED }

    private final SqsClient sqs;
    private final String queueUrl;
    private final Handlers handlers;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration hold;
    private final Map<TemplateFunction, LocalInvoke> started = new EnumMap<>(TemplateFunction.class);

    /** What happened to each message goes to {@code out}; errors and the handlers' logs to {@code err}. */
    Replay(SqsClient sqs, String queueUrl, Handlers handlers, PrintStream out, PrintStream err) {
        this(sqs, queueUrl, handlers, out, err, HOLD);
    }

    /** {@code hold}: how long each received message stays hidden; tests shorten it. */
    Replay(SqsClient sqs, String queueUrl, Handlers handlers, PrintStream out, PrintStream err, Duration hold) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.handlers = handlers;
        this.out = out;
        this.err = err;
        this.hold = hold;
    }

    /** Whether the environment names a channel: without one a replayed notice would only reach the console. */
    static boolean deliversSomewhere(Map<String, String> env) {
        return isSet(env, Channels.TOPIC_ARN) || (isSet(env, Channels.MAIL_FROM) && isSet(env, Channels.MAIL_TO));
    }

    private static boolean isSet(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    /** Exit status: 0 when every message taken was replayed (or, with {@code dryRun}, could be), 1 otherwise. */
    int run(OptionalInt max, boolean dryRun) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        // Message id -> its latest receipt handle, for what this run leaves on the queue.
        Map<String, String> held = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        boolean maxReached = false;
        boolean queueUnreadable = false;
        int cameRoundInARow = 0;
        while (true) {
            if (max.isPresent() && seen.size() >= max.getAsInt()) {
                maxReached = true;
                break;
            }
            Optional<Message> next;
            try {
                next = receive();
            } catch (SdkException e) {
                err.println("shirase: cannot read " + queueUrl + ": " + e.getMessage());
                queueUnreadable = true;
                break;
            }
            if (next.isEmpty()) {
                break;
            }
            Message message = next.get();
            if (!seen.add(message.messageId())) {
                // Received again with a new receipt handle, and hidden again by that receive.
                held.put(message.messageId(), message.receiptHandle());
                if (++cameRoundInARow > held.size()) {
                    break;
                }
                continue;
            }
            cameRoundInARow = 0;
            Outcome outcome = handle(message, dryRun);
            counts.merge(outcome, 1, Integer::sum);
            if (outcome != Outcome.REPLAYED) {
                held.put(message.messageId(), message.receiptHandle());
            }
        }
        release(held);
        out.println(summary(counts, held.size(), dryRun, maxReached ? max : OptionalInt.empty()));
        boolean allWell = !queueUnreadable && counts.getOrDefault(Outcome.FAILED, 0) == 0
                && counts.getOrDefault(Outcome.UNREADABLE, 0) == 0;
        return allWell ? 0 : 1;
    }

    private Optional<Message> receive() {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(1)
                        .visibilityTimeout((int) hold.toSeconds())
                        .waitTimeSeconds(WAIT_SECONDS)
                        .messageAttributeNames("All")
                        .overrideConfiguration(withinCall()))
                .messages().stream().findFirst();
    }

    private Outcome handle(Message message, boolean dryRun) {
        Map<String, String> attributes = message.messageAttributes().entrySet().stream()
                .filter(e -> e.getValue().stringValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stringValue()));
        return switch (FailureMessage.read(message.body(), attributes)) {
            case Unreadable unreadable -> {
                out.println("left     message " + message.messageId() + ": " + unreadable.reason());
                yield Outcome.UNREADABLE;
            }
            case Replayable replayable when dryRun -> {
                out.println("would replay " + describe(replayable)
                        + (replayable.lastError() == null ? "" : "; it failed with " + replayable.lastError()));
                yield Outcome.LISTED;
            }
            case Replayable replayable -> replay(message, replayable);
        };
    }

    private Outcome replay(Message message, Replayable replayable) {
        LocalInvoke handler;
        try {
            handler = handler(replayable.function());
        } catch (Exception | LinkageError e) {
            out.println("failed   " + describe(replayable) + ": cannot start " + replayable.function().handler() + ": "
                    + Cli.rootMessage(e));
            return Outcome.FAILED;
        }
        String result;
        try {
            result = handler.invoke(replayable.event(), err);
        } catch (Exception e) {
            out.println("failed   " + describe(replayable) + ": " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
            return Outcome.FAILED;
        }
        try {
            sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle())
                    .overrideConfiguration(withinCall()));
        } catch (SdkException e) {
            out.println("failed   " + describe(replayable) + ": delivered, but not deleted from the queue, so a later "
                    + "replay would send it again: " + e.getMessage());
            return Outcome.FAILED;
        }
        out.println("replayed " + describe(replayable) + ": " + result.strip());
        return Outcome.REPLAYED;
    }

    /** The handler, started on first use and kept, as Lambda keeps an execution environment. */
    private LocalInvoke handler(TemplateFunction function) throws Exception {
        LocalInvoke handler = started.get(function);
        if (handler == null) {
            handler = handlers.start(function);
            started.put(function, handler);
        }
        return handler;
    }

    /** Makes what the run leaves on the queue visible again now, rather than when its hiding ends. */
    private void release(Map<String, String> held) {
        held.forEach((messageId, receiptHandle) -> {
            try {
                sqs.changeMessageVisibility(c -> c.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(0)
                        .overrideConfiguration(withinCall()));
            } catch (SdkException e) {
                err.println("shirase: message " + messageId + " stays hidden for up to " + hold.toSeconds()
                        + " s: " + e.getMessage());
            }
        });
    }

    private static Consumer<AwsRequestOverrideConfiguration.Builder> withinCall() {
        return AwsClients.within(Budget.of(SQS_CALL));
    }

    private static String describe(Replayable r) {
        return r.function().logicalId() + " " + orDash(r.source()) + " \"" + orDash(r.detailType()) + "\" id "
                + orDash(r.eventId()) + " (" + r.sender() + ")";
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String summary(Map<Outcome, Integer> counts, int left, boolean dryRun, OptionalInt maxReached) {
        int unreadable = counts.getOrDefault(Outcome.UNREADABLE, 0);
        String text = dryRun
                ? "dry run: " + counts.getOrDefault(Outcome.LISTED, 0) + " to replay, " + unreadable
                        + " unreadable; nothing was invoked or deleted"
                : counts.getOrDefault(Outcome.REPLAYED, 0) + " replayed, " + counts.getOrDefault(Outcome.FAILED, 0)
                        + " failed, " + unreadable + " unreadable; " + left + " left on the queue";
        return maxReached.isPresent()
                ? text + "; stopped at --max " + maxReached.getAsInt() + ", the queue may hold more"
                : text;
    }
}
