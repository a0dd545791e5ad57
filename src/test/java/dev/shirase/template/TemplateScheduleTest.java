package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** events/scan/scheduled-scan.json is what ScanFunction's schedule delivers: its Input with every placeholder filled in. */
class TemplateScheduleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode schedule = SamTemplate.load().events("ScanFunction", "ScheduleV2").get("DailyScan");

    @Test
    void runsDailyAtTheConfiguredTimeInJapan() {
        assertThat(schedule).as("ScanFunction's ScheduleV2 event DailyScan").isNotNull();
        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("cron(${ScanMinute} ${ScanHour} * * ? *)");
        assertThat(schedule.path("ScheduleExpressionTimezone").asText()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void sampleEventIsTheScheduleInputFilledIn() throws IOException {
        JsonNode sample = JSON.readTree(SamTemplate.PROJECT.resolve("events/scan/scheduled-scan.json").toFile());
        JsonNode parameters = SamTemplate.load().parameters();
        // Scheduler's context keywords, then what !Sub fills in at deploy time: pseudo parameters, the region list
        // (the stack's region when ScanRegions is empty, as by default) and the scan parameters' defaults.
        Map<String, String> values = Map.ofEntries(Map.entry("${ScanAccounts}",
                        parameters.path("ScanAccounts").path("Default").asText()),
                Map.entry("${ReaderRoleName}", parameters.path("ReaderRoleName").path("Default").asText()),
                Map.entry("<aws.scheduler.execution-id>", sample.path("id").asText()),
                Map.entry("<aws.scheduler.scheduled-time>", sample.path("time").asText()),
                Map.entry("<aws.scheduler.schedule-arn>", sample.path("resources").path(0).asText()),
                Map.entry("${AWS::AccountId}", sample.path("account").asText()),
                Map.entry("${AWS::Region}", sample.path("region").asText()),
                Map.entry("${Regions}", sample.path("region").asText()),
                Map.entry("${ReminderDays}", parameters.path("ReminderDays").path("Default").asText()),
                Map.entry("${WeeklyDigestDay}", parameters.path("WeeklyDigestDay").path("Default").asText()));
        JsonNode sub = schedule.path("Input");
        assertThat(sub.isArray()).as("Input is !Sub [template, variables]").isTrue();
        assertThat(sub.path(1).has("Regions")).isTrue();
        String input = sub.path(0).asText();
        for (Map.Entry<String, String> value : values.entrySet()) {
            assertThat(input).as("Input uses %s", value.getKey()).contains(value.getKey());
            input = input.replace(value.getKey(), value.getValue());
        }

        assertThat(input).doesNotContain("<aws.", "${");
        assertThat(JSON.readTree(input)).isEqualTo(sample);
    }
}
