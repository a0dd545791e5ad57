package dev.shirase.deliver;

import dev.shirase.aws.AwsClients;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The channels the environment configures: {@code SHIRASE_TOPIC_ARN} turns SNS on, {@code SHIRASE_MAIL_FROM} with
 * {@code SHIRASE_MAIL_TO} (comma-separated) turns SES on; with neither, notices go to the console.
 */
public final class Channels {
    public static final String TOPIC_ARN = "SHIRASE_TOPIC_ARN";
    public static final String MAIL_FROM = "SHIRASE_MAIL_FROM";
    public static final String MAIL_TO = "SHIRASE_MAIL_TO";
    private static final Pattern TOPIC_ARN_SHAPE = Pattern.compile("arn:[a-z-]+:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}");

    private Channels() {
    }

    public static List<Channel> fromEnvironment(Map<String, String> env, AwsClients clients, PrintStream console) {
        List<Channel> channels = new ArrayList<>();
        String topic = value(env, TOPIC_ARN);
        if (topic != null) {
            channels.add(new SnsChannel(clients.sns(), topicArn(topic)));
        }
        String from = value(env, MAIL_FROM);
        List<String> to = recipients(value(env, MAIL_TO));
        if (from != null && !to.isEmpty()) {
            channels.add(new SesChannel(clients.sesV2(), from, to));
        } else if (from != null || !to.isEmpty()) {
            throw new IllegalStateException("SES needs both " + MAIL_FROM + " and " + MAIL_TO + "; only one is set");
        }
        if (channels.isEmpty()) {
            channels.add(new ConsoleChannel(console));
        }
        return channels;
    }

    /** The names of the channels the environment configures, as {@link #fromEnvironment} would build them. */
    public static List<String> names(Map<String, String> env) {
        List<String> names = new ArrayList<>();
        if (value(env, TOPIC_ARN) != null) {
            names.add("sns");
        }
        if (value(env, MAIL_FROM) != null && !recipients(value(env, MAIL_TO)).isEmpty()) {
            names.add("ses");
        }
        return names.isEmpty() ? List.of("console") : names;
    }

    /**
     * The topic, when it is shaped like a topic ARN; anything else stops the start-up, saying so, rather than failing
     * every publish later (SNS takes only an ARN).
     */
    static String topicArn(String value) {
        if (!TOPIC_ARN_SHAPE.matcher(value).matches()) {
            throw new IllegalStateException(TOPIC_ARN + "=" + value + " is not an SNS topic ARN"
                    + " (arn:aws:sns:<region>:<account>:<name>; the stack output TopicArn)");
        }
        return value;
    }

    static List<String> recipients(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
