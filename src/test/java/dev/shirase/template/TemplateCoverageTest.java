package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Coverage of every region and account, as the templates deploy it: the forwarder's rules take what the home stack's
 * rules take, parameter for parameter, and send it to the home bus through a role that can do nothing else; the home
 * region of the home account forwards nothing; backup copies are left out only when asked; the read-only role exists
 * once per account, trusting exactly the roles given; the home bus lets the organization in only when asked.
 */
class TemplateCoverageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOME_REGION = "ap-northeast-1";
    private static final String HOME_ACCOUNT = "123456789012";
    private static final String HOME_BUS = "arn:aws:events:ap-northeast-1:123456789012:event-bus/default";
    /** The forwarder rule of each of the home stack's NotifyFunction rules. */
    private static final Map<String, String> FORWARDER_RULE_BY_HOME_RULE = Map.of(
            "HealthEvents", "HealthEventsForwarding",
            "RdsEvents", "RdsEventsForwarding");
    private static final List<String> FILTERS = List.of("IncludeServices", "ExcludeEventTypeCodes", "ExcludeRdsEventIds");
    private static final JsonNode LEAVE_OUT_BACKUP_COPIES = json("[{\"anything-but\": [\"true\"]}, {\"exists\": false}]");

    /** The forwarder as deployed in this region and account, forwarding to the home stack of HOME_REGION, HOME_ACCOUNT. */
    private static SamTemplate forwarder(String region, String account, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("AWS::Region", region);
        all.put("AWS::AccountId", account);
        all.putIfAbsent("HomeRegion", HOME_REGION);
        all.putIfAbsent("HomeAccountId", HOME_ACCOUNT);
        return SamTemplate.deployed(SamTemplate.FORWARDER, all);
    }

    /** A forwarder in another region of the home account. */
    private static SamTemplate forwarder(Map<String, String> parameters) {
        return forwarder("us-east-1", HOME_ACCOUNT, parameters);
    }

    private static Map<String, String> filters(String services, String codes, String rdsIds) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("IncludeServices", services);
        filters.put("ExcludeEventTypeCodes", codes);
        filters.put("ExcludeRdsEventIds", rdsIds);
        return filters;
    }

    @ParameterizedTest(name = "IncludeServices=\"{0}\" ExcludeEventTypeCodes=\"{1}\" ExcludeRdsEventIds=\"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "''          | ''                                                                  | ''",
        "EC2,RDS     | ''                                                                  | ''",
        "EC2         | ''                                                                  | ''",
        "''          | AWS_EC2_OPERATIONAL_NOTIFICATION                                    | ''",
        "''          | ''                                                                  | RDS-EVENT-0155,RDS-EVENT-0026",
        "RDS,LAMBDA  | AWS_RDS_OPERATIONAL_NOTIFICATION,AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT | RDS-EVENT-0155",
    })
    void theForwarderTakesWhatTheHomeRulesTake(String services, String codes, String rdsIds) {
        Map<String, String> filters = filters(services, codes, rdsIds);
        Map<String, JsonNode> home = SamTemplate.deployed(filters).events("NotifyFunction", "EventBridgeRule");
        SamTemplate forwarder = forwarder(filters);

        assertThat(home).containsOnlyKeys(FORWARDER_RULE_BY_HOME_RULE.keySet());
        assertThat(forwarder.resourcesOfType("AWS::Events::Rule"))
                .containsExactlyInAnyOrderElementsOf(FORWARDER_RULE_BY_HOME_RULE.values());
        home.forEach((rule, properties) -> {
            JsonNode forwarding = forwarder.properties(FORWARDER_RULE_BY_HOME_RULE.get(rule));
            assertThat(forwarding.path("EventPattern")).as(rule).isEqualTo(properties.path("Pattern"));
            assertThat(forwarding.path("State").asText("ENABLED")).as(rule)
                    .isEqualTo(properties.path("State").asText("ENABLED"));
        });
    }

    @Test
    void theFiltersAreDeclaredAsTheHomeStackDeclaresThem() {
        JsonNode home = SamTemplate.load().parameters();
        JsonNode forwarder = SamTemplate.load(SamTemplate.FORWARDER).parameters();

        for (String filter : FILTERS) {
            for (String field : List.of("Type", "Default", "AllowedPattern")) {
                assertThat(forwarder.path(filter).path(field)).as("%s %s", filter, field)
                        .isEqualTo(home.path(filter).path(field));
            }
        }
    }

    @ParameterizedTest(name = "IncludeServices=\"{0}\" ExcludeEventTypeCodes=\"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "''      | ''",
        "EC2,RDS | AWS_EC2_OPERATIONAL_NOTIFICATION",
    })
    void backupCopiesAreLeftOutOnlyWhenAsked(String services, String codes) {
        Map<String, String> filters = filters(services, codes, "");
        JsonNode home = SamTemplate.deployed(filters).events("NotifyFunction", "EventBridgeRule").get("HealthEvents")
                .path("Pattern");
        Map<String, String> leaveOut = new HashMap<>(filters);
        leaveOut.put("ForwardBackupCopies", "false");

        JsonNode kept = forwarder(filters).properties("HealthEventsForwarding").path("EventPattern");
        JsonNode leftOut = forwarder(leaveOut).properties("HealthEventsForwarding").path("EventPattern");

        assertThat(kept).isEqualTo(home);
        assertThat(leftOut.at("/detail/backupEvent")).isEqualTo(LEAVE_OUT_BACKUP_COPIES);
        ObjectNode rest = leftOut.deepCopy();
        ((ObjectNode) rest.path("detail")).remove("backupEvent");
        if (rest.path("detail").isEmpty()) {
            rest.remove("detail");
        }
        assertThat(rest).as("the rest of the pattern").isEqualTo(home);
        assertThat(forwarder(leaveOut).properties("RdsEventsForwarding"))
                .isEqualTo(forwarder(filters).properties("RdsEventsForwarding"));
    }

    @Test
    void forwardBackupCopiesTakesOnlyTrueOrFalse() {
        assertThatThrownBy(() -> forwarder(Map.of("ForwardBackupCopies", "no")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ForwardBackupCopies");
    }

    @Test
    void theHomeRegionOfTheHomeAccountForwardsNothing() {
        SamTemplate home = forwarder(HOME_REGION, HOME_ACCOUNT, Map.of());

        assertThat(home.resourceIds()).containsExactly("NothingToForward");
        assertThat(home.resourcesOfType("AWS::Events::Rule")).isEmpty();
        assertThat(outputNames(home)).containsExactly("Forwarding");
        assertThat(home.outputs().at("/Forwarding/Value").asText()).startsWith("nothing forwarded");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "us-east-1,      123456789012",
        "ap-northeast-1, 210987654321",
        "us-west-2,      210987654321",
    })
    void everyOtherRegionOrAccountForwardsToTheHomeBus(String region, String account) {
        SamTemplate forwarder = forwarder(region, account, Map.of());

        assertThat(forwarder.resourceIds()).doesNotContain("NothingToForward")
                .contains("ForwardingRole", "ForwardingDeadLetters", "ForwardingDeadLettersPolicy");
        assertThat(outputNames(forwarder)).contains("HealthEventsForwardingRuleArn", "RdsEventsForwardingRuleArn",
                "ForwardingDeadLetterQueueUrl");
        assertThat(forwarder.outputs().at("/Forwarding/Value").asText()).isEqualTo("forwarding to " + HOME_BUS);
        JsonNode homeRetries = SamTemplate.deployed(Map.of()).events("NotifyFunction", "EventBridgeRule")
                .get("HealthEvents").path("RetryPolicy");
        for (String rule : FORWARDER_RULE_BY_HOME_RULE.values()) {
            assertThat(forwarder.properties(rule).path("Targets")).as(rule).singleElement().satisfies(target -> {
                assertThat(target.path("Arn").asText()).isEqualTo(HOME_BUS);
                assertThat(target.path("RoleArn")).isEqualTo(json("{\"Fn::GetAtt\": [\"ForwardingRole\", \"Arn\"]}"));
                assertThat(target.at("/DeadLetterConfig/Arn"))
                        .isEqualTo(json("{\"Fn::GetAtt\": [\"ForwardingDeadLetters\", \"Arn\"]}"));
                assertThat(target.path("RetryPolicy")).isEqualTo(homeRetries);
            });
        }
    }

    @Test
    void theForwardingRoleMayOnlyPutEventsOnTheHomeBus() {
        JsonNode role = forwarder(Map.of()).properties("ForwardingRole");

        assertThat(role.at("/AssumeRolePolicyDocument/Statement")).singleElement().satisfies(trust -> {
            assertThat(trust.at("/Principal/Service").asText()).isEqualTo("events.amazonaws.com");
            assertThat(trust.path("Action").asText()).isEqualTo("sts:AssumeRole");
        });
        assertThat(role.path("ManagedPolicyArns").isMissingNode()).isTrue();
        assertThat(role.path("Policies")).singleElement().satisfies(policy ->
                assertThat(policy.at("/PolicyDocument/Statement")).singleElement().satisfies(statement -> {
                    assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                    assertThat(statement.path("Action").asText()).isEqualTo("events:PutEvents");
                    assertThat(statement.path("Resource").asText()).isEqualTo(HOME_BUS);
                }));
    }

    @Test
    void whatCannotBeForwardedIsKeptForTwoWeeksInAQueueOnlyTheRulesWrite() {
        SamTemplate forwarder = forwarder(Map.of());
        JsonNode queue = forwarder.properties("ForwardingDeadLetters");
        JsonNode policy = forwarder.properties("ForwardingDeadLettersPolicy");

        assertThat(queue.path("MessageRetentionPeriod").asInt()).isEqualTo(14 * 24 * 3600);
        assertThat(queue.path("SqsManagedSseEnabled").asBoolean()).isTrue();
        assertThat(policy.at("/PolicyDocument/Statement")).singleElement().satisfies(statement -> {
            assertThat(statement.at("/Principal/Service").asText()).isEqualTo("events.amazonaws.com");
            assertThat(statement.path("Action").asText()).isEqualTo("sqs:SendMessage");
            List<String> sources = new ArrayList<>();
            statement.at("/Condition/ArnEquals/aws:SourceArn").forEach(s -> sources.add(s.at("/Fn::GetAtt/0").asText()));
            assertThat(sources).containsExactlyInAnyOrderElementsOf(FORWARDER_RULE_BY_HOME_RULE.values());
        });
    }

    @ParameterizedTest(name = "{0} {1} ReaderTrustedRoleArns=\"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "ap-northeast-1 | 210987654321 | ''",
        "us-east-1      | 210987654321 | arn:aws:iam::123456789012:role/shirase-ScanFunctionRole-ABC",
        "eu-west-1      | 123456789012 | arn:aws:iam::123456789012:role/shirase-ScanFunctionRole-ABC",
    })
    void noReaderRoleWithoutTrustedRolesOrOutsideTheHomeRegion(String region, String account, String trusted) {
        SamTemplate forwarder = forwarder(region, account, Map.of("ReaderTrustedRoleArns", trusted));

        assertThat(forwarder.resourcesOfType("AWS::IAM::Role")).doesNotContain("ReaderRole");
        assertThat(outputNames(forwarder)).doesNotContain("ReaderRoleArn");
    }

    @ParameterizedTest(name = "account {0}")
    @ValueSource(strings = {"210987654321", HOME_ACCOUNT})
    void theReaderRoleIsCreatedInTheHomeRegionTrustingExactlyTheRolesGiven(String account) {
        String scan = "arn:aws:iam::123456789012:role/shirase-ScanFunctionRole-ABC";
        String other = "arn:aws:iam::123456789012:role/audit";
        SamTemplate forwarder = forwarder(HOME_REGION, account, Map.of("ReaderTrustedRoleArns", scan + "," + other));

        JsonNode role = forwarder.properties("ReaderRole");
        assertThat(outputNames(forwarder)).contains("ReaderRoleArn");
        assertThat(role.path("RoleName").asText()).isEqualTo("ShiraseReader");
        assertThat(role.at("/AssumeRolePolicyDocument/Statement")).singleElement().satisfies(trust -> {
            assertThat(trust.path("Effect").asText()).isEqualTo("Allow");
            assertThat(trust.path("Action").asText()).isEqualTo("sts:AssumeRole");
            assertThat(trust.path("Principal")).isEqualTo(json("{\"AWS\": [\"" + scan + "\", \"" + other + "\"]}"));
        });
        assertThat(role.path("ManagedPolicyArns").isMissingNode()).isTrue();
        Map<String, String> resourceByAction = new LinkedHashMap<>();
        role.path("Policies").forEach(policy -> policy.at("/PolicyDocument/Statement").forEach(statement -> {
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            resourceByAction.put(statement.path("Action").asText(), statement.path("Resource").asText());
        }));
        assertThat(resourceByAction).containsExactlyInAnyOrderEntriesOf(Map.of(
                "rds:DescribeDBInstances", "arn:aws:rds:*:" + account + ":db:*",
                "rds:DescribeDBClusters", "arn:aws:rds:*:" + account + ":cluster:*",
                "rds:DescribePendingMaintenanceActions", "*",
                "ec2:DescribeInstanceStatus", "*"));
    }

    @Test
    void theReaderRoleIsNamedByItsParameter() {
        JsonNode role = forwarder(HOME_REGION, "210987654321", Map.of("ReaderTrustedRoleArns",
                "arn:aws:iam::123456789012:role/scan", "ReaderRoleName", "ShiraseReaderProd")).properties("ReaderRole");

        assertThat(role.path("RoleName").asText()).isEqualTo("ShiraseReaderProd");
    }

    @Test
    void theHomeBusLetsNoOtherAccountInByDefault() {
        assertThat(SamTemplate.deployed(Map.of()).resourcesOfType("AWS::Events::EventBusPolicy")).isEmpty();
    }

    @Test
    void withAnOrganizationIdEveryAccountOfTheOrganizationMayPutEventsOnTheHomeBus() {
        SamTemplate home = SamTemplate.deployed(Map.of("OrganizationId", "o-a1b2c3d4e5"));

        assertThat(home.resourcesOfType("AWS::Events::EventBusPolicy")).containsExactly("OrganizationPutEvents");
        JsonNode policy = home.properties("OrganizationPutEvents");
        assertThat(policy.path("EventBusName").asText()).isEqualTo("default");
        assertThat(policy.path("Statement")).isEqualTo(json("""
                {"Effect": "Allow", "Principal": "*", "Action": "events:PutEvents",
                 "Resource": "%s",
                 "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}""".formatted(HOME_BUS)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"o-short", "O-A1B2C3D4E5", "r-a1b2c3d4e5", "a1b2c3d4e5", "o-a1b2c3d4e5 "})
    void anOrganizationIdThatIsNoneIsRefused(String id) {
        assertThatThrownBy(() -> SamTemplate.deployed(Map.of("OrganizationId", id)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OrganizationId");
    }

    @Test
    void organizationIdIsInTheCoverageGroup() {
        JsonNode groups = SamTemplate.load().metadata().at("/AWS::CloudFormation::Interface/ParameterGroups");

        assertThat(groups).filteredOn(g -> g.at("/Label/default").asText().equals("Coverage")).singleElement()
                .satisfies(g -> assertThat(g.path("Parameters")).isEqualTo(json("[\"OrganizationId\"]")));
    }

    @ParameterizedTest(name = "IncludeServices=\"{0}\" ExcludeEventTypeCodes=\"{1}\" ExcludeRdsEventIds=\"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "''  | ''                               | ''",
        "EC2 | AWS_EC2_OPERATIONAL_NOTIFICATION | RDS-EVENT-0155",
    })
    void theHomeStackSaysWhatToDeployTheForwarderWith(String services, String codes, String rdsIds) {
        Map<String, String> filters = filters(services, codes, rdsIds);
        SamTemplate home = SamTemplate.deployed(filters);
        Map<String, String> overrides = new HashMap<>();
        for (String pair : home.outputs().at("/ForwarderParameterOverrides/Value").asText().split(" ")) {
            String[] keyValue = pair.split("=", 2);
            overrides.put(keyValue[0], keyValue[1]);
        }

        assertThat(overrides).containsEntry("HomeRegion", HOME_REGION).containsEntry("HomeAccountId", HOME_ACCOUNT);
        overrides.put("AWS::Region", "eu-west-1");
        SamTemplate forwarder = SamTemplate.deployed(SamTemplate.FORWARDER, overrides);
        home.events("NotifyFunction", "EventBridgeRule").forEach((rule, properties) ->
                assertThat(forwarder.properties(FORWARDER_RULE_BY_HOME_RULE.get(rule)).path("EventPattern")).as(rule)
                        .isEqualTo(properties.path("Pattern")));
        assertThat(home.outputs().at("/HomeEventBusArn/Value").asText()).isEqualTo(HOME_BUS);
    }

    private static List<String> outputNames(SamTemplate template) {
        List<String> names = new ArrayList<>();
        template.outputs().fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
