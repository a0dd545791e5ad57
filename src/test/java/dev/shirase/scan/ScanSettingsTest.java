package dev.shirase.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanSettingsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theScheduleEventWinsOverTheEnvironment() {
        ObjectNode detail = MAPPER.createObjectNode().put("regions", "us-east-1, ap-northeast-1")
                .put("reminderDays", "30,1").put("weeklyDigestDay", "FRIDAY");

        ScanSettings s = ScanSettings.of(detail, Map.of("AWS_REGION", "eu-west-1", ScanSettings.REMINDER_DAYS, "2"));

        assertThat(s.regions()).containsExactly("us-east-1", "ap-northeast-1");
        assertThat(s.reminderDays()).containsExactly(1, 30);
        assertThat(s.digestDay()).isEqualTo(DayOfWeek.FRIDAY);
    }

    @Test
    void theEnvironmentFillsInWhatTheEventLeavesOut() {
        ScanSettings s = ScanSettings.of(MAPPER.createObjectNode(), Map.of("AWS_REGION", "ap-northeast-3",
                ScanSettings.DIGEST_WEEKDAY, "wed"));

        assertThat(s.regions()).containsExactly("ap-northeast-3");
        assertThat(s.reminderDays()).containsExactly(1, 3, 7, 14);
        assertThat(s.digestDay()).isEqualTo(DayOfWeek.WEDNESDAY);
    }

    @Test
    void rejectsSettingsThatMeanNothing() {
        assertThatThrownBy(() -> ScanSettings.of(null, Map.of())).hasMessageContaining("no region to scan");
        assertThatThrownBy(() -> ScanSettings.of(MAPPER.createObjectNode().put("reminderDays", "7,soon"),
                Map.of("AWS_REGION", "ap-northeast-1"))).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> ScanSettings.of(MAPPER.createObjectNode().put("weeklyDigestDay", "someday"),
                Map.of("AWS_REGION", "ap-northeast-1"))).hasMessageContaining("not a day of the week");
    }

    @Test
    void memberAccountsAndTheirRoleComeFromTheScheduleWithTheFunctionsOwnAccountLeftOut() {
        ObjectNode detail = MAPPER.createObjectNode().put("regions", "ap-northeast-1")
                .put("accounts", "111111111111, 123456789012,222222222222,111111111111").put("readerRole", "OpsReader");

        ScanAccounts accounts = ScanSettings.of(detail, "123456789012", Map.of()).accounts();

        assertThat(accounts.home()).isEqualTo("123456789012");
        assertThat(accounts.members()).containsExactly("111111111111", "222222222222");
        assertThat(accounts.organization()).isFalse();
        assertThat(accounts.readerRole()).isEqualTo("OpsReader");
    }

    @Test
    void noAccountsMeansThisAccountAloneWithTheDefaultRole() {
        ScanAccounts accounts = ScanSettings.of(MAPPER.createObjectNode().put("accounts", "").put("readerRole", ""),
                "123456789012", Map.of("AWS_REGION", "ap-northeast-1")).accounts();

        assertThat(accounts.members()).isEmpty();
        assertThat(accounts.organization()).isFalse();
        assertThat(accounts.readerRole()).isEqualTo("ShiraseReader");
        assertThat(accounts.places(List.of("ap-northeast-1", "us-east-1")))
                .containsExactly(Place.home("ap-northeast-1"), Place.home("us-east-1"));
    }

    @Test
    void organizationIsTakenAsEveryActiveAccountToBeListedWhenTheScanRuns() {
        ScanAccounts accounts = ScanSettings.of(MAPPER.createObjectNode().put("accounts", "ORGANIZATION"),
                "123456789012", Map.of("AWS_REGION", "ap-northeast-1")).accounts();

        assertThat(accounts.organization()).isTrue();
        assertThat(accounts.members()).isEmpty();
        assertThat(accounts.withMembers(List.of("123456789012", "333333333333")).members())
                .containsExactly("333333333333");
    }

    @Test
    void rejectsAccountsAndRolesThatAreNotThere() {
        assertThatThrownBy(() -> ScanSettings.of(MAPPER.createObjectNode().put("accounts", "11111111111"), null,
                Map.of("AWS_REGION", "ap-northeast-1"))).hasMessageContaining("12-digit account ids");
        assertThatThrownBy(() -> ScanSettings.of(MAPPER.createObjectNode().put("accounts", "organization"), null,
                Map.of("AWS_REGION", "ap-northeast-1"))).hasMessageContaining("ORGANIZATION");
        assertThatThrownBy(() -> ScanSettings.of(MAPPER.createObjectNode().put("readerRole", "path/Reader"), null,
                Map.of("AWS_REGION", "ap-northeast-1"))).hasMessageContaining("not an IAM role name");
    }

    @Test
    void eachRegionOfEachMemberIsAPlaceOfItsOwnAfterThoseOfThisAccount() {
        ScanAccounts accounts = ScanAccounts.parse("123456789012", "111111111111,222222222222", null);

        assertThat(accounts.places(List.of("ap-northeast-1", "us-east-1"))).containsExactly(
                Place.home("ap-northeast-1"), Place.home("us-east-1"),
                new Place("111111111111", "ap-northeast-1"), new Place("111111111111", "us-east-1"),
                new Place("222222222222", "ap-northeast-1"), new Place("222222222222", "us-east-1"));
    }

    @Test
    void aResourceIsReadWhereItsAccountIsAndNotAtAllInAnAccountTheScanDoesNotRead() {
        ScanAccounts accounts = ScanAccounts.parse("123456789012", "111111111111", null);

        assertThat(accounts.placeOf("123456789012", "us-east-1")).contains(Place.home("us-east-1"));
        assertThat(accounts.placeOf(null, "us-east-1")).contains(Place.home("us-east-1"));
        assertThat(accounts.placeOf("111111111111", "us-east-1")).contains(new Place("111111111111", "us-east-1"));
        assertThat(accounts.placeOf("999999999999", "us-east-1")).isEmpty();
        // Without a known home account, any account that is not a member is taken as the function's own.
        assertThat(ScanAccounts.parse(null, "111111111111", null).placeOf("999999999999", "us-east-1"))
                .contains(Place.home("us-east-1"));
    }
}
