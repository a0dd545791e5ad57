package dev.shirase.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The accounts a scan reads: the function's own, with its own credentials, and member accounts, each through the role
 * {@code readerRole} there (which the forwarder stack creates in every member account).
 *
 * @param home         the function's own account (the scheduled event's {@code account}), or null when unknown
 * @param members      the other accounts, in order, without {@code home}
 * @param organization whether the members are the organization's active accounts, listed when the scan runs
 * @param readerRole   the name of the role the scan assumes in each member account
 */
public record ScanAccounts(String home, List<String> members, boolean organization, String readerRole) {
    /** The value of {@code accounts} that means every ACTIVE account of the organization. */
    public static final String ORGANIZATION = "ORGANIZATION";
    public static final String DEFAULT_READER_ROLE = "ShiraseReader";
    /** The function's own account alone. */
    public static final ScanAccounts ONLY_HOME = new ScanAccounts(null, List.of(), false, DEFAULT_READER_ROLE);
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** IAM's role name characters, without a path. */
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    public ScanAccounts {
        members = members.stream().filter(id -> !id.equals(home)).distinct().toList();
    }

    /**
     * Reads {@code accounts} (comma-separated 12-digit ids, or {@link #ORGANIZATION}; empty: the function's own account
     * only) and the role name (empty: {@link #DEFAULT_READER_ROLE}).
     */
    public static ScanAccounts parse(String home, String accounts, String readerRole) {
        String role = readerRole == null || readerRole.isBlank() ? DEFAULT_READER_ROLE : readerRole.strip();
        if (!ROLE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("not an IAM role name: " + readerRole);
        }
        String text = accounts == null ? "" : accounts.strip();
        if (text.equals(ORGANIZATION)) {
            return new ScanAccounts(home, List.of(), true, role);
        }
        List<String> ids = new ArrayList<>();
        for (String part : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (!ACCOUNT_ID.matcher(part).matches()) {
                throw new IllegalArgumentException("accounts are 12-digit account ids, comma-separated, or "
                        + ORGANIZATION + ": " + accounts);
            }
            ids.add(part);
        }
        return new ScanAccounts(home, ids, false, role);
    }

    /** These accounts with the organization's, as listed for this scan. */
    public ScanAccounts withMembers(List<String> listed) {
        return new ScanAccounts(home, listed, organization, readerRole);
    }

    /**
     * Where the scan reads a resource of {@code account} in {@code region}: in that member account, or in the function's
     * own; empty when the scan does not read that account. Without a known home account, an account that is not a
     * member is taken as the function's own, as it was before member accounts were scanned.
     */
    public Optional<Place> placeOf(String account, String region) {
        if (region == null) {
            return Optional.empty();
        }
        if (account != null && members.contains(account)) {
            return Optional.of(new Place(account, region));
        }
        if (account == null || home == null || home.equals(account)) {
            return Optional.of(Place.home(region));
        }
        return Optional.empty();
    }

    /** Every place of these accounts in {@code regions}: the function's own account first, then each member's. */
    public List<Place> places(List<String> regions) {
        List<Place> places = new ArrayList<>();
        regions.forEach(region -> places.add(Place.home(region)));
        members.forEach(account -> regions.forEach(region -> places.add(new Place(account, region))));
        return places;
    }
}
