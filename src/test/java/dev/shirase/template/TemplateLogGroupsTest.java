package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each function logs to a log group of the stack's own: kept LogRetentionDays days and deleted with the stack, with
 * the JSON format and levels of the Globals.
 */
class TemplateLogGroupsTest {
    /** What CloudWatch Logs accepts as RetentionInDays (PutRetentionPolicy). */
    private static final List<Integer> RETENTIONS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final SamTemplate template = SamTemplate.loadLongForm();

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void eachFunctionLogsToAGroupOfItsOwnThatGoesWithTheStack(String function) {
        JsonNode logging = template.properties(function).path("LoggingConfig");
        String group = logging.at("/LogGroup/Ref").asText();

        assertThat(group).isEqualTo(function + "LogGroup");
        // Format and levels come from the Globals; the function adds only where its logs go.
        assertThat(logging.fieldNames()).toIterable().containsExactly("LogGroup");
        JsonNode resource = template.resource(group);
        assertThat(resource.path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
        assertThat(resource.path("DeletionPolicy").asText()).isEqualTo("Delete");
        assertThat(resource.path("UpdateReplacePolicy").asText()).isEqualTo("Delete");
        assertThat(resource.at("/Properties/RetentionInDays/Ref").asText()).isEqualTo("LogRetentionDays");
        // Named from the stack, never from a function: that would be a circular dependency.
        assertThat(resource.at("/Properties/LogGroupName/Fn::Sub").asText())
                .isEqualTo("/aws/lambda/${AWS::StackName}/" + function);
    }

    @Test
    void theFunctionsLogJsonAtTheLevelsTheGlobalsSet() {
        JsonNode logging = template.functionGlobals().path("LoggingConfig");

        assertThat(logging.path("LogFormat").asText()).isEqualTo("JSON");
        assertThat(logging.path("ApplicationLogLevel").asText()).isEqualTo("INFO");
    }

    @Test
    void retentionIsNinetyDaysUnlessSetToAnotherValueCloudWatchLogsAccepts() {
        JsonNode parameter = template.parameters().path("LogRetentionDays");
        List<Integer> allowed = new ArrayList<>();
        parameter.path("AllowedValues").forEach(v -> allowed.add(v.asInt()));

        assertThat(parameter.path("Type").asText()).isEqualTo("Number");
        assertThat(parameter.path("Default").asInt()).isEqualTo(90);
        assertThat(allowed).isEqualTo(RETENTIONS);
    }

    @Test
    void noOtherLogGroupIsMade() {
        assertThat(template.resourcesOfType("AWS::Logs::LogGroup"))
                .containsExactly("NotifyFunctionLogGroup", "ScanFunctionLogGroup");
    }
}
