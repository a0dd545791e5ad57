package dev.shirase.pipeline;

import dev.shirase.account.AccountNames;
import dev.shirase.aws.AssumedRole.RoleNotAssumedException;
import dev.shirase.budget.Budget;
import dev.shirase.budget.SideBySide;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.Dispatch;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.notice.Notice;
import dev.shirase.notice.Translation;
import dev.shirase.rds.RdsErrors;
import dev.shirase.rds.RdsInventory;
import dev.shirase.rds.RegionScan;
import dev.shirase.render.DigestRenderer;
import dev.shirase.render.MinimalNotice;
import dev.shirase.render.Outgoing;
import dev.shirase.render.RenderedDigest;
import dev.shirase.render.RenderedNotice;
import dev.shirase.scan.CompletionCheck;
import dev.shirase.scan.Digest;
import dev.shirase.scan.MemberAccounts;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.PerAccount;
import dev.shirase.scan.Place;
import dev.shirase.scan.RegionGap.Cause;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.ScanAccounts;
import dev.shirase.scan.ScanSettings;
import dev.shirase.state.Tracker;
import dev.shirase.translate.Translating;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * scan every account in every region side by side -> one notice per pending action -> decide the digest -> render ->
 * deliver.
 *
 * <p>Time: the invocation's reserve is kept back as for notices ({@link NoticePipeline#working}); the places (an account
 * in a region) are read {@link #AT_ONCE} at a time, each within its share of the scan's time, and a place that has not
 * answered when its share ends is abandoned and reported, so that the digest of the others always has time to go out.
 * A member account is read through its reader role; one whose role cannot be assumed is reported as a whole, and
 * what the other accounts hold still goes out.
 */
public final class ScanPipeline {
    /**
     * The scan's share of the working budget. The rest, at least 40%, renders and delivers the digest: a send can take a
     * few attempts of up to {@link dev.shirase.aws.AwsClients#ATTEMPT_TIMEOUT}, and it must fit even when every place
     * uses its whole share.
     */
    static final double REGION_SHARE = 0.6;
    /** A region that answers at all is read in seconds; hung ones then hold the digest back no longer than this. */
    static final Duration MAX_REGION = Duration.ofMinutes(2);
    /**
     * A place's calls end this much before its share does, so that what it read before a call timed out (the pending
     * actions, when only the databases' details fail) is handed back before the place is abandoned.
     */
    static final Duration HAND_BACK = Duration.ofMillis(250);
    /**
     * Places read at once. The work waits on the network, not on the two vCPUs, but each place holds connections and
     * RDS's rate limits are per account and region: eight keep a large organization moving without a burst.
     */
    static final int AT_ONCE = 8;
    /** Listing the organization's accounts comes first; it may take this share of the working budget, at most the cap. */
    static final double MEMBERS_SHARE = 0.1;
    static final Duration MAX_MEMBERS = Duration.ofSeconds(20);

    /** The follow-up's share of what the region scan left, at most {@link #MAX_FOLLOW_UP}; the digest has the rest. */
    static final double FOLLOW_UP_SHARE = 0.5;
    static final Duration MAX_FOLLOW_UP = Duration.ofSeconds(90);
    /** Naming the accounts (AWS Organizations, once per container): this share of what is left, at most this long. */
    static final double ACCOUNTS_SHARE = 0.1;
    static final Duration MAX_ACCOUNTS = Duration.ofSeconds(10);
    /**
     * A completion notice's translation of its original, from what is left: most often remembered from the story's
     * first notice, so that no call is made.
     */
    static final double TRANSLATION_SHARE = 0.1;
    static final Duration MAX_TRANSLATION = Duration.ofSeconds(10);

    private final PerAccount<RdsInventory> inventories;
    private final MemberAccounts organization;
    private final List<Channel> channels;
    private final Tracker tracker;
    private final FollowUp followUp;
    private final Accounts accounts;
    private final CompletionCheck completion;
    /** The original's machine translation for completion notices, or null when none is configured. */
    private final Translating translating;
    private final JsonLog log;
    private final Metrics metrics;
    private final PendingNotices pendingNotices = new PendingNotices();

    /** One inventory for every account, no state table, no organization: for tests and local runs. */
    public ScanPipeline(RdsInventory inventory, List<Channel> channels, JsonLog log, Metrics metrics) {
        this(PerAccount.everywhere(inventory), MemberAccounts.UNAVAILABLE, channels,
                Tracker.none(java.time.Clock.systemUTC()), CompletionCheck.NONE, log, metrics);
    }

    /**
     * @param inventories  RDS, read with the function's own credentials or through a member account's reader role
     * @param organization the organization's accounts, for a scan of {@link ScanAccounts#ORGANIZATION}
     * @param tracker      the state table, for AWS Health reminders and completions ({@link Tracker#none} without one)
     * @param completion   how to ask AWS whether a story's work is done
     */
    public ScanPipeline(PerAccount<RdsInventory> inventories, MemberAccounts organization, List<Channel> channels,
            Tracker tracker, CompletionCheck completion, JsonLog log, Metrics metrics) {
        this(inventories, organization, channels, tracker, completion, Accounts.NONE, log, metrics);
    }

    /**
     * @param accounts the names of accounts for the digest and the completions, and the extra channels of each
     *                 account's completion notices
     */
    public ScanPipeline(PerAccount<RdsInventory> inventories, MemberAccounts organization, List<Channel> channels,
            Tracker tracker, CompletionCheck completion, Accounts accounts, JsonLog log, Metrics metrics) {
        this(inventories, organization, channels, tracker, completion, accounts, null, log, metrics);
    }

    private ScanPipeline(PerAccount<RdsInventory> inventories, MemberAccounts organization, List<Channel> channels,
            Tracker tracker, CompletionCheck completion, Accounts accounts, Translating translating, JsonLog log,
            Metrics metrics) {
        this.completion = completion;
        this.translating = translating;
        this.inventories = inventories;
        this.organization = organization;
        this.channels = List.copyOf(channels);
        this.tracker = tracker;
        this.followUp = new FollowUp(tracker, completion, log);
        this.accounts = accounts;
        this.log = log;
        this.metrics = metrics;
    }

    /** This scan, with its completion notices' original translated by {@code translating} (null: not translated). */
    public ScanPipeline translatingWith(Translating translating) {
        return new ScanPipeline(inventories, organization, channels, tracker, completion, accounts, translating, log,
                metrics);
    }

    /**
     * What one scan found and did.
     *
     * @param places   every account and region that was to be scanned
     * @param read     those whose pending actions were read (with or without their databases' details)
     * @param notices  every pending action found
     * @param gaps     what could not be finished, with why: places not read at all or without their databases' details,
     *                 member accounts whose reader role could not be assumed, the organization's list
     * @param digest   the digest sent, when the day called for one
     * @param dispatch where it went
     * @param stories  what the follow-up of the state table's open stories found, and the completions it sent
     */
    public record Report(List<Place> places, List<Place> read, List<Notice> notices, List<RegionGap> gaps,
            Optional<RenderedDigest> digest, Dispatch dispatch, Stories stories) {

        public Report {
            places = List.copyOf(places);
            read = List.copyOf(read);
            gaps = List.copyOf(gaps);
        }

        /** What could not be read at all, with why. */
        public List<RegionGap> notScanned() {
            return RegionGap.notScanned(gaps);
        }

        /** The places whose pending actions were read but not their databases' details, with why. */
        public List<RegionGap> detailsUnread() {
            return RegionGap.detailsUnread(gaps);
        }

        /** The places whose pending actions were read, and their databases' details too. */
        public Set<Place> readInFull() {
            Set<Place> full = new HashSet<>(read);
            detailsUnread().forEach(gap -> full.remove(new Place(gap.account(), gap.region())));
            return full;
        }

        Report with(Optional<RenderedDigest> sent, Dispatch by, Stories followed) {
            return new Report(places, read, notices, gaps, sent, by, followed);
        }

        public boolean nothingScanned() {
            return read.isEmpty();
        }

        /** Nothing could be scanned, or a digest was due and no channel took it: the invocation must fail. */
        public boolean failed() {
            return nothingScanned() || (digest.isPresent() && dispatch.deliveredNowhere());
        }
    }

    /**
     * The state table's stories, as one scan followed them up.
     *
     * @param open        open AWS Health stories with a date (the digest reminds of them)
     * @param overdue     stories reported as overdue
     * @param completions the completion notices sent, by where they went
     * @param unavailable why the state table could not be used, or null
     */
    public record Stories(int open, int overdue, List<Dispatch> completions, String unavailable) {
        static final Stories NONE = new Stories(0, 0, List.of(), null);
    }

    public Report run(Instant now, ScanSettings settings, Budget invocation) {
        Budget working = NoticePipeline.working(invocation);
        List<RegionGap> unlisted = new ArrayList<>();
        ScanSettings scope = settings.accounts().organization() ? withOrganization(settings, working, unlisted) : settings;
        Report scanned = scan(scope, working.share(REGION_SHARE, MAX_REGION), unlisted);
        FollowUp.Found found = scanned.nothingScanned() ? FollowUp.Found.NOTHING
                : followUp.run(scanned.notices(), scanned.readInFull(), scope.accounts(),
                        channels.stream().map(Channel::name).toList(), now,
                        working.share(FOLLOW_UP_SHARE, MAX_FOLLOW_UP), working.remaining());
        if (found.unavailable() != null) {
            metrics.count(Metrics.STATE_UNAVAILABLE);
        }
        AccountNames names = names(working);
        Stories stories = new Stories(found.events().size(), found.overdue().size(),
                found.completions().stream().map(send -> complete(send, names, now, working)).toList(),
                found.unavailable());
        Optional<Digest> digest = scanned.nothingScanned()
                // Nothing was scanned: fail (alarm, retry) rather than send a digest of nothing.
                ? Optional.empty()
                : Digest.plan(named(scanned.notices(), names), named(found.events(), names),
                        named(found.overdue(), names), scanned.gaps(), now, scope);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("regions", settings.regions());
        if (!scope.accounts().members().isEmpty() || scope.accounts().organization()) {
            fields.put("memberAccounts", scope.accounts().members());
        }
        fields.put("actions", scanned.notices().size());
        fields.put("unfinished", scanned.gaps().stream().map(RegionGap::where).toList());
        fields.put("openStories", stories.open());
        fields.put("overdue", stories.overdue());
        fields.put("completions", stories.completions().size());
        if (digest.isEmpty()) {
            fields.put("outcome", scanned.nothingScanned() ? "failed" : "nothing due");
            log.info("scan finished", fields);
            return scanned.with(Optional.empty(), Dispatch.none(), stories);
        }
        RenderedDigest rendered = DigestRenderer.render(digest.get(), found.sequences());
        fields.put("due", digest.get().due().size());
        fields.put("weekly", digest.get().weekly());
        Dispatch dispatch = Dispatch.send(rendered, channels, working, log, fields);
        dispatch.count(metrics, "DIGEST");
        fields.put("outcome", dispatch.deliveredNowhere() ? "failed" : "digest sent");
        fields.put("delivered", dispatch.delivered());
        log.info("scan finished", fields);
        return scanned.with(Optional.of(rendered), dispatch, stories);
    }

    /**
     * The settings with the organization's accounts as members. When they cannot be listed, the scan goes on with the
     * function's own account and the gap says why.
     */
    private ScanSettings withOrganization(ScanSettings settings, Budget working, List<RegionGap> gaps) {
        Budget share = working.share(MEMBERS_SHARE, MAX_MEMBERS);
        SideBySide.Ending<List<String>> listed = SideBySide.run(Map.of("organization",
                (Callable<List<String>>) () -> organization.activeAccounts(share)), share, Duration.ZERO)
                .get("organization");
        RegionGap gap;
        switch (listed) {
            case SideBySide.Done<List<String>> done -> {
                return settings.withMembers(done.value());
            }
            case SideBySide.Failed<List<String>> failed -> gap = RdsErrors.membersUnlisted(failed.cause());
            case SideBySide.Abandoned<List<String>> abandoned -> gap = RegionGap.membersUnlisted(Cause.TIME_RAN_OUT, null);
        }
        gaps.add(gap);
        log.error("organization accounts not listed; only this account is scanned", Map.of("cause", gap.cause().name(),
                "error", String.valueOf(gap.error())));
        return settings.withMembers(List.of());
    }

    /**
     * Sends one completion notice the follow-up claimed, to the channels that have not taken it, and records where it
     * went. A channel that fails is logged and counted; the story is done either way, so it is not tried again.
     */
    private Dispatch complete(Tracker.Send send, AccountNames names, Instant now, Budget working) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("story", send.id());
        fields.put("revision", send.revision().kind().name());
        Notice notice = named(send.notice(), names);
        Outgoing message;
        try {
            message = RenderedNotice.of(notice, now, send.revision(), translation(notice, working), send.number() - 1);
        } catch (RuntimeException | Error defect) {
            message = MinimalNotice.of(notice.announcement(), notice.accountName(), "internal error while rendering: "
                    + defect);
        }
        // A completion goes where the story's first notice went: the account's own topics too.
        List<Channel> all = new ArrayList<>(channels);
        all.addAll(accounts.find(notice, working.share(ACCOUNTS_SHARE, MAX_ACCOUNTS), log).channels());
        List<Channel> to = all.stream().filter(c -> !send.delivered().contains(c.name())).toList();
        Dispatch dispatch = Dispatch.send(message, to, working, log, fields);
        dispatch.count(metrics, send.notice().category().name());
        try {
            tracker.finish(send, dispatch.delivered(), working);
        } catch (RuntimeException e) {
            log.error("could not record the completion notice's delivery", Map.of("error", String.valueOf(e)));
        }
        fields.put("delivered", dispatch.delivered());
        log.info("completion notice sent", fields);
        return dispatch;
    }

    /** The notice's original in Japanese as far as it can be trusted, or null when none is configured or there is none. */
    private Translation translation(Notice notice, Budget working) {
        String original = notice.announcement().description();
        return translating == null || original == null || original.isBlank() ? null
                : translating.translate(original, working.share(TRANSLATION_SHARE, MAX_TRANSLATION));
    }

    /** Every name known, asked for once a scan within a share of its time; none when that fails. */
    private AccountNames names(Budget working) {
        try {
            return accounts.directory().names(working.share(ACCOUNTS_SHARE, MAX_ACCOUNTS));
        } catch (RuntimeException e) {
            log.error("could not name the accounts; the digest shows their ids", Map.of("error", String.valueOf(e)));
            return AccountNames.NONE;
        }
    }

    private static List<Notice> named(List<Notice> notices, AccountNames names) {
        return notices.stream().map(n -> named(n, names)).toList();
    }

    private static Notice named(Notice notice, AccountNames names) {
        return names.isEmpty() ? notice
                : notice.withAccountName(names.name(notice.announcement().account()).orElse(notice.accountName()));
    }

    /**
     * Reads every place, {@link #AT_ONCE} at a time, each within its turn's share of {@code share}, and waits for none
     * past it: a place still running then is abandoned (its thread interrupted, its SDK calls bounded anyway) and
     * reported as out of time. A member account none of whose places could be read because its reader role could not
     * be assumed is reported once, as a whole.
     */
    private Report scan(ScanSettings settings, Budget share, List<RegionGap> earlier) {
        List<Place> places = settings.accounts().places(settings.regions());
        String role = settings.accounts().readerRole();
        Map<Place, Function<Budget, RegionScan>> scans = new LinkedHashMap<>();
        places.forEach(place -> scans.put(place, turn -> inventories.in(place.account(), role)
                .withPendingMaintenance(place.region(), turn.less(HAND_BACK))));
        Map<Place, SideBySide.Ending<RegionScan>> endings = SideBySide.inTurns(scans, AT_ONCE, share, Duration.ZERO);
        Set<String> roleNotAssumed = accountsWithoutRole(endings, settings.regions().size());

        List<Notice> notices = new ArrayList<>();
        List<Place> read = new ArrayList<>();
        List<RegionGap> gaps = new ArrayList<>(earlier);
        Set<String> told = new HashSet<>();
        endings.forEach((place, ending) -> {
            switch (ending) {
                case SideBySide.Done<RegionScan> done -> {
                    RegionScan found = done.value();
                    notices.addAll(pendingNotices.of(found.databases()));
                    read.add(place);
                    found.detailsUnread().ifPresent(gap -> gaps.add(gap.at(place)));
                    Map<String, Object> fields = fieldsOf(place);
                    fields.put("databases", found.databases().size());
                    found.detailsUnread().ifPresent(gap -> fields.put("detailsUnread", gap.toString()));
                    log.info("region scanned", fields);
                }
                case SideBySide.Failed<RegionScan> failed when roleNotAssumed.contains(place.account()) -> {
                    if (told.add(place.account())) {
                        RegionGap gap = RdsErrors.roleNotAssumed(place.account(), failed.cause().getCause());
                        gaps.add(gap);
                        log.error("account not scanned: its reader role could not be assumed", Map.of("account",
                                place.account(), "cause", gap.cause().name(), "error", String.valueOf(failed.cause())));
                    }
                }
                case SideBySide.Failed<RegionScan> failed -> notScanned(place, RdsErrors.notScanned(
                        failed.cause() instanceof RoleNotAssumedException e ? e.getCause() : failed.cause()),
                        String.valueOf(failed.cause()), gaps);
                case SideBySide.Abandoned<RegionScan> abandoned -> notScanned(place,
                        RegionGap.notScanned(Cause.TIME_RAN_OUT, null), abandoned.waitInterrupted() ? "interrupted"
                                : "no answer within the place's share of the time budget", gaps);
            }
        });
        return new Report(places, read, notices, gaps, Optional.empty(), Dispatch.none(), Stories.NONE);
    }

    /** The member accounts all of whose {@code regions} places failed because the reader role could not be assumed. */
    private static Set<String> accountsWithoutRole(Map<Place, SideBySide.Ending<RegionScan>> endings, int regions) {
        Map<String, Integer> failures = new HashMap<>();
        endings.forEach((place, ending) -> {
            if (!place.isHome() && ending instanceof SideBySide.Failed<RegionScan> failed
                    && failed.cause() instanceof RoleNotAssumedException) {
                failures.merge(place.account(), 1, Integer::sum);
            }
        });
        Set<String> accounts = new HashSet<>();
        failures.forEach((account, count) -> {
            if (count == regions) {
                accounts.add(account);
            }
        });
        return accounts;
    }

    private void notScanned(Place place, RegionGap gap, String error, List<RegionGap> gaps) {
        gaps.add(gap.at(place));
        Map<String, Object> fields = fieldsOf(place);
        fields.put("cause", gap.cause().name());
        fields.put("error", error);
        log.error("region scan failed", fields);
    }

    /** A place's log fields: its region, and its account when it is a member's. */
    private static Map<String, Object> fieldsOf(Place place) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("region", place.region());
        if (!place.isHome()) {
            fields.put("account", place.account());
        }
        return fields;
    }
}
