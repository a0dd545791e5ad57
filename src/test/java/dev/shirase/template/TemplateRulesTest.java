package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.testing.Events;
import dev.shirase.testing.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The EventBridge rules of template.yaml, run by moto's pattern matching: each sample in events/ reaches exactly the
 * rule for its source, and the look-alike events that must not wake the notifier reach none; with the filter
 * parameters set, what they leave out reaches no rule and the rest still does. Each rule gets its own SQS queue as
 * target, so a delivery names the rule that matched.
 */
class TemplateRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "NotifyFunction";
    /** Which of NotifyFunction's EventBridgeRule events each sample's source must reach. */
    private static final Map<String, String> RULE_BY_SOURCE = Map.of(
            "aws.health", "HealthEvents",
            "aws.rds", "RdsEvents");
    /** ScanFunction's schedule input, in events/scan/: not an EventBridge event for NotifyFunction. */
    private static final String NOT_FOR_RULES = "scan/scheduled-scan.json";

    private static MotoServer moto;
    private static MotoEvents events;

    /** Queue URL of each rule, by event name; rebuilt for every test on an empty moto. */
    private final Map<String, String> queues = new LinkedHashMap<>();

    @BeforeAll
    static void clients() {
        moto = MotoServer.get();
        events = new MotoEvents(moto, MotoServer.ACCOUNT, MotoServer.REGION);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void rulesFromTheTemplate() {
        deploy(Map.of());
    }

    /** The rules as deployed with these parameters, on an empty moto (a disabled rule is left out). */
    private void deploy(Map<String, String> parameters) {
        moto.reset();
        queues.clear();
        queues.putAll(events.notifyRules(SamTemplate.deployed(parameters)));
    }

    @Test
    void templateHasARuleForEachSource() {
        assertThat(rules(Map.of())).containsOnlyKeys(RULE_BY_SOURCE.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleReachesTheRuleForItsSource(Path file) throws IOException {
        JsonNode event = JSON.readTree(file.toFile());
        String expectedRule = RULE_BY_SOURCE.get(event.path("source").asText());
        assertThat(expectedRule).as("a rule is expected for source %s", event.path("source")).isNotNull();

        String id = put(event);

        Map<String, List<String>> delivered = deliveries(1);
        assertThat(delivered).as("rules that received %s", file.getFileName())
                .containsOnlyKeys(expectedRule);
        assertThat(delivered.get(expectedRule)).containsExactly(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void lookAlikeReachesNoRule(Path file) throws IOException {
        put(JSON.readTree(file.toFile()));

        assertThat(deliveries(0)).as("rules that received %s", file.getFileName()).isEmpty();
    }

    @Test
    void onlyTheIncludedServicesReachTheRulesAndRdsEventsOnlyWithRds() throws IOException {
        deploy(Map.of("IncludeServices", "EC2,LAMBDA"));

        assertThat(reached(sample("health-ec2-instance-reboot.json"))).containsExactly("HealthEvents");
        assertThat(reached(sample("health-rds-oracle-os-update.json"))).isEmpty();
        assertThat(reached(sample("health-unknown-code.json"))).isEmpty();
        assertThat(reached(sample("rds-event-0230-system-update-available.json"))).isEmpty();

        deploy(Map.of("IncludeServices", "EC2,RDS"));

        assertThat(reached(sample("health-rds-oracle-os-update.json"))).containsExactly("HealthEvents");
        assertThat(reached(sample("rds-event-0230-system-update-available.json"))).containsExactly("RdsEvents");
        assertThat(reached(sample("health-unknown-code.json"))).isEmpty();
    }

    @Test
    void anExcludedHealthEventTypeCodeReachesNoRuleAndOthersStillDo() throws IOException {
        deploy(Map.of("ExcludeEventTypeCodes",
                "AWS_EC2_OPERATIONAL_NOTIFICATION,AWS_EC2_INSTANCE_REBOOT_MAINTENANCE_SCHEDULED"));

        assertThat(reached(sample("health-ec2-instance-reboot.json"))).isEmpty();
        assertThat(reached(sample("health-ec2-system-reboot.json"))).containsExactly("HealthEvents");
        assertThat(reached(sample("rds-event-0155-minor-version-available.json"))).containsExactly("RdsEvents");
    }

    @Test
    void servicesAndCodesFilterTogether() throws IOException {
        deploy(Map.of("IncludeServices", "EC2",
                "ExcludeEventTypeCodes", "AWS_EC2_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED"));

        assertThat(reached(sample("health-ec2-instance-reboot.json"))).containsExactly("HealthEvents");
        assertThat(reached(sample("health-ec2-system-reboot.json"))).isEmpty();
        assertThat(reached(sample("health-rds-oracle-os-update.json"))).isEmpty();
    }

    @Test
    void anExcludedRdsEventIdReachesNoRuleButOldEventsWithoutAnIdStillDo() throws IOException {
        deploy(Map.of("ExcludeRdsEventIds", "RDS-EVENT-0155,RDS-EVENT-0026,RDS-EVENT-0004"));

        assertThat(reached(sample("rds-event-0155-minor-version-available.json"))).isEmpty();
        assertThat(reached(sample("rds-event-0026-offline-patching-started.json"))).isEmpty();
        assertThat(reached(sample("rds-event-0230-system-update-available.json"))).containsExactly("RdsEvents");
        // Without an EventID, and with the "(null)" some old payloads carry.
        for (String old : List.of("rds-offline-patching-started-no-id.json",
                "rds-offline-patching-finished-null-id.json")) {
            Path file = SamTemplate.PROJECT.resolve("src/test/resources/real-shaped").resolve(old);
            assertThat(reached(JSON.readTree(file.toFile()))).as(old).containsExactly("RdsEvents");
        }
        // An ID that the pattern lists for itself still matches: the code leaves it out (RoutingTest).
        assertThat(reached(Events.rds("RDS-EVENT-0004", "DB instance shutdown", "availability")))
                .containsExactly("RdsEvents");
    }

    @Test
    void theOtherFiltersLeaveThePatternsAsTheyAre() {
        Map<String, JsonNode> unfiltered = rules(Map.of());

        assertThat(rules(Map.of("ExcludeCategories", "INFORMATION", "SnsMinimumObligation", "REQUIRED",
                "MailMinimumObligation", "OPTIONAL"))).isEqualTo(unfiltered);
        // No filter: no detail in the Health pattern at all (an empty object is not a valid pattern).
        assertThat(unfiltered.get("HealthEvents").path("Pattern").has("detail")).isFalse();
    }

    static Stream<Named<Path>> samples() {
        return jsonFiles(SamTemplate.PROJECT.resolve("events"))
                .map(TemplateRulesTest::named);
    }

    static Stream<Named<Path>> lookAlikes() {
        return Stream.concat(
                        jsonFiles(SamTemplate.PROJECT.resolve("src/test/resources/eventbridge/unmatched")),
                        Stream.of(SamTemplate.PROJECT.resolve("events").resolve(NOT_FOR_RULES)))
                .map(TemplateRulesTest::named);
    }

    /** The rules the event reached. */
    private List<String> reached(JsonNode event) throws IOException {
        put(event);
        return List.copyOf(deliveries(1).keySet());
    }

    private static JsonNode sample(String file) throws IOException {
        return JSON.readTree(SamTemplate.PROJECT.resolve("events").resolve(file).toFile());
    }

    private static String put(JsonNode event) {
        return events.put(event);
    }

    /** The ids each rule's queue received, by rule, leaving out rules that received nothing. */
    private Map<String, List<String>> deliveries(int expected) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        events.received(queues, expected).forEach((rule, received) ->
                ids.put(rule, received.stream().map(event -> event.path("id").asText()).toList()));
        return ids;
    }

    /** The properties (Pattern, State ...) of each of NotifyFunction's EventBridgeRule events, as deployed. */
    private static Map<String, JsonNode> rules(Map<String, String> parameters) {
        return SamTemplate.deployed(parameters).events(FUNCTION, "EventBridgeRule");
    }

    private static Stream<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Named<Path> named(Path file) {
        return Named.of(SamTemplate.PROJECT.relativize(file).toString(), file);
    }
}
