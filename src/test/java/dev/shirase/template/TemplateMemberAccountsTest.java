package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.aws.AwsClients;
import dev.shirase.handler.NotifyHandler;
import dev.shirase.scan.ScanAccounts;
import dev.shirase.scan.ScanSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ScanAccounts and ReaderRoleName reach the code as it reads them: the schedule's input carries them to the scan, the
 * functions may assume exactly the role the code names (and none without member accounts), NotifyFunction gets the
 * variables its enrichment reads, and the output names the roles a member account's reader role must trust.
 */
class TemplateMemberAccountsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FUNCTIONS = List.of("NotifyFunction", "ScanFunction");
    private static final String HOME = "123456789012";

    private static List<JsonNode> assumeRoleStatements(SamTemplate template, String function) {
        return template.statements(function).stream()
                .filter(s -> s.path("Action").toString().contains("sts:")).toList();
    }

    /** What the scan reads from its schedule's input, as CloudFormation deploys it with these parameters. */
    private static ScanSettings scheduled(Map<String, String> parameters) throws IOException {
        JsonNode input = JSON.readTree(SamTemplate.deployed(parameters).events("ScanFunction", "ScheduleV2")
                .get("DailyScan").path("Input").asText());
        return ScanSettings.of(input.get("detail"), input.path("account").asText(), Map.of());
    }

    @Test
    void theScheduleCarriesTheMemberAccountsAndTheRoleToTheScan() throws IOException {
        ScanAccounts accounts = scheduled(Map.of("ScanAccounts", "111111111111,222222222222",
                "ReaderRoleName", "OpsReader")).accounts();

        assertThat(accounts.home()).isEqualTo(HOME);
        assertThat(accounts.members()).containsExactly("111111111111", "222222222222");
        assertThat(accounts.organization()).isFalse();
        assertThat(accounts.readerRole()).isEqualTo("OpsReader");
        assertThat(scheduled(Map.of("ScanAccounts", "ORGANIZATION")).accounts().organization()).isTrue();
        assertThat(scheduled(Map.of()).accounts()).satisfies(only -> {
            assertThat(only.members()).isEmpty();
            assertThat(only.organization()).isFalse();
            assertThat(only.readerRole()).isEqualTo(ScanAccounts.DEFAULT_READER_ROLE);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ORGANIZATION", "111111111111", "111111111111,222222222222"})
    void whatTheTemplateAcceptsTheScanReads(String value) throws IOException {
        assertThat(scheduled(Map.of("ScanAccounts", value)).accounts().home()).isEqualTo(HOME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11111111111", "111111111111,", "organization", "111111111111;222222222222", "abc"})
    void whatTheScanCannotReadTheTemplateRefuses(String value) {
        assertThatThrownBy(() -> SamTemplate.deployed(Map.of("ScanAccounts", value)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withMemberAccountsEachFunctionMayAssumeTheRoleTheCodeNamesAndNoOther() {
        SamTemplate template = SamTemplate.deployed(Map.of("ScanAccounts", "111111111111", "ReaderRoleName", "OpsReader"));
        // The role the code assumes in any account, in the partition the template resolves to.
        String roleInAnyAccount = new AwsClients(Map.of("AWS_REGION", "ap-northeast-1")).roleArn("*", "OpsReader");

        for (String function : FUNCTIONS) {
            assertThat(assumeRoleStatements(template, function)).as(function).singleElement().satisfies(s -> {
                assertThat(s.path("Effect").asText()).isEqualTo("Allow");
                assertThat(s.path("Action").asText()).isEqualTo("sts:AssumeRole");
                assertThat(s.path("Resource").asText()).isEqualTo(roleInAnyAccount);
            });
        }
        JsonNode variables = template.properties("NotifyFunction").at("/Environment/Variables");
        assertThat(variables.path(NotifyHandler.HOME_ACCOUNT).asText()).isEqualTo(HOME);
        assertThat(variables.path(ScanSettings.READER_ROLE).asText()).isEqualTo("OpsReader");
    }

    @Test
    void withoutMemberAccountsNoFunctionMayAssumeARole() {
        SamTemplate template = SamTemplate.deployed(Map.of());

        for (String function : FUNCTIONS) {
            assertThat(assumeRoleStatements(template, function)).as(function).isEmpty();
        }
        // The home account is always set, so that another account's databases are never looked up with this one's
        // credentials; without a reader role they are not looked up at all.
        JsonNode variables = template.properties("NotifyFunction").at("/Environment/Variables");
        assertThat(variables.path(NotifyHandler.HOME_ACCOUNT).asText()).isEqualTo(HOME);
        assertThat(variables.has(ScanSettings.READER_ROLE)).isFalse();
    }

    @Test
    void notifyFunctionDescribesTheDatabasesOfItsAccountInEveryRegion() {
        SamTemplate template = SamTemplate.deployed(Map.of());

        assertThat(template.statements("NotifyFunction")).filteredOn(s -> s.path("Action").asText().equals(
                "rds:DescribeDBInstances")).singleElement().satisfies(s -> assertThat(s.path("Resource").asText())
                .isEqualTo("arn:aws:rds:*:" + HOME + ":db:*"));
        assertThat(template.statements("NotifyFunction")).filteredOn(s -> s.path("Action").asText().equals(
                "rds:DescribeDBClusters")).singleElement().satisfies(s -> assertThat(s.path("Resource").asText())
                .isEqualTo("arn:aws:rds:*:" + HOME + ":cluster:*"));
    }

    @Test
    void theOutputNamesTheRolesOfBothFunctions() throws IOException {
        JsonNode output = SamTemplate.loadLongForm().outputs().path("ReaderTrustedRoleArns");

        assertThat(output.path("Value")).isEqualTo(JSON.readTree("{\"Fn::Join\": [\",\", ["
                + "{\"Fn::GetAtt\": [\"NotifyFunctionRole\", \"Arn\"]}, {\"Fn::GetAtt\": [\"ScanFunctionRole\", \"Arn\"]}]]}"));
    }
}
