package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shirase.translate.TranslationSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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

    @Test
    void theNotifierReadsItAsShiraseTranslation() {
        JsonNode variables = SamTemplate.deployed(Map.of("Translation", "amazon-translate"))
                .properties("NotifyFunction").at("/Environment/Variables");
        assertThat(variables.path("SHIRASE_TRANSLATION").asText()).isEqualTo("amazon-translate");
    }

    @Test
    void withoutTranslationNothingIsGranted() {
        assertThat(actions(SamTemplate.deployed(Map.of()))).noneMatch(a -> a.startsWith("translate:")
                || a.startsWith("bedrock:") || a.startsWith("dynamodb:Batch"));
    }

    @Test
    void amazonTranslateIsGrantedTranslationAndItsOwnTerminologyOnly() {
        SamTemplate template = SamTemplate.deployed(Map.of("Translation", "amazon-translate"));
        assertThat(actions(template)).contains("translate:TranslateText", "translate:GetTerminology",
                "translate:ImportTerminology", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem")
                .noneMatch(a -> a.startsWith("bedrock:"));
        JsonNode glossary = template.statements("NotifyFunction").stream()
                .filter(s -> s.path("Sid").asText().equals("ManageGlossary")).findFirst().orElseThrow();
        assertThat(glossary.path("Resource").asText()).endsWith(":terminology/shirase-glossary-*");
    }

    @Test
    void bedrockIsGrantedInvokeModelAndBothTogetherAreGrantedBoth() {
        assertThat(actions(SamTemplate.deployed(Map.of("Translation", "bedrock:" + MODEL))))
                .contains("bedrock:InvokeModel").noneMatch(a -> a.startsWith("translate:"));
        assertThat(actions(SamTemplate.deployed(Map.of("Translation", "bedrock:" + MODEL + ",amazon-translate"))))
                .contains("bedrock:InvokeModel", "translate:TranslateText");
    }

    private static List<String> actions(SamTemplate template) {
        List<String> actions = new ArrayList<>();
        for (JsonNode statement : template.statements("NotifyFunction")) {
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
