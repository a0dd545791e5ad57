package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.aws.AwsClients;
import dev.shirase.budget.Budget;
import dev.shirase.log.Metrics;
import dev.shirase.pipeline.NoticePipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wiring of template.yaml that keeps notices from being lost: timeouts that leave the code's budgets room, failed
 * invocations and dead letters kept in an encrypted queue, every alarm on a topic of its own as well, an alarm on the
 * delivery failures the code counts, and IAM grants scoped to resources.
 */
class TemplateWiringTest {
    private static final List<String> FUNCTIONS = List.of("NotifyFunction", "ScanFunction");
    /**
     * The IAM statements that may name every resource, and why: listing pending maintenance actions names no
     * resource, and RDS authorises such a call only against "*"; EC2's Describe actions support no resource-level
     * permissions at all; Organizations' list actions are granted on "*" in organization mode only (see the comments in
     * template.yaml and the README).
     */
    private static final Map<String, String> STATEMENTS_ON_EVERY_RESOURCE = Map.of(
            "DescribePendingMaintenance", "rds:DescribePendingMaintenanceActions without a resource needs \"*\"",
            "DescribeInstanceEvents", "ec2:DescribeInstanceStatus takes no resource-level permissions",
            "ReadOrganization", "organizations:ListAccounts and ListParents, in organization mode only, read the tree",
            "TranslateText", "translate:TranslateText names no resource but the terminology, with Translation only");

    private final SamTemplate template = SamTemplate.load();

