package dev.shirase.deliver;

import dev.shirase.notice.Announcement;
import dev.shirase.notice.Category;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Origin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the user chose to hear about, and on which channel: notices to leave out (by service, AWS Health event type
 * code, RDS event ID or category) and the least binding notice each channel takes. template.yaml applies what an
 * EventBridge pattern can express before the function runs; this applies all of it, so that a local invoke or an event
 * forwarded from elsewhere is treated the same.
 *
 * <p>A notice that could not be read or classified is never left out and goes to every channel: it may be the one
 * that matters, and nobody can tell until it is read.
 */
public final class Routing {
    public static final String INCLUDE_SERVICES = "SHIRASE_INCLUDE_SERVICES";
    public static final String EXCLUDE_EVENT_CODES = "SHIRASE_EXCLUDE_EVENT_CODES";
    public static final String EXCLUDE_RDS_EVENT_IDS = "SHIRASE_EXCLUDE_RDS_EVENT_IDS";
    public static final String EXCLUDE_CATEGORIES = "SHIRASE_EXCLUDE_CATEGORIES";
    public static final String SNS_MIN_OBLIGATION = "SHIRASE_SNS_MIN_OBLIGATION";
    public static final String MAIL_MIN_OBLIGATION = "SHIRASE_MAIL_MIN_OBLIGATION";

    /** Every notice, on every channel: the behaviour when nothing is configured. */
    public static final Routing EVERYTHING = new Routing(Set.of(), Set.of(), Set.of(), Set.of(), Map.of());

    private static final Pattern SERVICE = Pattern.compile("[A-Z0-9_-]+");
    private static final Pattern EVENT_CODE = Pattern.compile("AWS_[A-Z0-9_]+");
    private static final Pattern RDS_EVENT_ID = Pattern.compile("RDS-EVENT-\\d{4}");

    private final Set<String> services;
    private final Set<String> eventCodes;
    private final Set<String> rdsEventIds;
    private final Set<Category> categories;
    private final Map<String, Obligation> minimums;

    Routing(Set<String> services, Set<String> eventCodes, Set<String> rdsEventIds, Set<Category> categories,
            Map<String, Obligation> minimums) {
        this.services = Set.copyOf(services);
        this.eventCodes = Set.copyOf(eventCodes);
        this.rdsEventIds = Set.copyOf(rdsEventIds);
        this.categories = Set.copyOf(categories);
        this.minimums = Map.copyOf(minimums);
    }

    /**
     * The routing the environment asks for. Lists are comma-separated; an absent or empty variable leaves nothing
     * out. Throws at start-up, naming the variable and what it allows, rather than quietly dropping or passing notices.
     */
    public static Routing fromEnvironment(Map<String, String> env) {
        Set<Category> categories = new LinkedHashSet<>();
        for (String name : items(env, EXCLUDE_CATEGORIES)) {
            Category category = constant(Category.class, EXCLUDE_CATEGORIES, name, excludable());
            if (category == Category.UNCLASSIFIED) {
                throw new IllegalStateException(EXCLUDE_CATEGORIES + ": UNCLASSIFIED cannot be excluded (a notice that "
                        + "could not be classified always goes out); allowed: " + excludable());
            }
            categories.add(category);
        }
        Map<String, Obligation> minimums = new LinkedHashMap<>();
        minimums.put(SnsChannel.NAME, minimum(env, SNS_MIN_OBLIGATION));
        minimums.put(SesChannel.NAME, minimum(env, MAIL_MIN_OBLIGATION));
        return new Routing(
                matching(env, INCLUDE_SERVICES, SERVICE,
                        "an AWS Health service name in upper case, such as EC2 or RDS"),
                matching(env, EXCLUDE_EVENT_CODES, EVENT_CODE,
                        "an AWS Health event type code, such as AWS_EC2_OPERATIONAL_NOTIFICATION"),
                matching(env, EXCLUDE_RDS_EVENT_IDS, RDS_EVENT_ID, "an RDS event ID, such as RDS-EVENT-0155"),
                categories, minimums);
    }

