package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.translate.TranslationSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Translation parameter: what it lets through is what the code reads, it reaches the notifier as
 * SHIRASE_TRANSLATION, and each service it names, and only those, is granted.
 */
class TemplateTranslationTest {
    private static final String MODEL = "apac.anthropic.claude-3-5-sonnet-20241022-v2:0";

    @Test
    void everyValueTheParameterAllowsTheCodeReadsAndTheDefaultIsNone() {
        JsonNode parameter = SamTemplate.load().parameters().path("Translation");
        assertThat(parameter.path("Default").asText()).isEqualTo("none");
        Pattern allowed = Pattern.compile(parameter.path("AllowedPattern").asText());
        for (String value : List.of("none", "amazon-translate", "bedrock:" + MODEL,
                "bedrock:" + MODEL + ",amazon-translate", "amazon-translate,bedrock:amazon.nova-pro-v1:0")) {
            assertThat(value).matches(allowed);
            TranslationSetting.parse(value);
        }
        for (String value : List.of("", "deepl", "bedrock:", "amazon-translate, bedrock:x", "none,amazon-translate")) {
            assertThat(value).doesNotMatch(allowed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void bothFunctionsReadItAsShiraseTranslation(String function) {
        JsonNode variables = SamTemplate.deployed(Map.of("Translation", "amazon-translate"))
                .properties(function).at("/Environment/Variables");
        assertThat(variables.path("SHIRASE_TRANSLATION").asText()).isEqualTo("amazon-translate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void withoutTranslationNothingIsGranted(String function) {
        assertThat(actions(SamTemplate.deployed(Map.of()), function)).noneMatch(a -> a.startsWith("translate:")
                || a.startsWith("bedrock:") || a.startsWith("dynamodb:Batch"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void amazonTranslateIsGrantedTranslationAndItsOwnTerminologyOnly(String function) {
        SamTemplate template = SamTemplate.deployed(Map.of("Translation", "amazon-translate"));
        assertThat(actions(template, function)).contains("translate:TranslateText", "translate:GetTerminology",
                "translate:ImportTerminology", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem")
                .noneMatch(a -> a.startsWith("bedrock:"));
        JsonNode glossary = template.statements(function).stream()
                .filter(s -> s.path("Sid").asText().equals("ManageGlossary")).findFirst().orElseThrow();
        assertThat(glossary.path("Resource").asText()).endsWith(":terminology/shirase-glossary-*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void bedrockIsGrantedInvokeModelAndBothTogetherAreGrantedBoth(String function) {
        assertThat(actions(SamTemplate.deployed(Map.of("Translation", "bedrock:" + MODEL)), function))
                .contains("bedrock:InvokeModel").noneMatch(a -> a.startsWith("translate:"));
        assertThat(actions(SamTemplate.deployed(Map.of("Translation", "bedrock:" + MODEL + ",amazon-translate")),
                function)).contains("bedrock:InvokeModel", "translate:TranslateText");
    }

    private static List<String> actions(SamTemplate template, String function) {
        List<String> actions = new ArrayList<>();
        for (JsonNode statement : template.statements(function)) {
            JsonNode action = statement.path("Action");
            if (action.isArray()) {
                action.forEach(a -> actions.add(a.asText()));
            } else {
                actions.add(action.asText());
            }
        }
        return actions;
    }
}
