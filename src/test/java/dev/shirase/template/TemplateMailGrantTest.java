package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SES grant is what SES checks: ses:SendEmail (the one SES v2 call of the SES channel; its content is a raw MIME
 * message, so ses:SendRawEmail too) on the sender's identity
 * and, in the sandbox, on each recipient's identity too, whether the address or its domain is the verified one. With
 * no mail settings there is no SES grant at all.
 */
class TemplateMailGrantTest {
    private static final Map<String, String> MAIL = Map.of("MailFrom", "notices@ops.example.jp",
            "MailTo", "oncall@example.com,lead@sub.example.org");

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void theSenderTheRecipientsAndTheirDomainsAreCoveredInThisAccountAndRegion(String function) {
        List<JsonNode> ses = sesStatements(SamTemplate.deployed(MAIL), function);

        assertThat(ses).singleElement().satisfies(statement -> {
            assertThat(statement.path("Sid").asText()).isEqualTo("SendMail");
            assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
            assertThat(statement.path("Action")).extracting(JsonNode::asText)
                    .containsExactly("ses:SendEmail", "ses:SendRawEmail");
            assertThat(statement.has("Condition")).isFalse();
            Pattern granted = iamPattern(statement.path("Resource").asText());
            for (String identity : List.of("notices@ops.example.jp", "ops.example.jp", "oncall@example.com",
                    "example.com", "lead@sub.example.org", "sub.example.org")) {
                assertThat(identityArn("ap-northeast-1", "123456789012", identity)).as(identity).matches(granted);
            }
            // Only this account's identities in this region.
            assertThat(identityArn("us-east-1", "123456789012", "example.com")).doesNotMatch(granted);
            assertThat(identityArn("ap-northeast-1", "210987654321", "example.com")).doesNotMatch(granted);
            assertThat(statement.path("Resource").asText()).startsWith("arn:aws:ses:");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"NotifyFunction", "ScanFunction"})
    void withoutMailSettingsNoSesGrant(String function) {
        assertThat(sesStatements(SamTemplate.deployed(Map.of()), function)).isEmpty();
        assertThat(sesStatements(SamTemplate.deployed(Map.of("MailFrom", "notices@ops.example.jp")), function))
                .as("MailFrom alone does not turn SES on").isEmpty();
    }

    private static List<JsonNode> sesStatements(SamTemplate template, String function) {
        return template.statements(function).stream()
                .filter(s -> s.path("Action").toString().contains("ses:"))
                .toList();
    }

    private static String identityArn(String region, String account, String identity) {
        return "arn:aws:ses:" + region + ":" + account + ":identity/" + identity;
    }

    /** An IAM resource with its wildcards ("*" any run, "?" one character) as a regular expression. */
    private static Pattern iamPattern(String resource) {
        StringBuilder regex = new StringBuilder();
        for (char c : resource.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(regex.toString());
    }
}
