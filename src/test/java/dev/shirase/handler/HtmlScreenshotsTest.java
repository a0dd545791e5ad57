package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.classify.Classifier;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.notice.PendingAction;
import dev.shirase.render.DigestRenderer;
import dev.shirase.scan.Digest;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.Place;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.ScanSettings;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Chromium;
import dev.shirase.testing.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTML mail of every sample in events/ and of the scan's digest, as the preview prints it, laid out in headless
 * Chromium at 1200 px (a desktop mail client) and 390 px (a phone), photographed into target/screenshots/, and checked
 * for sideways overflow: the document must be exactly as wide as the screen.
 *
 * <p>Runs wherever Chromium is installed ({@code .ci/run} installs Debian's {@code chromium}). Without it, the test
 * fails under CI and is skipped, saying so, elsewhere.
 */
@Timeout(120)
class HtmlScreenshotsTest {
    private static final Path OUT = Path.of("target", "screenshots");
    private static final int[] WIDTHS = {1200, 390};
    private static final String NOW = "2026-11-24T00:00:00Z";
    private static final String LONG_VALUES = "long-values";

    private static Chromium chromium;

    private static final String MISSING = "chromium is not installed: skipping the HTML mail screenshots and overflow "
            + "check (apt-get install chromium to run them)";

    @BeforeAll
    static void startChromium() throws Exception {
        var binary = Chromium.find();
        if (binary.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("chromium is not installed: the HTML mail cannot be checked for overflow (.ci/run installs it)");
            }
            System.err.println("HtmlScreenshotsTest: " + MISSING);
            return;
        }
        chromium = Chromium.start(binary.get(), Duration.ofSeconds(30));
    }

    /** Each test is skipped, and says why, where chromium is missing outside CI. */
    @BeforeEach
    void needsChromium() {
        assumeTrue(chromium != null, MISSING);
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void everyMailFitsADesktopAndAPhoneScreen() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        for (Path sample : Events.notifierSamples()) {
            pages.put(name(sample), preview("--format", "html", "--now", NOW, sample.toString()));
        }
        pages.put("scan-digest", preview("--format", "html", "--now", NOW,
                "--pending-maintenance", "examples/rds-cli/describe-pending-maintenance-actions.json",
                "--db-instances", "examples/rds-cli/describe-db-instances.json",
                "--db-clusters", "examples/rds-cli/describe-db-clusters.json"));
        pages.put("scan-digest-with-gaps", digestWithGaps());
        pages.put("scan-digest-with-events", digestWithEvents());
        pages.put(LONG_VALUES, preview("--format", "html", "--now", NOW, longValues().toString()));

        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path html = OUT.resolve(page.getKey() + ".html");
            Files.createDirectories(OUT);
            Files.writeString(html, page.getValue());
            for (int width : WIDTHS) {
                Path png = OUT.resolve(page.getKey() + "-" + width + ".png");
                // The stress page is only measured: its pictures would take as long as all the samples' together.
                boolean photograph = !page.getKey().equals(LONG_VALUES);
                Chromium.Layout layout = chromium.open(html, width, photograph ? png : null);
                softly.assertThat(layout.fits(width))
                        .as("%s at %d px: document %d px wide in a %d px window; running past the edge: %s",
                                page.getKey(), width, layout.scrollWidth(), layout.innerWidth(), layout.overflowing())
                        .isTrue();
                if (photograph) {
                    softly.assertThat(Files.size(png)).as("%s", png).isGreaterThan(1000);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void theCheckSeesAPageThatRunsOffAPhoneScreen() throws Exception {
        String head = "<!DOCTYPE html><html><head><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"
                + "</head><body>";
        String id = "arn:aws:rds:ap-northeast-1:123456789012:db:" + "x".repeat(120);
        Path wide = page("overflowing", head + "<p>" + id + "</p></body></html>");
        Path wrapped = page("wrapped", head + "<p style=\"overflow-wrap:anywhere\">" + id + "</p></body></html>");
        Path noViewport = page("no-viewport", "<!DOCTYPE html><html><body><p>短い本文</p></body></html>");

        Chromium.Layout over = chromium.open(wide, 390, null);
        Chromium.Layout fits = chromium.open(wrapped, 390, null);
        Chromium.Layout zoomedOut = chromium.open(noViewport, 390, null);

        assertThat(over.fits(390)).isFalse();
        assertThat(over.scrollWidth()).isGreaterThan(390);
        assertThat(over.overflowing()).anySatisfy(e -> assertThat(e).startsWith("p ").contains("arn:aws:rds"));
        assertThat(fits.fits(390)).isTrue();
        // A phone lays out a page without a viewport meta 980 px wide and shrinks it: unreadable, and caught.
        assertThat(zoomedOut.fits(390)).isFalse();
    }

    /** What {@code shirase preview} prints, without the comment line naming the file. */
    private static String preview(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(prepend("preview", args));
        assertThat(status).as("preview %s: %s", List.of(args), err.toString(StandardCharsets.UTF_8)).isZero();
        String html = out.toString(StandardCharsets.UTF_8);
        return html.startsWith("<!--") ? html.substring(html.indexOf('\n') + 1) : html;
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** A Health event with the longest values an event can bring: ids, a URL, and text without a space. */
    private static Path longValues() throws Exception {
        ObjectNode event = Events.health("AWS_RDS_SECURITY_NOTIFICATION", "accountNotification",
                "See https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/" + "a".repeat(200) + ".html and "
                        + "x".repeat(300));
        ArrayNode entities = ((ObjectNode) event.get("detail")).putArray("affectedEntities");
        for (int i = 0; i < 120; i++) {
            entities.addObject().put("entityValue", "arn:aws:rds:ap-northeast-1:123456789012:db:" + "long-name-".repeat(8) + i)
                    .put("status", i % 2 == 0 ? "PENDING" : "RESOLVED");
        }
        Path file = OUT.resolve(LONG_VALUES + ".json");
        Files.createDirectories(OUT);
        Files.write(file, Events.bytes(event));
        return file;
    }

    /** A digest with regions that could not be scanned, with an error as long as AWS writes them. */
    private static String digestWithGaps() {
        List<DatabaseState> dbs = new ArrayList<>();
        dbs.add(new DatabaseState("orders-db-" + "x".repeat(50), "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db",
                false, null, null, null, null, List.of(new PendingAction("system-update",
                        "New Operating System update is available", Instant.parse("2026-12-01T00:00:00Z"), null, null, null))));
        List<RegionGap> gaps = List.of(
                RegionGap.notScanned(RegionGap.Cause.ACCESS_DENIED, "User: arn:aws:sts::123456789012:"
                        + "assumed-role/shirase-scan-role-" + "y".repeat(60) + "/shirase is not authorized to perform: "
                        + "rds:DescribePendingMaintenanceActions").at(Place.home("eu-west-1")),
                RegionGap.detailsUnread(RegionGap.Cause.THROTTLED, "Rate exceeded").at(Place.home("ap-northeast-1")));
        ScanSettings settings = new ScanSettings(List.of("ap-northeast-1", "eu-west-1"), new TreeSet<>(List.of(14, 7, 3, 1)),
                DayOfWeek.MONDAY);
        Digest digest = Digest.plan(new PendingNotices().of(dbs), gaps, Instant.parse("2026-11-24T00:00:00Z"), settings)
                .orElseThrow();
        return DigestRenderer.render(digest).html();
    }

    /**
     * The digest day with an RDS action, AWS Health events (their ARNs as long as AWS makes them, in links) and stories
     * past their date.
     */
    private static String digestWithEvents() {
        List<DatabaseState> dbs = List.of(new DatabaseState("orders-db", "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db",
                false, "mysql", "8.0.40", true, MaintenanceWindow.parse("mon:18:00-mon:18:30"), List.of(new PendingAction(
                        "system-update", "New Operating System update is available", Instant.parse("2026-12-15T00:00:00Z"),
                        null, null, null))));
        ScanSettings settings = new ScanSettings(List.of("ap-northeast-1"), new TreeSet<>(List.of(14, 7, 3, 1)),
                DayOfWeek.MONDAY);
        // Monday 2026-12-14, the digest day, after the two reboots' dates.
        Digest digest = Digest.plan(new PendingNotices().of(dbs),
                notices("health-ec2-instance-retirement.json", "health-rds-end-of-standard-support.json"),
                notices("health-ec2-instance-reboot.json", "health-ec2-system-reboot.json"), List.of(),
                Instant.parse("2026-12-14T00:00:00Z"), settings).orElseThrow();
        return DigestRenderer.render(digest).html();
    }

    private static List<Notice> notices(String... samples) {
        List<Notice> notices = new ArrayList<>();
        for (String sample : samples) {
            notices.add(new Classifier().classify(new EventReader().read(Events.sample(sample))));
        }
        return notices;
    }

    private static Path page(String name, String html) throws Exception {
        Path file = OUT.resolve("checker").resolve(name + ".html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, html);
        return file;
    }

    private static String name(Path sample) {
        String file = sample.getFileName().toString();
        return file.substring(0, file.length() - ".json".length());
    }
}
