package dev.shirase.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.pipeline.NoticePipeline;
import dev.shirase.testing.Calendars;
import dev.shirase.testing.ChildJvm;
import dev.shirase.testing.Events;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> jsonLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout().split("\n")) {
            lines.add(MAPPER.readTree(line));
        }
        return lines;
    }

    @Test
    void previewPrintsOneJsonObjectPerFileWithTheContractFields() throws IOException {
        List<String> args = new ArrayList<>(List.of("preview", "--format", "json", "--now", "2026-11-24T09:00:00+09:00"));
        Events.notifierSamples().forEach(p -> args.add(p.toString()));

        int status = run(args.toArray(String[]::new));

        assertThat(status).isZero();
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(Events.notifierSamples().size());
        for (JsonNode line : lines) {
            assertThat(line.fieldNames()).toIterable().contains("file", "category", "obligation", "service", "region",
                    "account", "resources", "deadline", "subject", "text", "error");
            assertThat(line.get("error").isNull()).as(line.get("file").asText()).isTrue();
            assertThat(line.get("category").asText()).isIn("SECURITY_PATCH", "OS_UPDATE", "SYSTEM_REBOOT",
                    "ENGINE_UPGRADE", "END_OF_SUPPORT", "HARDWARE_RETIREMENT", "INFORMATION", "UNCLASSIFIED");
            assertThat(line.get("obligation").asText()).isIn("REQUIRED", "OPTIONAL", "INFORMATION");
            assertThat(line.get("resources").isArray()).isTrue();
            assertThat(line.get("subject").asText()).startsWith("【").hasSizeLessThan(100);
            assertThat(line.get("text").asText()).startsWith("■ 概要");
            if (!line.get("deadline").isNull()) {
                assertThat(line.get("deadline").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?\\+09:00");
            }
        }
    }

    @Test
    void previewReportsEachUnreadableInputAndGoesOn(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"source\": \"aws.health\"");
        Path missing = dir.resolve("missing.json");

        int status = run("preview", "--format", "json", broken.toString(), missing.toString(),
                "events/health-ec2-instance-reboot.json");

        assertThat(status).isEqualTo(1);
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("error").asText()).startsWith("not valid JSON");
        assertThat(lines.get(0).get("category").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(lines.get(0).get("text").asText()).contains("{\"source\": \"aws.health\"");
        assertThat(lines.get(1).get("error").asText()).startsWith("file not found");
        assertThat(lines.get(1).get("category").isNull()).isTrue();
        assertThat(lines.get(2).get("error").isNull()).isTrue();
        assertThat(lines.get(2).get("category").asText()).isEqualTo("SYSTEM_REBOOT");
    }

    @Test
    void previewAsTextAndHtml() {
        assertThat(run("preview", "events/health-rds-oracle-os-update.json")).isZero();
        assertThat(stdout()).startsWith("==> events/health-rds-oracle-os-update.json <==\n件名: 【要対応・必須】")
                .contains("■ 概要");

        out.reset();
        assertThat(run("preview", "--format", "html", "events/health-rds-oracle-os-update.json")).isZero();
        assertThat(stdout()).contains("<!DOCTYPE html>").contains("<h2");
    }

    @Test
    void previewAsChatPrintsTheNotificationExactlyAsSnsPublishesItToHttpsSubscribers() throws IOException {
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        List<String> args = new ArrayList<>(List.of("preview", "--format", "chat", "--now", now.toString()));
        Events.notifierSamples().forEach(p -> args.add(p.toString()));

        int status = run(args.toArray(String[]::new));

        assertThat(status).isZero();
        String[] lines = stdout().split("\n");
        assertThat(lines).hasSize(Events.notifierSamples().size());
        NoticePipeline pipeline = NoticePipeline.renderOnly(Clock.fixed(now, ZoneOffset.UTC));
        for (int i = 0; i < lines.length; i++) {
            byte[] event = Files.readAllBytes(Events.notifierSamples().get(i));
            String https = MAPPER.readTree(pipeline.render(event).snsMessage()).get("https").asText();
            assertThat(lines[i]).isEqualTo(https);
            JsonNode chat = MAPPER.readTree(lines[i]);
            assertThat(chat.get("source").asText()).isEqualTo("custom");
            assertThat(chat.at("/content/textType").asText()).isEqualTo("client-markdown");
        }
    }

    @Test
    void previewAsChatKeepsOneLinePerFileAndReportsErrorsApart(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.json");

        int status = run("preview", "--format", "chat", missing.toString(), "events/health-ec2-instance-reboot.json");

        assertThat(status).isEqualTo(1);
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).at("/content/description").asText()).contains("file not found");
        assertThat(lines.get(1).at("/metadata/additionalContext/category").asText()).isEqualTo("SYSTEM_REBOOT");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.json: file not found");
        assertThat(Cli.USAGE).contains("--format text|json|html|chat");

        assertThat(run("preview", "--format", "chat", "--pending-maintenance", "x.json")).isEqualTo(2);
    }

    @Test
    void theNowOptionFixesTheDaysLeft() {
        run("preview", "--now", "2027-03-01", "events/health-rds-aurora-postgresql-security-upgrade.json");
        assertThat(stdout()).contains("(あと 2 日)").contains("3/3(水)から自動適用");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("preview")).isEqualTo(2);
        assertThat(run("preview", "--format", "pdf", "x.json")).isEqualTo(2);
        assertThat(run("preview", "--now", "yesterday", "x.json")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown format 'pdf'").contains("usage:");
    }

    @Test
    void invokeCallsTheHandlerTheTemplateNamesAndPrintsItsResult() throws IOException {
        // No SHIRASE_* variables in the test JVM: the handler falls back to the console channel.
        PrintStream systemOut = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = run("invoke", "events/rds-event-0155-minor-version-available.json");
        } finally {
            System.setOut(systemOut);
        }

        assertThat(status).isZero();
        JsonNode result = MAPPER.readTree(stdout());
        assertThat(result.get("category").asText()).isEqualTo("ENGINE_UPGRADE");
        assertThat(result.get("delivered")).extracting(JsonNode::asText).containsExactly("console");
        assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("件名: 【要確認】RDS");
    }

    @Test
    void replayNeedsAQueueAndSomewhereToDeliver() {
        assertThat(run("replay")).isEqualTo(2);
        assertThat(run("replay", "--queue-url", "http://127.0.0.1:9/q", "--max", "0")).isEqualTo(2);
        assertThat(run("replay", "--queue-url", "http://127.0.0.1:9/q", "extra")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("replay needs --queue-url (the stack output FailureQueueUrl)")
                .contains("--max takes a whole number above 0: 0")
                .contains("shirase replay --queue-url URL [--max N] [--dry-run]");

        // Without a channel a replayed notice would only be printed, and its message deleted: refused before any call.
        assumeFalse(Replay.deliversSomewhere(System.getenv()), "this JVM's environment configures a channel");
        assertThat(run("replay", "--queue-url", "http://127.0.0.1:9/q")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("set SHIRASE_TOPIC_ARN (the stack output TopicArn)");
    }

    @Test
    void stateInitNeedsATableNameAndARegion() {
        Cli withoutAws = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

        assertThat(withoutAws.run(new String[] {"state", "init"})).isEqualTo(2);
        assertThat(withoutAws.run(new String[] {"state"})).isEqualTo(2);
        assertThat(withoutAws.run(new String[] {"state", "drop"})).isEqualTo(2);
        assertThat(withoutAws.run(new String[] {"state", "init", "--table"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("state init needs the table's name: --table NAME, or SHIRASE_STATE_TABLE")
                .contains("unknown state command 'drop': use init")
                .contains("--table needs a value")
                .contains("shirase state init [--table NAME]");

        err.reset();
        assertThat(withoutAws.run(new String[] {"state", "init", "--table", "shirase-state"})).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("shirase: cannot reach DynamoDB: IllegalStateException:"
                + " AWS_REGION is not set: set it to the region the notifier runs in" + System.lineSeparator());
    }

    @Test
    void stateInitSaysWhichEndpointItCouldNotReach() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("AWS_REGION", "ap-northeast-1", "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                        "AWS_ENDPOINT_URL", endpoint));

        assertThat(cli.run(new String[] {"state", "init", "--table", "shirase-state"})).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("shirase: state init: cannot reach DynamoDB at " + endpoint + ": ConnectException");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void invokeReportsEachInvocationAsLambdaDoesAndTheInitOnlyOnce() {
        PrintStream systemOut = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            run("invoke", "events/rds-event-0155-minor-version-available.json",
                    "events/health-ec2-instance-reboot.json");
        } finally {
            System.setOut(systemOut);
        }

        List<String> reports = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("REPORT ")).toList();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).matches("REPORT RequestId: [0-9a-f-]{36}\tDuration: \\d+\\.\\d\\d ms"
                + "\tBilled Duration: \\d+ ms\tMemory Size: 512 MB\tMax Memory Used: \\d+ MB\tInit Duration: \\d+\\.\\d\\d ms");
        assertThat(reports.get(1)).doesNotContain("Init Duration").doesNotContain("Restore Duration");
    }

    /** SnapStart as Lambda runs it: the hooks between construction and the first event, then a Restore Duration. */
    @Test
    void invokeWithSnapStartPrimesRestoresAndReportsTheRestore() throws Exception {
        ChildJvm.Run run = ChildJvm.cli(System.getProperty("java.class.path"), Map.of("AWS_REGION", "ap-northeast-1"),
                "invoke", "--snapstart", "events/rds-event-0155-minor-version-available.json");

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("\"message\":\"primed for the snapshot\"");
        assertThat(run.stderr().lines().filter(l -> l.startsWith("REPORT "))).singleElement()
                .satisfies(report -> assertThat(report).contains("\tRestore Duration: ").doesNotContain("Init Duration"));
        // Only the real invocation printed a notice: the rehearsal's went nowhere.
        assertThat(run.stdout().lines().filter(l -> l.startsWith("件名: "))).hasSize(1);
    }

    @Test
    void invokeWithSnapStartSaysSoWhenTheHandlerRegisteredNoHooks() throws Exception {
        // In this JVM org.crac was loaded (by earlier handlers) without the local runtime, as in a plain java -jar run
        // of a handler that never registers.
        new LocalInvoke(TemplateFunction.NOTIFY);

        assertThat(run("invoke", "--snapstart", "events/rds-event-0155-minor-version-available.json")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("registered no SnapStart hooks");
    }

    @Test
    void invokeFailsForAFileThatIsNotThere() {
        assertThat(run("invoke", "no-such-file.json")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-file.json");
    }

    private static final String[] PENDING = {"--pending-maintenance",
            "examples/rds-cli/describe-pending-maintenance-actions.json",
            "--db-instances", "examples/rds-cli/describe-db-instances.json",
            "--db-clusters", "examples/rds-cli/describe-db-clusters.json"};

    private int preview(String... options) {
        List<String> args = new ArrayList<>(List.of("preview"));
        args.addAll(List.of(options));
        args.addAll(List.of(PENDING));
        return run(args.toArray(String[]::new));
    }

    @Test
    void pendingMaintenancePreviewPrintsOneObjectPerActionWithTheMomentItWillBeApplied() throws IOException {
        assertThat(preview("--format", "json", "--now", "2026-11-24")).isZero();

        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(5);
        JsonNode orders = lines.get(0);
        assertThat(orders.get("file").asText()).isEqualTo("examples/rds-cli/describe-pending-maintenance-actions.json");
        assertThat(orders.get("category").asText()).isEqualTo("OS_UPDATE");
        assertThat(orders.get("obligation").asText()).isEqualTo("REQUIRED");
        assertThat(orders.get("service").asText()).isEqualTo("RDS");
        assertThat(orders.get("region").asText()).isEqualTo("ap-northeast-1");
        assertThat(orders.get("account").asText()).isEqualTo("123456789012");
        assertThat(orders.get("resources")).extracting(JsonNode::asText)
                .containsExactly("orders-db", "arn:aws:rds:ap-northeast-1:123456789012:db:orders-db");
        // auto-apply after Fri 2026-11-27; window mon 18:00 UTC = Tuesday 03:00 JST
        assertThat(orders.get("deadline").asText()).isEqualTo("2026-12-01T03:00+09:00");
        assertThat(orders.get("error").isNull()).isTrue();
        // billing-db: forced on 2026-12-08, before its first window after the auto-apply date
        assertThat(lines.get(1).get("deadline").asText()).isEqualTo("2026-12-08T09:00+09:00");
        // analytics-cluster: no date at all
        assertThat(lines.get(2).get("obligation").asText()).isEqualTo("OPTIONAL");
        assertThat(lines.get(2).get("deadline").isNull()).isTrue();
        // reporting-db: no window known, so the auto-apply date itself
        assertThat(lines.get(3).get("deadline").asText()).isEqualTo("2027-01-10T09:00+09:00");
    }

    @Test
    void pendingMaintenancePreviewAsTextSaysWhatTheScanWouldSendThatDay() {
        assertThat(preview("--now", "2026-11-24")).isZero();
        assertThat(stdout()).contains("この日のスキャンは: リマインドを送ります (2件)。")
                .contains("件名: 【要対応・必須】RDS 必須メンテナンスのリマインド orders-db ほか1件 12/1(火) 03:00 (あと 7 日)");

        out.reset();
        assertThat(preview("--now", "2026-11-25")).isZero();
        assertThat(stdout()).contains("何も送りません").contains("■ 必須: AWS が期日に自動で適用 (3件)")
                .contains("■ 任意: 自動では適用されない (2件)");
    }

    @Test
    void pendingMaintenancePreviewReportsAFileItCannotUse(@TempDir Path dir) throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong.json"), "{\"DBInstances\": []}");

        int status = run("preview", "--format", "json", "--pending-maintenance", wrong.toString());

        assertThat(status).isEqualTo(1);
        assertThat(jsonLines()).singleElement()
                .satisfies(line -> assertThat(line.get("error").asText()).contains("describe-pending-maintenance-actions"));
    }

    /** As ./shirase runs it, in a JVM of its own: nothing of SLF4J's on standard error, with or without the SDK. */
    @Test
    void theCommandLinePrintsNoSlf4jWarning() throws Exception {
        String classpath = System.getProperty("java.class.path");

        ChildJvm.Run preview = ChildJvm.cli(classpath, Map.of(), "preview", "events/health-ec2-instance-reboot.json");
        ChildJvm.Run invoke = ChildJvm.cli(classpath, ChildJvm.snsNowhere(), "invoke",
                "events/health-ec2-instance-reboot.json");

        assertThat(preview.status()).as(preview.stderr()).isZero();
        assertThat(preview.stderr()).doesNotContain("SLF4J");
        // The SNS client was built and used (and failed, nothing listens there), so the SDK's logging started up.
        assertThat(invoke.stderr()).contains("Connection refused").doesNotContain("SLF4J");
    }

    @Test
    void invokeKnowsBothFunctionsOfTheTemplate() throws Exception {
        // Building the handler the way the runtime does touches no network; running a scan would need AWS.
        assertThat(new LocalInvoke(TemplateFunction.SCAN)).isNotNull();
        assertThat(run("invoke", "--function", "NoSuchFunction", "x.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown function 'NoSuchFunction'");
    }

    @Test
    void previewNamesAccountsAsTheFunctionsDoFromTheSameVariable() throws IOException {
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(dev.shirase.account.AccountNames.ENV, "{\"111122223333\": \"prod-payments\"}"));

        int status = cli.run(new String[] {"preview", "--format", "json", "--now", "2026-11-24",
                "events/health-org-view-affected-account.json", "events/health-ec2-instance-reboot.json"});

        assertThat(status).isZero();
        assertThat(jsonLines()).satisfiesExactly(
                named -> {
                    assertThat(named.get("account").asText()).isEqualTo("111122223333");
                    assertThat(named.get("accountName").asText()).isEqualTo("prod-payments");
                    assertThat(named.get("subject").asText()).startsWith("【要対応・必須】prod-payments の RDS ");
                    assertThat(named.get("text").asText()).contains("アカウント prod-payments (111122223333)");
                },
                unnamed -> {
                    assertThat(unnamed.get("accountName").isNull()).isTrue();
                    assertThat(unnamed.get("subject").asText()).startsWith("【要対応・必須】EC2 ");
                });
    }

    @Test
    void previewSaysWhichNamesItCouldNotReadAndShowsThoseAccountsById() {
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(dev.shirase.account.AccountNames.ENV, "{\"prod\": \"prod-payments\"}"));

        int status = cli.run(new String[] {"preview", "--now", "2026-11-24", "events/health-org-view-affected-account.json"});

        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("SHIRASE_ACCOUNT_NAMES: key \"prod\" is not a 12-digit account id");
        assertThat(stdout()).contains("アカウント 111122223333 /");
    }

    @Test
    void previewAsIcsPrintsTheCalendarEachDatedNoticeAttachesAndSaysWhichHaveNone() {
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("SHIRASE_MAIL_FROM", "alerts@example.com"))
                .run(new String[] {"preview", "--format", "ics", "--now", "2026-11-20T00:00:00Z",
                        "events/health-ec2-instance-reboot.json", "events/rds-event-0026-offline-patching-started.json",
                        "events/health-rds-end-of-standard-support.json"});

        assertThat(status).isZero();
        String[] calendars = stdout().split("(?=BEGIN:VCALENDAR\r\n)");
        assertThat(calendars).hasSize(2);
        assertThat(stdout()).startsWith("BEGIN:VCALENDAR\r\n").doesNotContainPattern("[^\r]\n");
        List<VEvent> reboot = Calendars.events(Calendars.parse(calendars[0]));
        assertThat(reboot).singleElement().satisfies(e -> {
            assertThat(Calendars.value(e, "DTSTART")).isEqualTo("20261205T000000");
            assertThat(Calendars.value(e, "ORGANIZER")).isEqualTo("mailto:alerts@example.com");
        });
        assertThat(Calendars.value(Calendars.events(Calendars.parse(calendars[1])).get(0), "DTSTART"))
                .isEqualTo("20270228");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("rds-event-0026-offline-patching-started.json: no date in this notice");
    }

    @Test
    void thePendingMaintenancePreviewAsIcsIsTheWeeklyDigestsCalendar() {
        int status = run("preview", "--now", "2026-11-24", "--format", "ics", "--pending-maintenance",
                "examples/rds-cli/describe-pending-maintenance-actions.json",
                "--db-instances", "examples/rds-cli/describe-db-instances.json",
                "--db-clusters", "examples/rds-cli/describe-db-clusters.json");

        assertThat(status).isZero();
        List<VEvent> events = Calendars.events(Calendars.parse(stdout()));
        assertThat(events).isNotEmpty();
        assertThat(events).extracting(e -> Calendars.value(e, "UID")).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(e -> assertThat(Calendars.value(e, "SUMMARY")).startsWith("【"));
    }
}
