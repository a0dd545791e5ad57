package dev.shirase.pipeline;

import dev.shirase.account.AccountNames;
import dev.shirase.budget.Budget;
import dev.shirase.budget.SideBySide;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.Dispatch;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.notice.Notice;
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
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.RegionGap.Cause;
import dev.shirase.scan.RegionGap.Missing;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.ScanSettings;
import dev.shirase.state.Tracker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * scan the regions side by side -> one notice per pending action -> decide the digest -> render -> deliver.
 *
 * <p>Time: the invocation's reserve is kept back as for notices ({@link NoticePipeline#working}); each region gets the
 * same share of the rest, and a region that has not answered when its share ends is abandoned and reported, so that
 * the digest of the others always has time to go out.
 */
public final class ScanPipeline {
    /**
     * Each region's share of the working budget; the regions run side by side, so the scan takes no longer. The rest,
     * at least 40%, renders and delivers the digest: a send can take a few attempts of up to
     * {@link dev.shirase.aws.AwsClients#ATTEMPT_TIMEOUT}, and it must fit even when every region uses its whole share.
     */
    static final double REGION_SHARE = 0.6;
    /** A region that answers at all is read in seconds; a hung one then holds the digest back no longer than this. */
    static final Duration MAX_REGION = Duration.ofMinutes(2);
    /**
     * A region's calls end this much before its share does, so that what it read before a call timed out (the pending
     * actions, when only the databases' details fail) is handed back before the region is abandoned.
     */
    static final Duration HAND_BACK = Duration.ofMillis(250);

    /** The follow-up's share of what the region scan left, at most {@link #MAX_FOLLOW_UP}; the digest has the rest. */
    static final double FOLLOW_UP_SHARE = 0.5;
    static final Duration MAX_FOLLOW_UP = Duration.ofSeconds(90);
    /** Naming the accounts (AWS Organizations, once per container): this share of what is left, at most this long. */
    static final double ACCOUNTS_SHARE = 0.1;
    static final Duration MAX_ACCOUNTS = Duration.ofSeconds(10);

    private final RdsInventory inventory;
    private final List<Channel> channels;
    private final Tracker tracker;
    private final FollowUp followUp;
    private final Accounts accounts;
    private final JsonLog log;
    private final Metrics metrics;
    private final PendingNotices pendingNotices = new PendingNotices();

    public ScanPipeline(RdsInventory inventory, List<Channel> channels, JsonLog log, Metrics metrics) {
        this(inventory, channels, Tracker.none(java.time.Clock.systemUTC()), CompletionCheck.NONE, log, metrics);
    }

    /**
     * @param tracker    the state table, for AWS Health reminders and completions ({@link Tracker#none} without one)
     * @param completion how to ask AWS whether a story's work is done
     */
    public ScanPipeline(RdsInventory inventory, List<Channel> channels, Tracker tracker, CompletionCheck completion,
            JsonLog log, Metrics metrics) {
        this(inventory, channels, tracker, completion, Accounts.NONE, log, metrics);
    }

