package dev.shirase.account;

import dev.shirase.budget.Budget;
import dev.shirase.log.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who the accounts are: their names, from {@code SHIRASE_ACCOUNT_NAMES} and, in organization mode
 * ({@code SHIRASE_ORGANIZATION}), from AWS Organizations; the OUs that hold each; and which are active.
 *
 * <p>What Organizations says is kept for the life of the function's container (refreshed after {@link #REFRESH}), so
 * most invocations ask it nothing. Every call is made within the budget it is given, and a call that fails never
 * fails the caller: names fall back to ids, OUs to none. A refusal (no permission, no organization) is not asked again
 * while the container lives; anything else (throttling, a slow endpoint) only after {@link #RETRY_AFTER}, so that an
 * endpoint that hangs does not cost every notice its wait. Each failure is logged once, until Organizations answers
 * again.
 */
public final class AccountDirectory {
    /** Organization mode: set (to the organization id, o-...) to read names and OUs from AWS Organizations. */
    public static final String ORGANIZATION_ENV = "SHIRASE_ORGANIZATION";
    /** Accounts are added and renamed, and move between OUs: what was read is read again after this. */
    static final Duration REFRESH = Duration.ofHours(1);
    /** After a failure that may pass, Organizations is left alone this long. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(5);
    /** OUs nest five deep at most under the root; a longer walk means an answer that loops. */
    static final int MAX_DEPTH = 8;

    private final AccountNames configured;
    private final Organization organization;
    private final JsonLog log;
    private final Clock clock;
    private final Gate listing;
    private final Gate parents;

    /** The last complete listing of ListAccounts, by id; empty until one completes. */
    private Map<String, Organization.Account> listed = Map.of();
    private Instant listedAt;
    /** A listing under way, kept across invocations when the budget ends between its pages. */
    private Map<String, Organization.Account> reading = new LinkedHashMap<>();
    private String resumeAt;
    /** Each child's parent (empty: the child is not in the organization). */
    private final Map<String, Optional<String>> parentOf = new HashMap<>();
    private Instant parentsSince;

    /**
     * @param organization AWS Organizations, or null outside organization mode
     */
    public AccountDirectory(AccountNames configured, Organization organization, JsonLog log, Clock clock) {
        this.configured = configured;
        this.organization = organization;
        this.log = log;
        this.clock = clock;
        this.listing = new Gate("ListAccounts", "AWS Organizations could not list the accounts; notices show the ids of"
                + " the accounts " + AccountNames.ENV + " does not name");
        this.parents = new Gate("ListParents", "AWS Organizations could not say which OUs hold an account; notices go"
                + " to the central topic and to the topics of their account id, not to those of OUs");
    }

    /** Names from configuration alone, and no Organizations: the preview, and installs outside an organization. */
    public static AccountDirectory of(AccountNames configured) {
        return new AccountDirectory(configured, null, JsonLog.silent(), Clock.systemUTC());
    }

    public static AccountDirectory none() {
        return of(AccountNames.NONE);
    }

    /**
     * The directory the environment configures. A {@code SHIRASE_ACCOUNT_NAMES} that cannot be read in full is an
     * error in the log at start-up, naming each entry left out; the notices then show those accounts by id.
     *
     * @param organization made only in organization mode
     */
    public static AccountDirectory fromEnvironment(Map<String, String> env, Supplier<Organization> organization,
            JsonLog log, Clock clock) {
        AccountNames.Parsed parsed = AccountNames.parse(env.get(AccountNames.ENV));
        if (!parsed.problems().isEmpty()) {
            log.error(AccountNames.ENV + " could not be read in full; the accounts it does not name are shown by id",
                    Map.of("problems", parsed.problems()));
        }
        return new AccountDirectory(parsed.names(), organizationMode(env) ? organization.get() : null, log, clock);
    }

    /** Whether {@link #ORGANIZATION_ENV} turns organization mode on. */
    public static boolean organizationMode(Map<String, String> env) {
        String value = env.get(ORGANIZATION_ENV);
        return value != null && !value.isBlank();
    }

    /** The names configuration gives, with no call to AWS. */
    public AccountNames configured() {
        return configured;
    }

    public boolean usesOrganization() {
        return organization != null;
    }

    /**
     * Every name known: configured names, and for other accounts what Organizations lists, read now within
     * {@code budget} if it has not been (or is out of date).
     */
    public synchronized AccountNames names(Budget budget) {
        if (organization == null) {
            return configured;
        }
        read(budget);
        Map<String, String> found = new LinkedHashMap<>();
        listed.values().forEach(a -> found.put(a.id(), a.name()));
        reading.values().forEach(a -> found.put(a.id(), a.name()));
        return configured.over(AccountNames.of(found));
    }

    /**
     * The ids of the organization's active accounts, from a complete listing (the last one, when reading it again
     * fails); empty outside organization mode or when no listing could be completed.
     */
    public synchronized Optional<List<String>> activeAccounts(Budget budget) {
        if (organization == null) {
            return Optional.empty();
        }
        read(budget);
        if (listedAt == null) {
            return Optional.empty();
        }
        return Optional.of(listed.values().stream().filter(Organization.Account::active).map(Organization.Account::id)
                .toList());
    }

    /**
     * The OUs that hold {@code account}, nearest first, and the root: {@code [ou-ab12-team, ou-ab12-prod, r-ab12]}.
     * Empty outside organization mode or for an account outside the organization; as far as was found when
     * Organizations stops answering.
     */
    public synchronized List<String> ancestors(String account, Budget budget) {
        if (organization == null || account == null || account.isBlank()) {
            return List.of();
        }
        Instant now = clock.instant();
        if (parentsSince == null || !now.isBefore(parentsSince.plus(REFRESH))) {
            parentOf.clear();
            parentsSince = now;
        }
        List<String> found = new ArrayList<>();
        String child = account.strip();
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Optional<String> parent = parentOf.get(child);
            if (parent == null) {
                if (!parents.open(now) || budget.isSpent()) {
                    break;
                }
                try {
                    parent = Optional.ofNullable(organization.parent(child, budget));
                    parents.answered();
                } catch (Organization.Unavailable e) {
                    parents.failed(e, now);
                    break;
                }
                parentOf.put(child, parent);
            }
            if (parent.isEmpty() || found.contains(parent.get())) {
                break;
            }
            found.add(parent.get());
            if (parent.get().startsWith("r-")) {
                break;
            }
            child = parent.get();
        }
        return List.copyOf(found);
    }

    /**
     * Reads ListAccounts, page after page, unless a complete listing is fresh. When the budget ends between pages after
     * some were read, the next call goes on from there: a large organization is read over a few invocations, and the
     * names read so far are used meanwhile.
     */
    private void read(Budget budget) {
        Instant now = clock.instant();
        // No time at all is no failure of Organizations: nothing is asked, and nothing held against it.
        if ((listedAt != null && now.isBefore(listedAt.plus(REFRESH))) || !listing.open(now) || budget.isSpent()) {
            return;
        }
        int pages = 0;
        try {
            do {
                Organization.Page page = organization.accounts(resumeAt, budget);
                pages++;
                page.accounts().forEach(a -> reading.put(a.id(), a));
                resumeAt = page.nextToken();
            } while (resumeAt != null);
            listed = Collections.unmodifiableMap(reading);
            listedAt = now;
            reading = new LinkedHashMap<>();
            listing.answered();
        } catch (Organization.Unavailable e) {
            if (e.why() == Organization.Cause.TIME && pages > 0) {
                // Progress: go on from this page next time, without waiting.
                return;
            }
            if (e.why() != Organization.Cause.TIME) {
                // A page token may be what failed: start over next time.
                resumeAt = null;
                reading = new LinkedHashMap<>();
            }
            listing.failed(e, now);
        }
    }

    /** Whether an action may be asked now, and the one log line of its failures. */
    private final class Gate {
        private final String action;
        private final String consequence;
        private boolean refused;
        private Instant retryAt;
        private boolean warned;

        Gate(String action, String consequence) {
            this.action = action;
            this.consequence = consequence;
        }

        boolean open(Instant now) {
            return !refused && (retryAt == null || !now.isBefore(retryAt));
        }

        void answered() {
            retryAt = null;
            if (warned) {
                warned = false;
                log.info("AWS Organizations answers again", Map.of("action", action));
            }
        }

        void failed(Organization.Unavailable e, Instant now) {
            boolean lasting = e.why() == Organization.Cause.LASTING;
            if (lasting) {
                refused = true;
            } else {
                retryAt = now.plus(RETRY_AFTER);
            }
            if (!warned) {
                warned = true;
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("action", action);
                fields.put("cause", e.why().name());
                fields.put("error", String.valueOf(e.getMessage()));
                fields.put("askedAgain", lasting ? "not while this function's container runs (check the IAM policy,"
                        + " and that this is the management or a delegated administrator account)"
                        : "after " + RETRY_AFTER.toMinutes() + " minutes");
                log.warn(consequence, fields);
            }
        }
    }
}
