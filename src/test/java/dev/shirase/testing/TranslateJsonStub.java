package dev.shirase.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WireMock on a free loopback port speaking Amazon Translate's JSON 1.1 API: a POST to / whose {@code X-Amz-Target}
 * names the operation, answered in JSON, errors as a 400 whose {@code __type} is AWS's error code. A call no stub takes
 * gets WireMock's 404, and the test sees it.
 */
public final class TranslateJsonStub extends AwsApiStub {
    public static final String TARGET_PREFIX = "AWSShineFrontendService_20170701.";
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TranslateJsonStub() {
        super(options().extensions(new PretendTranslator()));
    }

    public static TranslateJsonStub start() {
        return new TranslateJsonStub();
    }

    // ---- request matching ---------------------------------------------------------------------------------------

    /** A call of {@code operation} (TranslateText, GetTerminology, ImportTerminology) as the SDK sends it. */
    public static MappingBuilder call(String operation) {
        return post(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation))
                .withHeader("Content-Type", equalTo(CONTENT_TYPE));
    }

    /** The bodies of the calls of {@code operation} WireMock received, in order. */
    public List<JsonNode> requests(String operation) {
        return server().findAll(postRequestedFor(urlPathEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation)))
                .stream().map(r -> read(r.getBodyAsString())).toList();
    }

    // ---- responses ----------------------------------------------------------------------------------------------

    /** A JSON 1.1 answer with the headers AWS sends. */
    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", CONTENT_TYPE)
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody(body);
    }

    /** An error as JSON 1.1 services send it: AWS's code in {@code __type}. */
    public static ResponseDefinitionBuilder error(String code, String message) {
        ObjectNode body = JSON.createObjectNode().put("__type", code).put("Message", message);
        return json(400, body.toString());
    }

    /** A TranslateText answer of {@code translatedText}. */
    public static ResponseDefinitionBuilder translated(String translatedText) {
        return json(200, translation(translatedText, List.of()).toString());
    }

    /**
     * A TranslateText answer made from the request's own text by {@link PretendTranslator}: what it sent, and what
     * comes back of it, can both be checked.
     */
    public static ResponseDefinitionBuilder pretendTranslation() {
        return aResponse().withTransformers(PretendTranslator.NAME);
    }

    /** GetTerminology's answer for a terminology Translate has. */
    public static ResponseDefinitionBuilder terminology(String name, int termCount) {
        ObjectNode body = JSON.createObjectNode();
        body.set("TerminologyProperties", properties(name, termCount));
        body.putObject("TerminologyDataLocation").put("RepositoryType", "S3")
                .put("Location", "https://aws-translate-terminology-prod-ap-northeast-1.s3.ap-northeast-1.amazonaws.com/"
                        + "123456789012/" + name + "/LATEST/" + name + ".csv?X-Amz-Signature=0");
        return json(200, body.toString());
    }

    /** ImportTerminology's answer. */
    public static ResponseDefinitionBuilder imported(String name, int termCount) {
        ObjectNode body = JSON.createObjectNode();
        body.set("TerminologyProperties", properties(name, termCount));
        return json(200, body.toString());
    }

    private static ObjectNode properties(String name, int termCount) {
        ObjectNode properties = JSON.createObjectNode().put("Name", name)
                .put("Arn", "arn:aws:translate:ap-northeast-1:123456789012:terminology/" + name + "/LATEST")
                .put("SourceLanguageCode", "en").put("TermCount", termCount).put("Format", "CSV")
                .put("Directionality", "UNI").put("CreatedAt", 1.7963424E9).put("LastUpdatedAt", 1.7963424E9);
        properties.putArray("TargetLanguageCodes").add("ja");
        return properties;
    }

    private static ObjectNode translation(String translatedText, List<String> terminologyNames) {
        ObjectNode body = JSON.createObjectNode().put("TranslatedText", translatedText)
                .put("SourceLanguageCode", "en").put("TargetLanguageCode", "ja");
        ArrayNode applied = body.putArray("AppliedTerminologies");
        for (String name : terminologyNames) {
            ObjectNode terminology = applied.addObject().put("Name", name);
            terminology.putArray("Terms").addObject().put("SourceText", "maintenance window")
                    .put("TargetText", "メンテナンスウィンドウ");
        }
        body.putObject("AppliedSettings").put("Formality", "FORMAL");
        return body;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers TranslateText as a translation service that takes the HTML it is sent at its word: outside the elements
     * marked {@code translate="no"} it puts a few English words into Japanese and writes every digit full-width (a
     * text it translated need not keep them), inside them it changes nothing. It writes its tags back as a service
     * may: the attribute unquoted, {@code <br/>} with a space after it.
     */
    public static final class PretendTranslator implements ResponseDefinitionTransformerV2 {
        public static final String NAME = "pretend-translator";
        private static final Pattern KEPT = Pattern.compile("<span translate=\"no\">(.*?)</span>", Pattern.DOTALL);
        /** Longer phrases first, so that a word inside one is not put into Japanese alone. */
        private static final List<Map.Entry<String, String>> WORDS = List.of(
                Map.entry("maintenance window", "メンテナンスウィンドウ"), Map.entry("Upgrade to", "アップグレード先"),
                Map.entry("upgrade", "アップグレード"), Map.entry("reboot", "再起動"), Map.entry("before", "より前"),
                Map.entry("and", "と"));

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            JsonNode request = read(serveEvent.getRequest().getBodyAsString());
            List<String> names = request.has("TerminologyNames")
                    ? JSON.convertValue(request.get("TerminologyNames"), JSON.getTypeFactory()
                            .constructCollectionType(List.class, String.class))
                    : List.of();
            String answer = translate(request.get("Text").asText());
            return json(200, translation(answer, names).toString()).build();
        }

        static String translate(String html) {
            StringBuilder out = new StringBuilder();
            Matcher kept = KEPT.matcher(html);
            int at = 0;
            while (kept.find()) {
                out.append(translateFree(html.substring(at, kept.start())))
                        .append("<span translate=no>").append(kept.group(1)).append("</span>");
                at = kept.end();
            }
            return out.append(translateFree(html.substring(at))).toString();
        }

        private static String translateFree(String text) {
            String out = text.replace("<br>", "<br/> ");
            for (Map.Entry<String, String> word : WORDS) {
                out = out.replaceAll("\\b" + Pattern.quote(word.getKey()) + "\\b", word.getValue());
            }
            StringBuilder wide = new StringBuilder();
            out.chars().forEach(c -> wide.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : (char) c));
            return wide.toString();
        }
    }
}
