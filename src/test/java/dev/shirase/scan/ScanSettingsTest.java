package dev.shirase.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
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
}
