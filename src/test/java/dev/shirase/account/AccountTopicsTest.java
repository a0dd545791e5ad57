package dev.shirase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTopicsTest {
    private static final String TEAM_A = "arn:aws:sns:ap-northeast-1:111122223333:team-a";
    private static final String PROD = "arn:aws:sns:ap-northeast-1:123456789012:prod-alerts";
    private static final String ALL = "arn:aws:sns:us-east-1:123456789012:everyone";

    private static AccountTopics topics(String json) {
        return AccountTopics.fromEnvironment(Map.of(AccountTopics.ENV, json));
    }

    @Test
    void anAccountGetsItsOwnTopicsThenThoseOfItsOusNearestFirstEachOnce() {
        AccountTopics topics = topics("{\"111122223333\": \"" + TEAM_A + "\", \"ou-ab12-prod0001\": [\"" + PROD + "\", \""
                + TEAM_A + "\"], \"r-ab12\": \"" + ALL + "\"}");

        assertThat(topics.topicsFor("111122223333", List.of("ou-ab12-web00001", "ou-ab12-prod0001", "r-ab12")))
                .containsExactly(TEAM_A, PROD, ALL);
        assertThat(topics.topicsFor("444455556666", List.of("r-ab12"))).containsExactly(ALL);
        assertThat(topics.topicsFor("444455556666", List.of())).isEmpty();
        assertThat(topics.topicsFor(null, List.of("r-ab12"))).isEmpty();
        assertThat(topics.arns()).containsExactly(TEAM_A, PROD, ALL);
        assertThat(topics.namesOrganizationalUnits()).isTrue();
    }

    @Test
    void keysOfAccountsAloneNeedNoOrganization() {
        assertThat(topics("{\"111122223333\": \"" + TEAM_A + "\"}").namesOrganizationalUnits()).isFalse();
        assertThat(topics("").isEmpty()).isTrue();
        assertThat(AccountTopics.fromEnvironment(Map.of()).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"prod\": \"" + TEAM_A + "\"}",
        "{\"11112222333\": \"" + TEAM_A + "\"}",
        "{\"ou-AB12-prod0001\": \"" + TEAM_A + "\"}",
        "{\"111122223333\": \"team-a\"}",
        "{\"111122223333\": \"arn:aws:sqs:ap-northeast-1:111122223333:team-a\"}",
        "{\"111122223333\": []}",
        "{\"111122223333\": 7}",
        "[\"" + TEAM_A + "\"]",
        "{\"111122223333\": "
    })
    void anythingElseStopsStartUpNamingTheVariable(String json) {
        assertThatThrownBy(() -> topics(json)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(AccountTopics.ENV);
    }

    @Test
    void aFifoTopicIsRefusedWithTheReason() {
        assertThatThrownBy(() -> topics("{\"111122223333\": \"" + TEAM_A + ".fifo\"}"))
                .hasMessageContaining("FIFO topic");
    }

    @Test
    void aTopicTheFunctionMayNotPublishToStopsStartUpWhenTheGrantIsKnown() {
        String json = "{\"111122223333\": \"" + TEAM_A + "\", \"r-ab12\": \"" + ALL + "\"}";

        assertThat(AccountTopics.fromEnvironment(Map.of(AccountTopics.ENV, json,
                AccountTopics.GRANTED_ENV, TEAM_A + ", " + ALL)).arns()).hasSize(2);
        assertThatThrownBy(() -> AccountTopics.fromEnvironment(Map.of(AccountTopics.ENV, json,
                AccountTopics.GRANTED_ENV, TEAM_A)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ALL).hasMessageContaining("AccountTopicArns");
        assertThatThrownBy(() -> AccountTopics.fromEnvironment(Map.of(AccountTopics.ENV, json,
                AccountTopics.GRANTED_ENV, "")))
                .hasMessageContaining(TEAM_A);
    }
}
