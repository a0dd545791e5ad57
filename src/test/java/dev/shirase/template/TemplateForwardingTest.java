package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shirase.testing.MotoServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.eventbridge.model.DeadLetterConfig;
import software.amazon.awssdk.services.eventbridge.model.RetryPolicy;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The forwarder's rules, run by moto: an event put in another region or account reaches the home stack's rule for its
 * source (each home rule targets an SQS queue here), through a rule and target shaped as forwarder/template.yaml
 * resolves them; backup copies are left out only when asked, and events without backupEvent are kept; the home region
 * of the home account, which has no forwarding rule, delivers each event once.
 *
 * <p>moto routes an event bus target to the bus of another region or account, but checks neither the target's role nor
 * the bus policy (TemplateCoverageTest checks those as written), and it gives the forwarded event the receiving bus's
 * account and region, where EventBridge keeps the sender's: the tests compare what the home rules match on.
 */
class TemplateForwardingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOME_REGION = MotoServer.REGION;
    private static final String HOME_ACCOUNT = MotoServer.ACCOUNT;
    private static final String MEMBER_ACCOUNT = "210987654321";

    private static MotoServer moto;
    private final List<MotoEvents> opened = new ArrayList<>();
    /** The home stack's rules' queues, by rule; and each forwarder's dead-letter queue. */
    private final Map<String, String> homeQueues = new LinkedHashMap<>();
    private final Map<MotoEvents, String> deadLetters = new LinkedHashMap<>();
    private MotoEvents home;

    @BeforeAll
    static void start() {
        moto = MotoServer.get();
    }

    @AfterEach
    void close() {
        opened.forEach(MotoEvents::close);
    }

    /** An empty moto with the home stack's rules deployed with these filters. */
    private void home(Map<String, String> filters) {
        moto.reset();
        home = open(HOME_ACCOUNT, HOME_REGION);
        homeQueues.putAll(home.notifyRules(SamTemplate.deployed(filters)));
    }

    private MotoEvents open(String account, String region) {
        MotoEvents events = new MotoEvents(moto, account, region);
        opened.add(events);
        return events;
    }

    /**
     * The forwarder deployed in this region and account: its rules as the template resolves them, each target as written
     * but for what exists only once deployed (the role, here a made-up ARN, and the dead-letter queue, made in moto).
     */
    private MotoEvents forwarder(String account, String region, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("AWS::Region", region);
        all.put("AWS::AccountId", account);
        all.put("HomeRegion", HOME_REGION);
        all.put("HomeAccountId", HOME_ACCOUNT);
        SamTemplate deployed = SamTemplate.deployed(SamTemplate.FORWARDER, all);
        MotoEvents forwarder = open(account, region);
        List<String> rules = deployed.resourcesOfType("AWS::Events::Rule");
        if (rules.isEmpty()) {
            return forwarder;
        }
        MotoEvents.Queue dlq = forwarder.queue("forwarding-dead-letters");
        deadLetters.put(forwarder, dlq.url());
        for (String rule : rules) {
            JsonNode properties = deployed.properties(rule);
            if (properties.path("State").asText("ENABLED").equals("DISABLED")) {
                continue;
            }
            JsonNode target = properties.path("Targets").get(0);
            assertThat(target.path("Arn").isTextual()).as("the target's ARN is resolved: %s", target).isTrue();
            // EventBridge sends a forwarded event no further; moto would send it round its own bus without end.
            assertThat(target.path("Arn").asText()).as("%s forwards to its own bus", rule)
                    .isNotEqualTo("arn:aws:events:" + region + ":" + account + ":event-bus/default");
            assertThat(target.at("/DeadLetterConfig/Arn/Fn::GetAtt/0").asText()).isEqualTo("ForwardingDeadLetters");
            forwarder.rule(rule, properties.path("EventPattern"), Target.builder()
                    .id(target.path("Id").asText())
                    .arn(target.path("Arn").asText())
                    .roleArn("arn:aws:iam::" + account + ":role/shirase-forwarder-"
                            + target.at("/RoleArn/Fn::GetAtt/0").asText())
                    .retryPolicy(RetryPolicy.builder()
                            .maximumEventAgeInSeconds(target.at("/RetryPolicy/MaximumEventAgeInSeconds").asInt())
                            .maximumRetryAttempts(target.at("/RetryPolicy/MaximumRetryAttempts").asInt()).build())
                    .deadLetterConfig(DeadLetterConfig.builder().arn(dlq.arn()).build())
                    .build());
        }
        return forwarder;
    }

    /** The home rules each reached, with the detail that reached them; asserts that no forward failed. */
    private Map<String, List<JsonNode>> reachedHome(int expected) {
        Map<String, List<JsonNode>> details = new LinkedHashMap<>();
        home.received(homeQueues, expected).forEach((rule, events) ->
                details.put(rule, events.stream().map(e -> e.path("detail")).toList()));
        deadLetters.forEach((forwarder, queue) ->
                assertThat(forwarder.received(Map.of("dead letters", queue), 0)).isEmpty());
        return details;
    }

    private static ObjectNode sample(String file) throws IOException {
        return (ObjectNode) JSON.readTree(SamTemplate.PROJECT.resolve("events").resolve(file).toFile());
    }

    @ParameterizedTest(name = "{2} put in {1} of {0} reaches {3}")
    @CsvSource({
        "123456789012, us-east-1, health-ec2-instance-reboot.json,             HealthEvents",
        "123456789012, us-east-1, rds-event-0230-system-update-available.json, RdsEvents",
        "210987654321, us-west-2, health-rds-oracle-os-update.json,            HealthEvents",
        "210987654321, ap-northeast-1, rds-event-0155-minor-version-available.json, RdsEvents",
    })
    void anEventInAnotherRegionOrAccountReachesTheHomeRuleForItsSource(String account, String region, String file,
            String homeRule) throws IOException {
        home(Map.of());
        MotoEvents elsewhere = forwarder(account, region, Map.of());
        ObjectNode event = sample(file);

        elsewhere.put(event);

        assertThat(reachedHome(1)).containsOnlyKeys(homeRule)
                .hasEntrySatisfying(homeRule, details -> assertThat(details).containsExactly(event.path("detail")));
    }

    @Test
    void inTheHomeRegionOfTheHomeAccountEachEventIsDeliveredOnce() throws IOException {
        home(Map.of());
        MotoEvents atHome = forwarder(HOME_ACCOUNT, HOME_REGION, Map.of());

        atHome.put(sample("health-ec2-instance-reboot.json"));

        assertThat(reachedHome(2)).containsOnlyKeys("HealthEvents")
                .hasEntrySatisfying("HealthEvents", details -> assertThat(details).hasSize(1));
    }

    @Test
    void whatTheHomeStackFiltersOutIsNotForwarded() throws IOException {
        Map<String, String> filters = Map.of("IncludeServices", "EC2");
        home(filters);
        // Every event that arrives on the home bus, whether a home rule takes it or not.
        MotoEvents.Queue arrived = home.queue("arrived");
        home.rule("Arrived", JSON.readTree("{\"source\": [\"aws.health\", \"aws.rds\"]}"),
                Target.builder().id("queue").arn(arrived.arn()).build());
        homeQueues.put("Arrived", arrived.url());
        MotoEvents member = forwarder(MEMBER_ACCOUNT, "eu-west-1", filters);

        member.put(sample("health-rds-oracle-os-update.json"));
        member.put(sample("rds-event-0230-system-update-available.json"));
        member.put(sample("health-ec2-system-reboot.json"));

        Map<String, List<JsonNode>> reached = reachedHome(2);
        assertThat(reached).containsOnlyKeys("HealthEvents", "Arrived");
        assertThat(reached.values()).allSatisfy(details -> assertThat(details).singleElement()
                .satisfies(d -> assertThat(d.path("service").asText()).isEqualTo("EC2")));
    }

    @ParameterizedTest(name = "ForwardBackupCopies={0}: backupEvent \"{1}\" forwarded: {2}")
    @CsvSource({
        "true,  true,  true",
        "true,  false, true",
        "true,  ,      true",
        "false, true,  false",
        "false, false, true",
        "false, ,      true",
    })
    void backupCopiesAreLeftOutOnlyWhenAskedAndEventsWithoutTheFieldAreKept(String forwardBackupCopies,
            String backupEvent, boolean forwarded) throws IOException {
        home(Map.of());
        MotoEvents usWest2 = forwarder(HOME_ACCOUNT, "us-west-2", Map.of("ForwardBackupCopies", forwardBackupCopies));
        ObjectNode event = backupEvent == null ? sample("health-legacy-no-new-fields.json")
                : sample("health-rds-maintenance-scheduled.json");
        if (backupEvent != null) {
            ((ObjectNode) event.path("detail")).put("backupEvent", backupEvent);
        }
        assertThat(event.path("detail").has("backupEvent")).isEqualTo(backupEvent != null);

        usWest2.put(event);

        Map<String, List<JsonNode>> reached = reachedHome(forwarded ? 1 : 0);
        if (forwarded) {
            assertThat(reached).containsOnlyKeys("HealthEvents");
        } else {
            assertThat(reached).isEmpty();
        }
    }
}
