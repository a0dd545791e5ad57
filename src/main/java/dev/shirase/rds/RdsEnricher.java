package dev.shirase.rds;

import dev.shirase.budget.Budget;
import dev.shirase.log.JsonLog;
import dev.shirase.notice.Announcement;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Deadline;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Obligation;
import dev.shirase.notice.Stage;
import dev.shirase.pipeline.Enricher;
import dev.shirase.render.Regions;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.PerAccount;
import dev.shirase.scan.RdsArn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds to a notice about RDS databases what RDS says of them now: maintenance window, Multi-AZ, pending actions.
 * A pending action of the notice's own category with an apply date makes the notice required, with that date as its
 * deadline (an "available" system update that RDS will in fact apply on a date is required). When a lookup fails
 * (no permission, throttled, database gone, a reader role that cannot be assumed), the notice goes out as it was and
 * the log says why.
 *
 * <p>A database is looked up where it is: in the region of its ARN, and in its account, which for another account than
 * the function's own (an event forwarded from a member account) means through the reader role there.
 */
public final class RdsEnricher implements Enricher {
    /** Notices can name thousands of resources; looking up a few is enough to be useful and stays fast. */
    static final int MAX_LOOKUPS = 10;
    private final PerAccount<RdsInventory> inventories;
    private final String home;
    private final String readerRole;
    private final JsonLog log;
    private final PendingNotices pendingNotices = new PendingNotices();

    /** Every database looked up in one inventory. */
    public RdsEnricher(RdsInventory inventory, JsonLog log) {
        this(PerAccount.everywhere(inventory), null, null, log);
    }

    /**
     * @param home       the function's own account; null when unknown, and every database is then looked up with the
     *                   function's own credentials
     * @param readerRole the role to assume in another account; null when there is none, and databases of other
     *                   accounts are then not looked up
     */
    public RdsEnricher(PerAccount<RdsInventory> inventories, String home, String readerRole, JsonLog log) {
        this.inventories = inventories;
        this.home = home;
        this.readerRole = readerRole;
        this.log = log;
    }

    @Override
    public Notice enrich(Notice notice, Budget budget) {
        Announcement a = notice.announcement();
        if (!"RDS".equals(a.service()) || notice.stage() != Stage.ANNOUNCED || a.resources().isEmpty()
                || !Regions.isRegionCode(a.region())) {
            return notice;
        }
        // One lookup per account and region, of all the databases the notice names there (usually one lookup in all).
        // Keyed by text, not by the record: a record's equals and hashCode are bootstrapped on first use, which a cold
        // start pays for.
        Map<String, Place> places = new LinkedHashMap<>();
        for (var resource : a.resources().stream().limit(MAX_LOOKUPS).toList()) {
            String identifier = resource.arn() != null ? resource.arn() : resource.id();
            RdsArn arn = RdsArn.parse(identifier);
            String account = arn.account() != null ? arn.account() : a.account();
            String region = arn.region() != null && Regions.isRegionCode(arn.region()) ? arn.region() : a.region();
            places.computeIfAbsent(account + " " + region, key -> new Place(account, region, new ArrayList<>()))
                    .identifiers().add(identifier);
        }
        Map<String, DatabaseState> found = new LinkedHashMap<>();
        for (Place place : places.values()) {
            List<String> identifiers = place.identifiers();
            if (budget.isSpent()) {
                log.warn("RDS enrichment stopped: its share of the time budget is spent", fields(a, null, "time budget"));
                break;
            }
            RdsInventory inventory = inventoryOf(place.account());
            if (inventory == null) {
                identifiers.forEach(identifier -> log.warn(
                        "RDS enrichment skipped: the database is in another account and no reader role is set",
                        fields(a, identifier, "account " + place.account())));
                continue;
            }
            try {
                Map<String, DatabaseState> described = inventory.describe(place.region(), identifiers, budget);
                for (String identifier : identifiers) {
                    DatabaseState db = described.get(identifier);
                    if (db == null) {
                        log.warn("RDS resource not found for enrichment", fields(a, identifier, "not found"));
                    } else {
                        // A database named twice (by ARN and by identifier) is shown once.
                        found.putIfAbsent(db.arn() != null ? db.arn() : db.id(), db);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("RDS enrichment failed; the notice goes out without it",
                        fields(a, String.join(", ", identifiers), String.valueOf(e.getMessage())));
                break; // the same cause (permission, throttling) would fail the next lookups too
            }
        }
        return found.isEmpty() ? notice : withPendingMaintenance(notice.withDatabases(List.copyOf(found.values())));
    }

    /** The inventory of {@code account}: the function's own, a member's through the reader role, or null for none. */
    private RdsInventory inventoryOf(String account) {
        if (account == null || home == null || home.equals(account)) {
            return inventories.in(null, null);
        }
        return readerRole == null ? null : inventories.in(account, readerRole);
    }

    private Notice withPendingMaintenance(Notice notice) {
        Optional<Deadline> earliest = notice.databases().stream()
                .flatMap(db -> db.pendingActions().stream().map(action -> pendingNotices.of(db, action)))
                .filter(pending -> pending.category() == notice.category() && pending.obligation() == Obligation.REQUIRED)
                .map(Notice::deadline)
                .filter(Objects::nonNull)
                .min(Comparator.comparing(Deadline::at));
        if (earliest.isEmpty() || notice.deadline() != null) {
            return notice;
        }
        return new Notice(notice.announcement(), notice.category(), Obligation.REQUIRED, notice.stage(), earliest.get(),
                notice.title(), notice.rule() + " + pending maintenance", notice.databases(),
                notice.accountName());
    }

    /** The databases to look up in an account (null for the function's own when unknown) and region. */
    private record Place(String account, String region, List<String> identifiers) {
    }

    private static Map<String, Object> fields(Announcement a, String identifier, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("eventId", a.eventId());
        fields.put("code", a.code());
        fields.put("region", a.region());
        fields.put("resource", identifier);
        fields.put("reason", reason);
        return fields;
    }
}
