package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.notice.DatabaseState;
import dev.shirase.notice.MaintenanceWindow;
import dev.shirase.notice.Notice;
import dev.shirase.notice.PendingAction;
import dev.shirase.scan.Digest;
import dev.shirase.scan.PendingNotices;
import dev.shirase.scan.Place;
import dev.shirase.scan.RegionGap;
import dev.shirase.scan.ScanSettings;
import dev.shirase.testing.Events;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every payload of large, varied digests, pinned byte for byte by their SHA-256: RDS actions of every shape (engines,
 * windows, dates, opt-in states, descriptions with quotes, controls and characters of every UTF-8 length) with AWS
 * Health events, overdue stories and gaps, on the digest day and on others, and the body cut to many budgets. The
 * other digest tests say what the text means; this one says that none of it changed, to the byte, where the renderer
 * is only made faster. A deliberate change of output is reviewed in the other tests and written here with
 * {@code ./mvnw test -Dtest=DigestPayloadsPinTest -Dgolden.update=true}.
 */
class DigestPayloadsPinTest {
    private static final Path PINS = Path.of("src/test/resources/golden/digest-payloads.sha256");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final ScanSettings SETTINGS =
            new ScanSettings(List.of("ap-northeast-1", "us-east-1"), new TreeSet<>(List.of(14, 7, 3, 1)), DayOfWeek.MONDAY);
    private static final List<String> ACTIONS =
            List.of("system-update", "os-upgrade", "db-upgrade", "ca-certificate-rotation", "hardware-maintenance");
    private static final List<String> DESCRIPTIONS = List.of("New Operating System update is available",
            "Upgrade to the new minor version before March 1, 2027.", "A \"quoted\" fix\tfor the\\storage layer\u0001",
            "Aurora Serverless のプラットフォーム更新 🚀 (é)", "");
    private static final List<String> ENGINES = List.of("mysql", "aurora-postgresql", "postgres", "");
    private static final List<String> WINDOWS = List.of("mon:18:00-mon:18:30", "sat:23:00-sun:01:00", "wed:03:15-wed:04:00");
    private static final List<String> OPT_INS = List.of("", "next-maintenance", "immediate");
    private static final List<String> REGIONS = List.of("ap-northeast-1", "us-east-1", "eu-west-1");

    private static List<Notice> actions(int count, long seed) {
        Random random = new Random(seed);
        List<DatabaseState> databases = new ArrayList<>();
        Instant base = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < count; i++) {
            Instant autoApply = random.nextInt(4) == 0 ? null : base.plus(Duration.ofHours(random.nextInt(24 * 60)));
            Instant forced = random.nextInt(3) == 0 ? base.plus(Duration.ofDays(random.nextInt(90))) : null;
            String optIn = pick(random, OPT_INS);
            PendingAction action = new PendingAction(pick(random, ACTIONS), pick(random, DESCRIPTIONS), autoApply, forced,
                    null, optIn.isEmpty() ? null : optIn);
            String id = (random.nextInt(10) == 0 ? "名前-db-" : "db-") + random.nextInt(count * 2);
            String region = pick(random, REGIONS);
            String account = random.nextBoolean() ? "123456789012" : "210987654321";
            boolean described = random.nextInt(8) != 0;
            String engine = pick(random, ENGINES);
            databases.add(new DatabaseState(id, "arn:aws:rds:" + region + ":" + account + ":db:" + id,
                    engine.startsWith("aurora"), described && !engine.isEmpty() ? engine : null,
                    described ? "8.0." + random.nextInt(40) : null,
                    described && random.nextInt(5) != 0 ? random.nextBoolean() : null,
                    described && random.nextInt(6) != 0 ? MaintenanceWindow.parse(pick(random, WINDOWS)) : null,
                    List.of(action)));
        }
        return new PendingNotices().of(databases);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<Notice> events() {
        return Events.notifierSamples().stream().map(sample -> RenderingFixtures.notice(Events.sample(
                sample.getFileName().toString()))).toList();
    }

    /** Each case's digest. */
    private static Map<String, Digest> digests() {
        Map<String, Digest> digests = new LinkedHashMap<>();
        List<Notice> many = actions(2000, 1);
        List<Notice> events = events();
        List<RegionGap> gaps = List.of(
                RegionGap.notScanned(RegionGap.Cause.THROTTLED, "Rate exceeded").at(Place.home("us-east-1")),
                RegionGap.detailsUnread(RegionGap.Cause.ACCESS_DENIED, "not authorized").at(Place.home("ap-northeast-1")),
                RegionGap.roleNotAssumed("210987654321", RegionGap.Cause.ACCESS_DENIED, "AccessDenied"));
        Instant monday = Instant.parse("2026-11-30T00:00:00Z");
        Instant saturday = Instant.parse("2026-11-28T00:00:00Z");
        digests.put("weekly-actions", Digest.plan(many, List.of(), monday, SETTINGS).orElseThrow());
        digests.put("weekly-actions-events-overdue-gaps",
                Digest.plan(many, events, events.subList(0, 4), gaps, monday, SETTINGS).orElseThrow());
        digests.put("reminders-and-details-unread",
                Digest.plan(actions(600, 2), events, List.of(), gaps, saturday, SETTINGS).orElseThrow());
        digests.put("small-weekly", Digest.plan(actions(12, 3), events.subList(0, 3), List.of(), List.of(), monday,
                SETTINGS).orElseThrow());
        digests.put("events-only", Digest.plan(List.of(), events, events.subList(2, 5), List.of(), saturday, SETTINGS)
                .orElseThrow());
        return digests;
    }

    /** Each payload of every case, by name. */
    private static Map<String, String> payloads() {
        Map<String, String> payloads = new LinkedHashMap<>();
        digests().forEach((name, digest) -> {
            RenderedDigest rendered = DigestRenderer.render(digest);
            payloads.put(name + " subject", rendered.subject());
            payloads.put(name + " text", rendered.text());
            payloads.put(name + " html", rendered.html());
            payloads.put(name + " chat", rendered.chat());
            payloads.put(name + " sns", rendered.snsMessage());
            int full = Utf8.length(rendered.text());
            for (int budget : new int[] {0, 1, 150, 2_000, 9_999, full / 3, full / 2, full - 1, full}) {
                payloads.put(name + " text(" + budget + ")", rendered.layout().text(budget));
            }
        });
        return payloads;
    }

    @Test
    void everyPayloadIsTheSameToTheByte() throws IOException {
        StringBuilder pins = new StringBuilder();
        payloads().forEach((name, payload) -> pins.append(sha256(payload)).append("  ").append(name).append('\n'));
        if (UPDATE) {
            Files.writeString(PINS, pins);
        }
        assertThat(PINS).as("pins (write them with -Dgolden.update=true)").exists();
        assertThat(pins.toString()).isEqualTo(Files.readString(PINS));
    }

    /** Of the UTF-16 code units themselves: an encoder would replace a lone surrogate, and hide a change of it. */
    private static String sha256(String s) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < s.length(); i++) {
                sha.update((byte) (s.charAt(i) >> 8));
                sha.update((byte) s.charAt(i));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
