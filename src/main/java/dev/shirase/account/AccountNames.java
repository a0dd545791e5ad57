package dev.shirase.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of AWS accounts, by id: what lets a notice say {@code prod-web (111122223333)} where it said the id alone.
 * Names are kept as given; the renderer makes them safe to show (no controls, no characters that reorder text).
 */
public final class AccountNames {
    /** A JSON object of account id to name, e.g. {@code {"111122223333": "prod-web"}}. */
    public static final String ENV = "SHIRASE_ACCOUNT_NAMES";
    public static final AccountNames NONE = new AccountNames(Map.of());

    static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> byId;

    private AccountNames(Map<String, String> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** Names by account id; blank names are no names. */
    public static AccountNames of(Map<String, String> byId) {
        Map<String, String> kept = new LinkedHashMap<>();
        byId.forEach((id, name) -> {
            if (id != null && name != null && !name.isBlank()) {
                kept.put(id.strip(), name.strip());
            }
        });
        return kept.isEmpty() ? NONE : new AccountNames(kept);
    }

    /**
     * What a value of {@link #ENV} says.
     *
     * @param names    the entries that could be read
     * @param problems what could not, one line each, naming the entry; empty when everything was read
     */
    public record Parsed(AccountNames names, List<String> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads a JSON object of 12-digit account id to name. An entry that is not one is left out and named among the
     * problems, so that one typo does not hide every other name; input that is not a JSON object gives no names at all.
     */
    public static Parsed parse(String json) {
        if (json == null || json.isBlank()) {
            return new Parsed(NONE, List.of());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return new Parsed(NONE, List.of(ENV + " is not valid JSON (" + e.getOriginalMessage()
                    + "); expected an object of account id to name, such as {\"111122223333\": \"prod-web\"}"));
        }
        if (root == null || !root.isObject()) {
            return new Parsed(NONE, List.of(ENV + " is not a JSON object; expected an object of account id to name,"
                    + " such as {\"111122223333\": \"prod-web\"}"));
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        root.properties().forEach(entry -> {
            String id = entry.getKey().strip();
            JsonNode value = entry.getValue();
            if (!ACCOUNT_ID.matcher(id).matches()) {
                problems.add(ENV + ": key \"" + entry.getKey() + "\" is not a 12-digit account id; entry left out");
            } else if (!value.isTextual() || value.asText().isBlank()) {
                problems.add(ENV + ": the name of " + id + " is not a non-empty string; entry left out");
            } else {
                names.put(id, value.asText());
            }
        });
        return new Parsed(of(names), problems);
    }

    /** The name of {@code accountId}, when one is known. */
    public Optional<String> name(String accountId) {
        return accountId == null ? Optional.empty() : Optional.ofNullable(byId.get(accountId.strip()));
    }

    /** These names, and {@code others}' for the accounts these do not name: configuration wins over what is looked up. */
    public AccountNames over(AccountNames others) {
        if (others.byId.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(others.byId);
        merged.putAll(byId);
        return new AccountNames(merged);
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public int size() {
        return byId.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountNames other && byId.equals(other.byId);
    }

    @Override
    public int hashCode() {
        return byId.hashCode();
    }

    @Override
    public String toString() {
        return "AccountNames" + byId;
    }
}