    /**
     * @param accounts the names of accounts for the digest and the completions, and the extra channels of each
     *                 account's completion notices
     */
    public ScanPipeline(RdsInventory inventory, List<Channel> channels, Tracker tracker, CompletionCheck completion,
            Accounts accounts, JsonLog log, Metrics metrics) {
        this.inventory = inventory;
        this.channels = List.copyOf(channels);
        this.tracker = tracker;
        this.followUp = new FollowUp(tracker, completion, log);
        this.accounts = accounts;
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * What one scan found and did.
     *
     * @param regions  how many regions were to be scanned
     * @param notices  every pending action found
     * @param gaps     regions that could not be finished, with why: not scanned at all, or without their databases'
     *                 details
     * @param digest   the digest sent, when the day called for one
     * @param dispatch where it went
     * @param stories  what the follow-up of the state table's open stories found, and the completions it sent
     */
    public record Report(int regions, List<Notice> notices, Map<String, RegionGap> gaps,
            Optional<RenderedDigest> digest, Dispatch dispatch, Stories stories) {

        public Report {
            gaps = Collections.unmodifiableMap(new LinkedHashMap<>(gaps));
        }

        /** The regions whose pending actions could not be read, with why. */
        public Map<String, RegionGap> notScanned() {
            return RegionGap.lacking(Missing.PENDING_ACTIONS, gaps);
        }

        /** The regions whose pending actions were read but not their databases' details, with why. */
        public Map<String, RegionGap> detailsUnread() {
            return RegionGap.lacking(Missing.DATABASE_DETAILS, gaps);
        }

        Report with(Optional<RenderedDigest> sent, Dispatch by, Stories followed) {
            return new Report(regions, notices, gaps, sent, by, followed);
        }

        public boolean nothingScanned() {
            return notScanned().size() == regions;
        }

        /** No region could be scanned, or a digest was due and no channel took it: the invocation must fail. */
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
        Report scanned = scan(settings.regions(), working.share(REGION_SHARE, MAX_REGION));
        FollowUp.Found found = scanned.nothingScanned() ? FollowUp.Found.NOTHING
                : followUp.run(scanned.notices(), scanned.gaps(), channels.stream().map(Channel::name).toList(), now,
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
                        named(found.overdue(), names), scanned.gaps(), now, settings);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("regions", settings.regions());
        fields.put("actions", scanned.notices().size());
        fields.put("unfinished", scanned.gaps().keySet());
        fields.put("openStories", stories.open());
        fields.put("overdue", stories.overdue());
        fields.put("completions", stories.completions().size());
        if (digest.isEmpty()) {
            fields.put("outcome", scanned.nothingScanned() ? "failed" : "nothing due");
            log.info("scan finished", fields);
            return scanned.with(Optional.empty(), Dispatch.none(), stories);
        }
        RenderedDigest rendered = DigestRenderer.render(digest.get());
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
            message = RenderedNotice.of(notice, now, send.revision());
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
     * Scans every region at once, each within {@code share}, and waits for none past its end: a region still running
     * then is abandoned (its thread interrupted, its SDK call bounded anyway) and reported as out of time.
     */
    private Report scan(List<String> regions, Budget share) {
        Budget calls = share.less(HAND_BACK);
        Map<String, Callable<RegionScan>> scans = new LinkedHashMap<>();
        regions.forEach(region -> scans.put(region, () -> inventory.withPendingMaintenance(region, calls)));
        List<Notice> notices = new ArrayList<>();
        Map<String, RegionGap> gaps = new LinkedHashMap<>();
        SideBySide.run(scans, share, Duration.ZERO).forEach((region, ending) -> {
            switch (ending) {
                case SideBySide.Done<RegionScan> done -> {
                    RegionScan found = done.value();
                    notices.addAll(pendingNotices.of(found.databases()));
                    found.detailsUnread().ifPresent(gap -> gaps.put(region, gap));
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("region", region);
                    fields.put("databases", found.databases().size());
                    found.detailsUnread().ifPresent(gap -> fields.put("detailsUnread", gap.toString()));
                    log.info("region scanned", fields);
                }
                case SideBySide.Failed<RegionScan> failed -> notScanned(region, RdsErrors.notScanned(failed.cause()),
                        String.valueOf(failed.cause()), gaps);
                case SideBySide.Abandoned<RegionScan> abandoned -> notScanned(region,
                        RegionGap.notScanned(Cause.TIME_RAN_OUT, null), abandoned.waitInterrupted() ? "interrupted"
                                : "no answer within the region's share of the time budget", gaps);
            }
        });
        return new Report(regions.size(), notices, gaps, Optional.empty(), Dispatch.none(), Stories.NONE);
    }

    private void notScanned(String region, RegionGap gap, String error, Map<String, RegionGap> gaps) {
        gaps.put(region, gap);
        log.error("region scan failed", Map.of("region", region, "cause", gap.cause().name(), "error", error));
    }
}
