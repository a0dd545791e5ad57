package dev.shirase.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountNamesTest {

    @Test
    void readsAnObjectOfAccountIdToName() {
        AccountNames.Parsed parsed = AccountNames.parse("{\"111122223333\": \"prod-web\", \" 444455556666 \": \" 本番 \"}");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.names().name("111122223333")).contains("prod-web");
        assertThat(parsed.names().name("444455556666")).contains("本番");
        assertThat(parsed.names().name("999999999999")).isEmpty();
        assertThat(parsed.names().name(null)).isEmpty();
    }

    @Test
    void nothingConfiguredIsNoNamesAndNoProblem() {
        assertThat(AccountNames.parse(null)).isEqualTo(new AccountNames.Parsed(AccountNames.NONE, java.util.List.of()));
        assertThat(AccountNames.parse("  ").names().isEmpty()).isTrue();
    }

    @Test
    void inputThatIsNotAJsonObjectGivesNoNamesAndSaysWhy() {
        AccountNames.Parsed broken = AccountNames.parse("{\"111122223333\": \"prod-web\"");
        AccountNames.Parsed list = AccountNames.parse("[\"111122223333\"]");

        assertThat(broken.names().isEmpty()).isTrue();
        assertThat(broken.problems()).singleElement().asString().startsWith("SHIRASE_ACCOUNT_NAMES is not valid JSON");
        assertThat(list.names().isEmpty()).isTrue();
        assertThat(list.problems()).singleElement().asString().contains("is not a JSON object");
    }

    @Test
    void aBadEntryIsLeftOutAndNamedWhileTheOthersAreKept() {
        AccountNames.Parsed parsed = AccountNames.parse(
                "{\"111122223333\": \"prod-web\", \"prod\": \"x\", \"444455556666\": 7, \"777788889999\": \" \"}");

        assertThat(parsed.names().size()).isEqualTo(1);
        assertThat(parsed.names().name("111122223333")).contains("prod-web");
        assertThat(parsed.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("\"prod\" is not a 12-digit account id"))
                .anySatisfy(p -> assertThat(p).contains("444455556666 is not a non-empty string"))
                .anySatisfy(p -> assertThat(p).contains("777788889999 is not a non-empty string"));
    }

    @Test
    void configuredNamesWinOverThoseLookedUp() {
        AccountNames configured = AccountNames.of(Map.of("111122223333", "prod-web"));
        AccountNames organization = AccountNames.of(Map.of("111122223333", "Production Web", "444455556666", "staging"));

        AccountNames merged = configured.over(organization);

        assertThat(merged.name("111122223333")).contains("prod-web");
        assertThat(merged.name("444455556666")).contains("staging");
        assertThat(configured.over(AccountNames.NONE)).isSameAs(configured);
    }
}
