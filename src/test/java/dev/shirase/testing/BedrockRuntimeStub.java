package dev.shirase.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * WireMock speaking Amazon Bedrock Runtime's Converse as the real REST-JSON API does: a POST
 * to {@code /model/<model id, URL-encoded>/converse}, answered in JSON; errors with their type in the
 * {@code x-amzn-ErrorType} header and the message in the body.
 */
public final class BedrockRuntimeStub extends AwsApiStub {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BedrockRuntimeStub() {
    }

    /** Nothing answers but the stubs: a call none takes gets WireMock's 404, and the test sees it. */
    public static BedrockRuntimeStub start() {
        return new BedrockRuntimeStub();
    }

    // ---- request matching ---------------------------------------------------------------------------------------

    /** The path of Converse for this model: the id is one path segment, so its {@code :} and {@code /} are encoded. */
    public static String path(String modelId) {
        return "/model/" + URLEncoder.encode(modelId, StandardCharsets.UTF_8) + "/converse";
    }

    public static MappingBuilder converse(String modelId) {
        return post(urlPathEqualTo(path(modelId)));
    }

    /** The Converse requests for this model WireMock received, in order. */
    public List<LoggedRequest> requests(String modelId) {
        return server().findAll(postRequestedFor(urlPathEqualTo(path(modelId))));
    }

    /** A request's JSON body. */
    public static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the request's one user message. */
    public static String userText(LoggedRequest request) {
        return body(request).at("/messages/0/content/0/text").asText();
    }

    /** The text of the request's system prompt. */
    public static String systemText(LoggedRequest request) {
        return body(request).at("/system/0/text").asText();
    }

    // ---- responses ----------------------------------------------------------------------------------------------

    /** The model's answer in as many text blocks as given, ended by the model itself. */
    public static ResponseDefinitionBuilder answer(String... texts) {
        return stopped("end_turn", texts);
    }

    /** The model's answer, stopped for {@code stopReason} ({@code end_turn}, {@code max_tokens} ...). */
    public static ResponseDefinitionBuilder stopped(String stopReason, String... texts) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode message = body.putObject("output").putObject("message");
        message.put("role", "assistant");
        ArrayNode content = message.putArray("content");
        int outputTokens = 0;
        for (String text : texts) {
            content.addObject().put("text", text);
            outputTokens += text.length();
        }
        body.put("stopReason", stopReason);
        body.putObject("usage").put("inputTokens", 812).put("outputTokens", outputTokens)
                .put("totalTokens", 812 + outputTokens);
        body.putObject("metrics").put("latencyMs", 1234);
        return json(200, body.toString());
    }

    /**
     * An error as Bedrock Runtime sends it: its type in {@code x-amzn-ErrorType} (the SDK reads the code from there,
     * up to the colon) and {@code {"message": ...}} as the body.
     */
    public static ResponseDefinitionBuilder error(int status, String type, String message) {
        return json(status, JSON.createObjectNode().put("message", message).toString())
                .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
    }

    public static ResponseDefinitionBuilder throttling() {
        return error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody(body);
    }
}
