package dev.shirase.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.UUID;

/**
 * WireMock on a free loopback port, speaking an AWS API of the Query family (RDS, EC2: a form-encoded POST to / that
 * names its {@code Action}, answered in XML). Given moto, it passes every request no stub takes through to moto, so a
 * test stubs only the calls moto does not emulate (or should fail); stubs made with {@link #call} win over that.
 */
public class QueryApiStub extends LoopbackStub {
    /** Priority of the stubs made with {@link #call}; the pass-through has a lower one. Smaller wins in WireMock. */
    public static final int STUB_PRIORITY = 5;
    private static final int PASS_THROUGH_PRIORITY = 100;

    private final String passThroughTo;

    /** @param passThroughTo moto, to answer what no stub takes; null for none (WireMock then answers 404) */
    protected QueryApiStub(MotoServer passThroughTo) {
        this.passThroughTo = passThroughTo == null ? null : passThroughTo.endpoint().toString();
        reset();
    }

    /** Forgets every stub and recorded request, and puts the pass-through to moto back. */
    public void reset() {
        server().resetAll();
        if (passThroughTo != null) {
            server().stubFor(any(anyUrl()).atPriority(PASS_THROUGH_PRIORITY).willReturn(aResponse().proxiedFrom(passThroughTo)));
        }
    }

    // ---- request matching ---------------------------------------------------------------------------------------

    /** A call of this action, as the Query protocol sends it, taken here instead of passed through to moto. */
    public static MappingBuilder call(String action) {
        return post(urlPathEqualTo("/")).withFormParam("Action", equalTo(action)).atPriority(STUB_PRIORITY);
    }

    /** For verification: the requests of this action. */
    public static RequestPatternBuilder requested(String action) {
        return postRequestedFor(urlPathEqualTo("/")).withFormParam("Action", equalTo(action));
    }

    /** The requests of this action WireMock received, in order. */
    public List<LoggedRequest> requests(String action) {
        return server().findAll(requested(action));
    }

    /**
     * Matches the requests signed for {@code region}: it is in the SigV4 credential scope of the Authorization header,
     * {@code .../<region>/<service>/aws4_request}.
     */
    public static MappingBuilder inRegion(MappingBuilder call, String service, String region) {
        return call.withHeader("Authorization", containing("/" + region + "/" + service + "/aws4_request"));
    }

    // ---- responses ----------------------------------------------------------------------------------------------

    /** An XML answer with the headers AWS sends. */
    public static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "text/xml")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody(body);
    }

    /** The error of the Query APIs that answer in ErrorResponse (RDS, STS): a sender error with AWS's code and message. */
    protected static ResponseDefinitionBuilder errorResponse(String namespace, int status, String code, String message) {
        // RequestId is a child of ErrorResponse here, not of a ResponseMetadata element.
        return xml(status, "<ErrorResponse xmlns=\"" + namespace + "\">\n"
                + "  <Error>\n    <Type>Sender</Type>\n    <Code>" + escape(code) + "</Code>\n"
                + "    <Message>" + escape(message) + "</Message>\n  </Error>\n"
                + "  <RequestId>" + UUID.randomUUID() + "</RequestId>\n"
                + "</ErrorResponse>\n");
    }

    /** {@code <name>text</name>} on a line of its own, indented by {@code indent}; nothing when {@code text} is null. */
    protected static void element(StringBuilder x, int indent, String name, String text) {
        if (text != null) {
            x.append(" ".repeat(indent)).append('<').append(name).append('>').append(escape(text))
                    .append("</").append(name).append(">\n");
        }
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
