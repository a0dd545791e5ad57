package dev.shirase.pipeline;

import dev.shirase.budget.Budget;
import dev.shirase.deliver.Channel;
import dev.shirase.deliver.Dispatch;
import dev.shirase.log.JsonLog;
import dev.shirase.log.Metrics;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.Notice;
import dev.shirase.rds.RdsInventory;
import dev.shirase.render.DigestRenderer;
import dev.shirase.render.RenderedDigest;
import dev.shirase.scan.Digest;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.ScanSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** scan every region -> one notice per pending action -> decide the digest -> render -> deliver. */
public final class ScanPipeline {
    private final RdsInventory inventory;
    private final List<Channel> channels;
    private final JsonLog log;
    private final Metrics metrics;
    private final PendingNotices pendingNotices = new PendingNotices();

    public ScanPipeline(RdsInventory inventory, List<Channel> channels, JsonLog log, Metrics metrics) {
        this.inventory = inventory;
        this.channels = List.copyOf(channels);
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * What one scan found and did.
     *
     * @param regions      how many regions were to be scanned
     * @param notices      every pending action found
     * @param regionErrors regions that could not be scanned, with why
     * @param digest       the digest sent, when the day called for one
     * @param dispatch     where it went
     */
    public record Report(int regions, List<Notice> notices, Map<String, String> regionErrors,
            Optional<RenderedDigest> digest, Dispatch dispatch) {

        /** No region could be scanned, or a digest was due and no channel took it: the invocation must fail. */
        public boolean failed() {
            return regionErrors.size() == regions || (digest.isPresent() && dispatch.deliveredNowhere());
        }
    }

    public Report run(Instant now, ScanSettings settings, Budget invocation) {
        Budget working = NoticePipeline.working(invocation);
        Map<String, String> regionErrors = new LinkedHashMap<>();
        List<Notice> notices = scan(settings, regionErrors, working);
        Optional<Digest> digest = regionErrors.size() == settings.regions().size()
                // Nothing was scanned: fail (alarm, retry) rather than send a digest of nothing.
                ? Optional.empty()
                : Digest.plan(notices, regionErrors, now, settings);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("regions", settings.regions());
        fields.put("actions", notices.size());
        fields.put("regionErrors", regionErrors.keySet());
        if (digest.isEmpty()) {
            fields.put("outcome", regionErrors.size() == settings.regions().size() ? "failed" : "nothing due");
            log.info("scan finished", fields);
            return new Report(settings.regions().size(), notices, regionErrors, Optional.empty(),
                    Dispatch.none());
        }
        RenderedDigest rendered = DigestRenderer.render(digest.get());
        fields.put("due", digest.get().due().size());
        fields.put("weekly", digest.get().weekly());
        Dispatch dispatch = Dispatch.send(rendered, channels, working, log, fields);
        dispatch.delivered().forEach(channel -> metrics.delivery(channel, "DIGEST", true));
        dispatch.failures().keySet().forEach(channel -> metrics.delivery(channel, "DIGEST", false));
        fields.put("outcome", dispatch.deliveredNowhere() ? "failed" : "digest sent");
        fields.put("delivered", dispatch.delivered());
        log.info("scan finished", fields);
        return new Report(settings.regions().size(), notices, regionErrors, Optional.of(rendered), dispatch);
    }

    private List<Notice> scan(ScanSettings settings, Map<String, String> regionErrors, Budget working) {
        List<Notice> notices = new ArrayList<>();
        for (String region : settings.regions()) {
            try {
                List<DatabaseState> databases = inventory.withPendingMaintenance(region, working);
                notices.addAll(pendingNotices.of(databases));
                log.info("region scanned", Map.of("region", region, "databases", databases.size()));
            } catch (RuntimeException e) {
                regionErrors.put(region, String.valueOf(e.getMessage()));
                log.error("region scan failed", Map.of("region", region, "error", String.valueOf(e.getMessage())));
            }
        }
        return notices;
    }
}