    /** Why the notice is to be sent nowhere at all, or empty when it is to be sent. */
    public Optional<String> exclusion(Notice notice) {
        if (!understood(notice)) {
            return Optional.empty();
        }
        Announcement a = notice.announcement();
        // A notice whose service is unknown is kept: it cannot be said to be outside the list.
        if (!services.isEmpty() && a.service() != null && !services.contains(a.service())) {
            return Optional.of("service " + a.service() + " is not in " + INCLUDE_SERVICES);
        }
        // An event without a code (old RDS events have no EventID) is in no list of codes.
        boolean coded = a.code() != null;
        if (coded && a.origin() == Origin.HEALTH_EVENT && eventCodes.contains(a.code())) {
            return Optional.of("event type code " + a.code() + " is in " + EXCLUDE_EVENT_CODES);
        }
        if (coded && a.origin() == Origin.RDS_EVENT && rdsEventIds.contains(a.code())) {
            return Optional.of("RDS event " + a.code() + " is in " + EXCLUDE_RDS_EVENT_IDS);
        }
        if (categories.contains(notice.category())) {
            return Optional.of("category " + notice.category().name() + " is in " + EXCLUDE_CATEGORIES);
        }
        return Optional.empty();
    }

    /** The channels whose minimum obligation the notice meets, in order; every channel for a notice not understood. */
    public List<Channel> channelsFor(Notice notice, List<Channel> channels) {
        if (!understood(notice)) {
            return List.copyOf(channels);
        }
        return channels.stream().filter(c -> notice.obligation().atLeast(minimum(c))).toList();
    }

    /** Where a notice goes: {@link #exclusion}, then {@link #channelsFor}, with why it goes nowhere if it does. */
    public Route route(Notice notice, List<Channel> channels) {
        Optional<String> excluded = exclusion(notice);
        if (excluded.isPresent()) {
            return new Route(List.of(), List.of(), excluded.get());
        }
        List<Channel> chosen = channelsFor(notice, channels);
        List<String> withheld = new ArrayList<>();
        channels.stream().filter(c -> !chosen.contains(c)).forEach(c -> withheld.add(c.name()));
        if (chosen.isEmpty() && !channels.isEmpty()) {
            String minimums = channels.stream().map(c -> c.name() + " " + minimum(c)).collect(Collectors.joining(", "));
            return new Route(List.of(), withheld, "obligation " + notice.obligation().name()
                    + " is below the minimum of every channel (" + minimums + ")");
        }
        return new Route(chosen, withheld, null);
    }

    /**
     * Where a notice goes.
     *
     * @param channels the channels to send it to
     * @param withheld the names of the channels whose minimum obligation it does not meet
     * @param filtered why it goes nowhere, or null when it goes to {@code channels}
     */
    public record Route(List<Channel> channels, List<String> withheld, String filtered) {
        public Route {
            channels = List.copyOf(channels);
            withheld = List.copyOf(withheld);
        }
    }

    /** A channel's minimum; an account's extra topic ({@code sns:<topic ARN>}) has the SNS topic's. */
    private Obligation minimum(Channel channel) {
        String name = channel.name();
        int kind = name.indexOf(':');
        return minimums.getOrDefault(name, minimums.getOrDefault(kind < 0 ? name : name.substring(0, kind),
                Obligation.INFORMATION));
    }

    /** Read and classified: only such a notice can be left out or kept from a channel. */
    private static boolean understood(Notice notice) {
        return notice != null && notice.category() != Category.UNCLASSIFIED
                && notice.announcement().readError() == null;
    }

    private static Obligation minimum(Map<String, String> env, String variable) {
        List<String> given = items(env, variable);
        if (given.size() > 1) {
            throw new IllegalStateException(variable + ": one value expected, got " + given + "; allowed: "
                    + names(Obligation.values()));
        }
        return given.isEmpty() ? Obligation.INFORMATION
                : constant(Obligation.class, variable, given.getFirst(), names(Obligation.values()));
    }

    private static Set<String> matching(Map<String, String> env, String variable, Pattern item, String allowed) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : items(env, variable)) {
            if (!item.matcher(value).matches()) {
                throw new IllegalStateException(variable + ": \"" + value + "\" is not " + allowed
                        + " (comma-separated, case-sensitive)");
            }
            values.add(value);
        }
        return values;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String variable, String value, String allowed) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            // No cause: tools that show the root cause would show Java's enum message instead of this one.
            throw new IllegalStateException(variable + ": \"" + value + "\" is not allowed; allowed: " + allowed);
        }
    }

    private static List<String> items(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String excludable() {
        return names(Arrays.stream(Category.values()).filter(c -> c != Category.UNCLASSIFIED).toArray(Category[]::new));
    }

    private static String names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
    }
}
