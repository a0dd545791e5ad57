package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.account.AccountDirectory;
import dev.shirase.account.AccountNames;
import dev.shirase.account.AccountTopics;
import dev.shirase.handler.NotifyHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The account parameters of template.yaml reach both functions as the variables the code reads, and grant only what
 * they need: the listed topics and keys, and Organizations only in organization mode.
 */
class TemplateAccountsTest {
    private static final String TEAM_A = "arn:aws:sns:ap-northeast-1:111122223333:team-a";
    private static final String PROD = "arn:aws:sns:ap-northeast-1:123456789012:prod-alerts";
    private static final String KEY = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String TOPICS = "{\"111122223333\": \"" + TEAM_A + "\", \"ou-ab12-prod0001\": [\"" + PROD + "\"]}";

    private static Map<String, String> environment(String function, Map<String, String> parameters) {
        JsonNode variables = SamTemplate.deployed(parameters).properties(function).at("/Environment/Variables");
        Map<String, String> env = new LinkedHashMap<>();
        variables.properties().forEach(v -> env.put(v.getKey(), v.getValue().asText()));
        return env;
    }

    private static Optional<JsonNode> statement(String function, Map<String, String> parameters, String sid) {
        return SamTemplate.deployed(parameters).statements(function).stream()
                .filter(s -> s.path("Sid").asText().equals(sid)).findFirst();
    }

    private static List<String> resources(JsonNode statement) {
        List<String> resources = new ArrayList<>();
        JsonNode r = statement.path("Resource");
        if (r.isArray()) {
            r.forEach(v -> resources.add(v.asText()));
        } else {
            resources.add(r.asText());
        }
        return resources;
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void byDefaultNoAccountIsNamedNoTopicAddedAndNothingMoreGranted(String function) {
        Map<String, String> env = environment(function, Map.of());

        assertThat(env).doesNotContainKeys(AccountDirectory.ORGANIZATION_ENV, AccountNames.ENV, AccountTopics.ENV,
                AccountTopics.GRANTED_ENV);
        for (String sid : List.of("PublishAccountTopics", "UseAccountTopicKeys", "ReadOrganization")) {
            assertThat(statement(function, Map.of(), sid)).as(sid).isEmpty();
        }
    }

    @Test
    void theNotifierAsksRdsAboutTheStacksOwnAccountOnly() {
        assertThat(environment("NotifyFunction", Map.of())).containsEntry(NotifyHandler.HOME_ACCOUNT, "123456789012");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void organizationModeTurnsOnTheVariableAndTheReadOfTheOrganization(String function) {
        Map<String, String> parameters = Map.of("OrganizationId", "o-a1b2c3d4e5");

        assertThat(AccountDirectory.organizationMode(environment(function, parameters))).isTrue();
        assertThat(statement(function, parameters, "ReadOrganization")).hasValueSatisfying(s -> {
            assertThat(s.path("Action").toString()).contains("organizations:ListAccounts", "organizations:ListParents");
            assertThat(s.path("Action")).hasSize(2);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void accountTopicsReachTheCodeAndOnlyTheListedTopicsAndKeysAreGranted(String function) {
        Map<String, String> parameters = Map.of("AccountNames", "{\"111122223333\": \"prod-web\"}",
                "AccountTopics", TOPICS, "AccountTopicArns", TEAM_A + "," + PROD, "AccountTopicKeyArns", KEY);
        Map<String, String> env = environment(function, parameters);

        assertThat(AccountTopics.fromEnvironment(env).arns()).containsExactly(TEAM_A, PROD);
        assertThat(AccountNames.parse(env.get(AccountNames.ENV)).names().name("111122223333")).contains("prod-web");
        assertThat(statement(function, parameters, "PublishAccountTopics")).hasValueSatisfying(s -> {
            assertThat(s.path("Action").asText()).isEqualTo("sns:Publish");
            assertThat(resources(s)).containsExactly(TEAM_A, PROD);
        });
        assertThat(statement(function, parameters, "UseAccountTopicKeys")).hasValueSatisfying(s -> {
            assertThat(resources(s)).containsExactly(KEY);
            assertThat(s.at("/Condition/StringLike/kms:ViaService").asText()).isEqualTo("sns.*.amazonaws.com");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void aTopicLeftOutOfTheGrantStopsStartUp(String function) {
        Map<String, String> missing = environment(function, Map.of("AccountTopics", TOPICS, "AccountTopicArns", TEAM_A));
        Map<String, String> none = environment(function, Map.of("AccountTopics", TOPICS));

        assertThatThrownBy(() -> AccountTopics.fromEnvironment(missing)).hasMessageContaining(PROD)
                .hasMessageContaining("AccountTopicArns");
        assertThatThrownBy(() -> AccountTopics.fromEnvironment(none)).hasMessageContaining(TEAM_A);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "OrganizationId      | 123456789012",
        "OrganizationId      | o-short",
        "AccountNames        | 111122223333=prod-web",
        "AccountTopics       | arn:aws:sns:ap-northeast-1:111122223333:team-a",
        "AccountTopicArns    | arn:aws:sns:ap-northeast-1:111122223333:team-a.fifo",
        "AccountTopicArns    | arn:aws:sns:ap-northeast-1:111122223333:team-a, arn:aws:sns:ap-northeast-1:111122223333:b",
        "AccountTopicArns    | arn:aws:sqs:ap-northeast-1:111122223333:team-a",
        "AccountTopicKeyArns | alias/team-a",
    })
    void aValueTheTemplateRefusesStopsTheDeploy(String parameter, String value) {
        assertThatThrownBy(() -> SamTemplate.deployed(Map.of(parameter, value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(parameter);
    }
}
