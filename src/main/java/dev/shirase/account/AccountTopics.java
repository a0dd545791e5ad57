package dev.shirase.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Extra SNS topics for the notices of some accounts: a JSON object whose keys are account ids, organizational unit ids
 * ({@code ou-xxxx-yyyyyyyy}) or a root id ({@code r-xxxx}), and whose values are a topic ARN or a list of them. A notice
 * about an account goes to the topics of the account and of every OU above it, up to the root, besides the central
 * topic. Pure: which OUs hold an account is the {@link AccountDirectory}'s to find out.
 */
public final class AccountTopics {
    public static final String ENV = "SHIRASE_ACCOUNT_TOPICS";
    /**
     * The topics the function may publish to (comma-separated), as template.yaml grants them. When set, every topic of
     * {@link #ENV} must be among them, so that a topic left out of the grant stops start-up instead of failing each
     * notice; local runs leave it unset.
     */
    public static final String GRANTED_ENV = "SHIRASE_ACCOUNT_TOPIC_ARNS";
    public static final AccountTopics NONE = new AccountTopics(Map.of());

    private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}");
    private static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
    /** A standard topic; FIFO topics ({@code .fifo}) need a message group, which notices do not have. */
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws(-[a-z]+)*:sns:[a-z]{2}(-[a-z]+)+-\\d+:\\d{12}:[A-Za-z0-9_-]{1,256}");
    private static final String EXAMPLE = "{\"111122223333\": \"arn:aws:sns:ap-northeast-1:111122223333:team-a\","
            + " \"ou-ab12-cdef3456\": [\"arn:aws:sns:...\"]}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, List<String>> byKey;

    private AccountTopics(Map<String, List<String>> byKey) {
        this.byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    /**
     * The topics the environment configures. Throws at start-up, naming the variable and the entry, rather than letting
     * a team's notices go astray: a key that is no account, OU or root id, a value that is no standard topic ARN, or a
     * topic the function is not allowed to publish to ({@link #GRANTED_ENV}).
     */
    public static AccountTopics fromEnvironment(Map<String, String> env) {
        AccountTopics topics = parse(env.get(ENV));
        String granted = env.get(GRANTED_ENV);
        if (granted != null) {
            Set<String> allowed = new LinkedHashSet<>();
            Arrays.stream(granted.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(allowed::add);
            for (String arn : topics.arns()) {
                if (!allowed.contains(arn)) {
                    throw new IllegalStateException(ENV + ": " + arn + " is not among the topics the function may publish"
                            + " to (" + GRANTED_ENV + "); add it to the AccountTopicArns parameter");
                }
            }
        }
        return topics;
    }

    static AccountTopics parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(ENV + " is not valid JSON (" + e.getOriginalMessage() + "); expected " + EXAMPLE);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException(ENV + " is not a JSON object; expected " + EXAMPLE);
        }
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        root.properties().forEach(entry -> {
            String key = entry.getKey().strip();
            if (!AccountNames.ACCOUNT_ID.matcher(key).matches() && !OU_ID.matcher(key).matches()
                    && !ROOT_ID.matcher(key).matches()) {
                throw new IllegalStateException(ENV + ": key \"" + entry.getKey() + "\" is not a 12-digit account id, an"
                        + " organizational unit id (ou-xxxx-yyyyyyyy) or a root id (r-xxxx)");
            }
            List<String> arns = new ArrayList<>();
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                arns.add(topicArn(key, value));
            } else if (value.isArray() && !value.isEmpty()) {
                value.forEach(item -> arns.add(topicArn(key, item)));
            } else {
                throw new IllegalStateException(ENV + ": the value of " + key + " is neither an SNS topic ARN nor a"
                        + " non-empty list of them");
            }
            byKey.merge(key, List.copyOf(new LinkedHashSet<>(arns)), (a, b) -> b);
        });
        return new AccountTopics(byKey);
    }

    private static String topicArn(String key, JsonNode value) {
        String arn = value.isTextual() ? value.asText().strip() : "";
        if (arn.endsWith(".fifo")) {
            throw new IllegalStateException(ENV + ": " + arn + " (for " + key + ") is a FIFO topic; notices are published"
                    + " to standard topics only");
        }
        if (!TOPIC_ARN.matcher(arn).matches()) {
            throw new IllegalStateException(ENV + ": " + (value.isTextual() ? "\"" + arn + "\"" : value.toString())
                    + " (for " + key + ") is not an SNS topic ARN such as arn:aws:sns:ap-northeast-1:111122223333:team-a");
        }
        return arn;
    }

    /**
     * The topics for a notice about {@code account}: the account's own, then those of each OU in {@code ancestors}
     * (nearest first, up to the root), each topic once.
     */
    public List<String> topicsFor(String account, List<String> ancestors) {
        if (account == null || byKey.isEmpty()) {
            return List.of();
        }
        Set<String> topics = new LinkedHashSet<>(byKey.getOrDefault(account.strip(), List.of()));
        ancestors.forEach(parent -> topics.addAll(byKey.getOrDefault(parent, List.of())));
        return List.copyOf(topics);
    }

    /** Whether any key is an OU or a root: only then is it worth asking which OUs hold an account. */
    public boolean namesOrganizationalUnits() {
        return byKey.keySet().stream().anyMatch(key -> !AccountNames.ACCOUNT_ID.matcher(key).matches());
    }

    /** Every topic named, each once, in the order given. */
    public Set<String> arns() {
        Set<String> arns = new LinkedHashSet<>();
        byKey.values().forEach(arns::addAll);
        return arns;
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }
}
