package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.classify.Classifier;
import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.render.RenderedNotice;
import dev.shirase.source.EventReader;
import dev.shirase.testing.Events;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole Japanese text of every sample's notice and of the scan's digest, read line by line and stored as the
 * expected output under src/test/resources/golden. A change of wording shows here as a diff to review; after reviewing
 * it, {@code ./mvnw test -Dtest=GoldenNoticesTest -Dgolden.update=true} writes the new texts.
 */
class GoldenNoticesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String NOW = "2026-11-24T00:00:00Z";
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Path> samples() {
        return Events.notifierSamples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleNotice(Path sample) throws IOException {
        String name = sample.getFileName().toString().replace(".json", ".txt");
        assertGolden(name, preview("preview", "--now", NOW, sample.toString()));
    }

    @Test
    void scanDigest() throws IOException {
        assertGolden("scan-digest.txt", preview("preview", "--now", NOW,
                "--pending-maintenance", "examples/rds-cli/describe-pending-maintenance-actions.json",
                "--db-instances", "examples/rds-cli/describe-db-instances.json",
                "--db-clusters", "examples/rds-cli/describe-db-clusters.json"));
    }

    /** The organizational-view sample with its affected account named, as SHIRASE_ACCOUNT_NAMES names it. */
    @Test
    void organizationalViewWithTheAccountNamed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                java.util.Map.of(dev.shirase.account.AccountNames.ENV, "{\"111122223333\": \"prod-payments\"}"))
                .run(new String[] {"preview", "--now", NOW, "events/health-org-view-affected-account.json"});
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertGolden("health-org-view-affected-account-named.txt", out.toString(StandardCharsets.UTF_8));
    }

    /** A scheduled RDS maintenance once the RDS API has told each database's window and Multi-AZ state. */
    @Test
    void enrichedRdsMaintenance() throws IOException {
        Notice notice = new Classifier().classify(new EventReader().read(
                Events.sample("health-rds-maintenance-scheduled.json")));
        Notice enriched = notice.withDatabases(List.of(
                new DatabaseState("billing-db-01", "arn:aws:rds:ap-northeast-1:123456789012:db:billing-db-01", false,
                        "postgres", "16.4", false, MaintenanceWindow.parse("sun:18:00-sun:18:30"), List.of()),
                new DatabaseState("reporting-db-01", "arn:aws:rds:ap-northeast-1:123456789012:db:reporting-db-01",
                        false, "postgres", "16.4", true, MaintenanceWindow.parse("wed:17:00-wed:17:30"), List.of())));
        RenderedNotice rendered = RenderedNotice.of(enriched, Instant.parse(NOW));
        assertGolden("health-rds-maintenance-scheduled-enriched.txt",
                "件名: " + rendered.subject() + "\n\n" + rendered.text());
    }

    private static String preview(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertThat(file).as("golden text %s (write it with -Dgolden.update=true, then review it)", name).exists();
        assertThat(actual).isEqualTo(Files.readString(file));
    }
}
