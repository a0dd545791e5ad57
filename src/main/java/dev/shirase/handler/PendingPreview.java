package dev.shirase.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.account.AccountNames;
import dev.shirase.notice.Jst;
import dev.shirase.notice.Notice;
import dev.shirase.render.DigestRenderer;
import dev.shirase.render.RenderedDigest;
import dev.shirase.render.RenderedNotice;
import dev.shirase.scan.CliOutput;
import dev.shirase.scan.Databases;
import dev.shirase.scan.Digest;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.ScanSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the daily scan would send for an account, from saved AWS CLI output: {@code describe-pending-maintenance-actions}
 * and, for windows and Multi-AZ, {@code describe-db-instances} / {@code describe-db-clusters}.
 */
final class PendingPreview {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The saved CLI output files; instances and clusters may be null. */
    record SavedOutput(String pending, String instances, String clusters) {
    }

    private final Preview.Format format;
    private final PrintStream out;
    private final AccountNames names;
    /** The mail address calendars come from (SHIRASE_MAIL_FROM), or null. */
    private final String organizer;

    /**
     * @param names     how to name the accounts of the saved output's ARNs
     * @param organizer the mail address calendars come from, or null
     */
    PendingPreview(Preview.Format format, PrintStream out, AccountNames names, String organizer) {
        this.format = format;
        this.out = out;
        this.names = names;
        this.organizer = organizer;
    }

    /** Exit status: 0, or 1 when a file could not be read. */
    int run(SavedOutput files, Instant now, ScanSettings settings) {
        List<Notice> notices;
        try {
            JsonNode pending = read(files.pending());
            JsonNode instances = files.instances() == null ? null : read(files.instances());
            JsonNode clusters = files.clusters() == null ? null : read(files.clusters());
            notices = new PendingNotices().of(Databases.join(CliOutput.pendingActions(pending),
                    CliOutput.instances(instances), CliOutput.clusters(clusters))).stream()
                    .map(n -> n.withAccountName(names.name(n.announcement().account()).orElse(null))).toList();
        } catch (UnreadableFile | IllegalArgumentException e) {
            new Preview(format, out).print(List.of(new Preview.Item(files.pending(), null, e.getMessage())));
            return 1;
        }
        // The regions are those of the saved output, not of any configuration.
        List<String> regions = notices.stream().map(n -> n.announcement().region()).filter(r -> r != null)
                .distinct().toList();
        if (!regions.isEmpty()) {
            settings = new ScanSettings(regions, settings.reminderDays(), settings.digestDay());
        }
        switch (format) {
            case JSON -> notices.forEach(n ->
                    out.println(Preview.json(new Preview.Item(files.pending(), RenderedNotice.of(n, now), null))));
            case TEXT -> text(notices, now, settings);
            case HTML -> out.print(everything(notices, now, settings).html());
            // What the digest day's mail attaches: every pending action with a date.
            case ICS -> everything(notices, now, settings).calendar().ifPresentOrElse(c -> out.print(c.text(organizer)),
                    () -> System.err.println("shirase: no pending action has a date, so the digest attaches no calendar"));
        }
        out.flush();
        return 0;
    }

    private void text(List<Notice> notices, Instant now, ScanSettings settings) {
        Optional<Digest> wouldSend = Digest.plan(notices, List.of(), now, settings);
        out.println("スキャン日: " + Jst.dateTime(now));
        if (notices.isEmpty()) {
            out.println("保留中のメンテナンスはありません。この日のスキャンは何も送りません。");
            return;
        }
        out.println("この日のスキャンは: " + wouldSend.map(d -> d.due().isEmpty()
                        ? "週次まとめを送ります。"
                        : "リマインドを送ります (" + d.due().size() + "件" + (d.weekly() ? "、週次まとめを含む" : "") + ")。")
                .orElse("何も送りません (リマインドの日にも週次まとめの曜日にも当たりません)。以下は保留中のすべてです。"));
        out.println();
        RenderedDigest digest = wouldSend.map(DigestRenderer::render).orElseGet(() -> everything(notices, now, settings));
        out.println("件名: " + digest.subject());
        out.println();
        out.print(digest.text());
    }

    /** Everything pending, as the digest day would list it. */
    private static RenderedDigest everything(List<Notice> notices, Instant now, ScanSettings settings) {
        List<Notice> due = Digest.plan(notices, List.of(), now, settings).map(Digest::due).orElse(List.of());
        return DigestRenderer.render(new Digest(now, settings, due, notices, true, List.of(), List.of()));
    }

    private static JsonNode read(String file) {
        try {
            return MAPPER.readTree(Files.readString(Path.of(file)));
        } catch (NoSuchFileException e) {
            throw new UnreadableFile("file not found: " + file);
        } catch (IOException e) {
            throw new UnreadableFile("cannot read " + file + " as JSON: " + e.getMessage());
        }
    }

    private static final class UnreadableFile extends RuntimeException {
        UnreadableFile(String message) {
            super(message);
        }
    }
}