    private Duration timeout(String function) {
        return Duration.ofSeconds(template.properties(function).path("Timeout").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void aCallMadeWithoutABudgetStillEndsBeforeLambdaStopsTheFunction(String function) {
        assertThat(AwsClients.CALL_TIMEOUT).isLessThan(timeout(function));
        assertThat(AwsClients.ATTEMPT_TIMEOUT).isLessThanOrEqualTo(AwsClients.CALL_TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void theCodeStopsWorkingWithTimeToSpareBeforeTheTimeout(String function) {
        Budget working = NoticePipeline.working(Budget.of(timeout(function)));

        Duration spare = timeout(function).minus(working.remaining());
        assertThat(spare).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        // Spare time is a tenth, not most of the function's time.
        assertThat(spare).isLessThanOrEqualTo(timeout(function).dividedBy(5));
    }

    @Test
    void notifyFunctionHasTimeForEnrichmentAndAFullSendAttemptAfterIt() {
        Budget working = NoticePipeline.working(Budget.of(timeout("NotifyFunction")));
        Budget enrichment = working.share(0.2, Duration.ofSeconds(8));

        assertThat(working.remaining().minus(enrichment.remaining())).isGreaterThan(AwsClients.ATTEMPT_TIMEOUT);
    }

    @Test
    void notifyFunctionHasTimeForTheAccountLookupTheStateTableEnrichmentAndASendAttemptAfterThem() {
        Duration working = NoticePipeline.working(Budget.of(timeout("NotifyFunction"))).remaining();
        Duration accounts = min(Duration.ofNanos((long) (working.toNanos() * 0.1)), Duration.ofSeconds(5));
        Duration state = min(Duration.ofNanos((long) (working.toNanos() * 0.15)), Duration.ofSeconds(5));
        Duration left = working.minus(accounts).minus(state);
        Duration enrichment = min(Duration.ofNanos((long) (left.toNanos() * 0.2)), Duration.ofSeconds(8));

        assertThat(left.minus(enrichment)).isGreaterThan(AwsClients.ATTEMPT_TIMEOUT.multipliedBy(2));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    @Test
    void failedInvocationsAreRetriedThenKeptInTheFailureQueue() {
        JsonNode config = template.functionGlobals().path("EventInvokeConfig");

        assertThat(config.path("MaximumRetryAttempts").asInt()).isEqualTo(2);
        assertThat(config.at("/DestinationConfig/OnFailure/Type").asText()).isEqualTo("SQS");
        assertThat(config.at("/DestinationConfig/OnFailure/Destination").asText()).isEqualTo("FailureQueue.Arn");
        assertThat(template.properties("NotifyFunction").path("EventInvokeConfig").isMissingNode())
                .as("no function overrides the global on-failure destination").isTrue();
        assertThat(template.properties("ScanFunction").path("EventInvokeConfig").isMissingNode()).isTrue();
    }

    @Test
    void everyRuleAndTheScheduleKeepWhatTheyCouldNotDeliverInTheFailureQueue() {
        List<JsonNode> sources = new ArrayList<>(template.events("NotifyFunction", "EventBridgeRule").values());
        sources.addAll(template.events("ScanFunction", "ScheduleV2").values());

        assertThat(sources).hasSize(3).allSatisfy(source ->
                assertThat(source.at("/DeadLetterConfig/Arn").asText()).isEqualTo("FailureQueue.Arn"));
    }

    @Test
    void theFailureQueueIsEncryptedAndKeepsMessagesForTwoWeeks() {
        JsonNode queue = template.properties("FailureQueue");

        assertThat(queue.path("SqsManagedSseEnabled").asBoolean() || queue.has("KmsMasterKeyId")).isTrue();
        assertThat(queue.path("MessageRetentionPeriod").asInt()).isEqualTo(14 * 24 * 3600);
    }

    @Test
    void everyAlarmReachesTheAlarmTopicWhichSharesNothingWithTheNoticeTopic() {
        List<String> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");

        assertThat(alarms).hasSizeGreaterThanOrEqualTo(5).allSatisfy(alarm -> {
            List<String> actions = new ArrayList<>();
            template.properties(alarm).path("AlarmActions").forEach(a -> actions.add(a.asText()));
            assertThat(actions).as(alarm).contains("AlarmTopic");
        });
        assertThat(template.resourcesOfType("AWS::SNS::Topic")).contains("AlarmTopic", "Topic");
        assertThat(template.properties("AlarmTopic").has("KmsMasterKeyId")).isFalse();
        JsonNode email = template.properties("AlarmEmailSubscription");
        assertThat(email.path("TopicArn").asText()).isEqualTo("AlarmTopic");
        assertThat(email.path("Endpoint").asText()).isEqualTo("AlarmEmail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void aChannelThatFailsRaisesTheDeliveryFailuresAlarm(String function) {
        List<JsonNode> watching = template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(template::properties)
                .filter(a -> a.path("Namespace").asText().equals(Metrics.NAMESPACE)
                        && a.path("MetricName").asText().equals(Metrics.FAILED))
                .filter(a -> a.path("Dimensions").size() == 1
                        && a.at("/Dimensions/0/Name").asText().equals(Metrics.FUNCTION)
                        && a.at("/Dimensions/0/Value").asText().equals(function))
                .toList();

        assertThat(watching).singleElement().satisfies(alarm -> {
            assertThat(alarm.path("Statistic").asText()).isEqualTo("Sum");
            assertThat(alarm.path("Threshold").asInt()).isEqualTo(1);
            assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
            assertThat(alarm.path("TreatMissingData").asText()).isEqualTo("notBreaching");
        });
    }

    @Test
    void noIamStatementGrantsEveryResourceExceptTheDocumentedOnes() {
        List<JsonNode> statements = new ArrayList<>();
        for (String function : FUNCTIONS) {
            statements.addAll(template.statements(function));
        }

        assertThat(statements).hasSizeGreaterThan(8);
        assertThat(statements).allSatisfy(statement -> {
            if (grantsEveryResource(statement.path("Resource"))) {
                assertThat(STATEMENTS_ON_EVERY_RESOURCE).as("statement %s on \"*\"", statement.path("Sid").asText())
                        .containsKey(statement.path("Sid").asText());
            }
        });
        assertThat(statements).anySatisfy(s -> assertThat(s.path("Sid").asText()).isEqualTo("DescribePendingMaintenance"));
    }

    @Test
    void onlyTheScanMayAskEc2ForScheduledInstanceEvents() {
        List<JsonNode> scan = template.statements("ScanFunction");
        List<JsonNode> notify = template.statements("NotifyFunction");

        assertThat(scan).filteredOn(s -> s.path("Action").toString().contains("ec2:")).singleElement().satisfies(s -> {
            assertThat(s.path("Sid").asText()).isEqualTo("DescribeInstanceEvents");
            assertThat(s.path("Effect").asText()).isEqualTo("Allow");
            assertThat(s.path("Action").asText()).isEqualTo("ec2:DescribeInstanceStatus");
        });
        assertThat(notify).noneSatisfy(s -> assertThat(s.path("Action").toString()).contains("ec2:"));
    }

    private static boolean grantsEveryResource(JsonNode resource) {
        if (resource.isArray()) {
            for (JsonNode r : resource) {
                if (grantsEveryResource(r)) {
                    return true;
                }
            }
            return false;
        }
        return resource.asText().equals("*");
    }
}
