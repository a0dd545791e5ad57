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
 * (no permission, throttled, database gone), the notice goes out as it was and the log says why.
 *
 * <p>RDS is asked with this account's credentials, so only about this account's databases: a notice about another
 * account (an organizational view, an event forwarded from a member account) goes out without, rather than with the
 * state of a database of the same name here.
 */
public final class RdsEnricher implements Enricher {
    /** The account whose RDS the function may ask; template.yaml sets it to the stack's. Unset: every notice's. */
    public static final String HOME_ACCOUNT = "SHIRASE_HOME_ACCOUNT";
    /** Notices can name thousands of resources; looking up a few is enough to be useful and stays fast. */
    static final int MAX_LOOKUPS = 10;
    private final RdsInventory inventory;
    private final JsonLog log;
    private final String homeAccount;
    private final PendingNotices pendingNotices = new PendingNotices();

    public RdsEnricher(RdsInventory inventory, JsonLog log) {
        this(inventory, log, null);
    }

    /** @param homeAccount the account {@code inventory} reads, or null when it is not known */
    public RdsEnricher(RdsInventory inventory, JsonLog log, String homeAccount) {
        this.inventory = inventory;
        this.log = log;
        this.homeAccount = homeAccount == null || homeAccount.isBlank() ? null : homeAccount.strip();
    }

    @Override
    public Notice enrich(Notice notice, Budget budget) {
        Announcement a = notice.announcement();
        if (!"RDS".equals(a.service()) || notice.stage() != Stage.ANNOUNCED || a.resources().isEmpty()
                || !Regions.isRegionCode(a.region())) {
            return notice;
        }
        if (homeAccount != null && a.account() != null && !homeAccount.equals(a.account())) {
            Map<String, Object> fields = fields(a, null, "the resources are in another account");
            fields.put("account", a.account());
            log.info("RDS enrichment skipped: this function reads the RDS of its own account only", fields);
            return notice;
        }
        List<DatabaseState> found = new ArrayList<>();
        for (var resource : a.resources().stream().limit(MAX_LOOKUPS).toList()) {
            if (budget.isSpent()) {
                log.warn("RDS enrichment stopped: its share of the time budget is spent", fields(a, null, "time budget"));
                break;
            }
            String identifier = resource.arn() != null ? resource.arn() : resource.id();
            try {
                inventory.describe(a.region(), identifier, budget).ifPresentOrElse(found::add,
                        () -> log.warn("RDS resource not found for enrichment", fields(a, identifier, "not found")));
            } catch (RuntimeException e) {
                log.warn("RDS enrichment failed; the notice goes out without it", fields(a, identifier, String.valueOf(e.getMessage())));
                break; // the same cause (permission, throttling) would fail the next lookups too
            }
        }
        return found.isEmpty() ? notice : withPendingMaintenance(notice.withDatabases(found));
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
