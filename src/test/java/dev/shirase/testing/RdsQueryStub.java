package dev.shirase.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One loopback endpoint for the RDS client: WireMock answers DescribePendingMaintenanceActions (which moto does not
 * emulate) with XML shaped like the real Query API, and passes every other RDS call (DescribeDBInstances,
 * DescribeDBClusters) through to moto. Stubs added with {@link #PENDING_PRIORITY} win over the pass-through.
 */
public final class RdsQueryStub implements AutoCloseable {
    public static final String NAMESPACE = "http://rds.amazonaws.com/doc/2014-10-31/";
    public static final String ACTION = "DescribePendingMaintenanceActions";
    /** Priority for pending-action stubs; the pass-through to moto has a lower one. Smaller wins in WireMock. */
    public static final int PENDING_PRIORITY = 5;
    private static final int PASS_THROUGH_PRIORITY = 100;

    private final WireMockServer server;
    private final String motoEndpoint;

    private RdsQueryStub(WireMockServer server, String motoEndpoint) {
        this.server = server;
        this.motoEndpoint = motoEndpoint;
    }

    /** Starts WireMock on a free loopback port, passing every request no stub takes to moto. */
    public static RdsQueryStub start(MotoServer moto) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        RdsQueryStub stub = new RdsQueryStub(server, moto.endpoint().toString());
        stub.reset();
        return stub;
    }

    /** Forgets every stub and recorded request, and puts the pass-through to moto back. */
    public void reset() {
        server.resetAll();
        server.stubFor(any(anyUrl()).atPriority(PASS_THROUGH_PRIORITY).willReturn(aResponse().proxiedFrom(motoEndpoint)));
    }

    /** The URL to give the SDK as {@code AWS_ENDPOINT_URL_RDS}. */
    public String endpoint() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }


    // ---- request matching ---------------------------------------------------------------------------------------

    /** A DescribePendingMaintenanceActions call, as the Query protocol sends it (form-encoded POST to /). */
    public static MappingBuilder describePending() {
        return call(ACTION);
    }

    /** A call of this RDS action (DescribeDBInstances ...), taken here instead of passed through to moto. */
    public static MappingBuilder call(String action) {
        return post(urlPathEqualTo("/")).withFormParam("Action", equalTo(action)).atPriority(PENDING_PRIORITY);
    }

    /** Matches the requests signed for {@code region}: it is in the SigV4 credential scope of the Authorization header. */
    public static MappingBuilder inRegion(MappingBuilder call, String region) {
        return call.withHeader("Authorization", containing("/" + region + "/rds/aws4_request"));
    }

    /** For verification: DescribePendingMaintenanceActions requests. */
    public static RequestPatternBuilder describePendingRequested() {
        return postRequestedFor(urlPathEqualTo("/")).withFormParam("Action", equalTo(ACTION));
    }

    /** The DescribePendingMaintenanceActions requests WireMock received, in order. */
    public List<LoggedRequest> pendingRequests() {
        return server.findAll(describePendingRequested());
    }

    /** Answers every DescribePendingMaintenanceActions call with one page (no Marker) of these resources. */
    public void pendingActions(Resource... resources) {
        server.stubFor(describePending().willReturn(page(null, resources)));
    }

    // ---- responses ----------------------------------------------------------------------------------------------

    /** One pending maintenance action; any field may be null, as in the real API. */
    public record Action(String action, Instant autoAppliedAfter, Instant forcedApply, Instant currentApply,
            String optInStatus, String description) {

        public static Action of(String action) {
            return new Action(action, null, null, null, null, null);
        }
    }

    /** A resource (DB instance or cluster ARN) and its pending actions. */
    public record Resource(String arn, List<Action> actions) {
        public static Resource of(String arn, Action... actions) {
            return new Resource(arn, Arrays.asList(actions));
        }
    }

    /** A 200 response with one page of DescribePendingMaintenanceActions; {@code marker} null on the last page. */
    public static ResponseDefinitionBuilder page(String marker, Resource... resources) {
        return xml(200, pageXml(marker, resources));
    }

    public static String pageXml(String marker, Resource... resources) {
        StringBuilder x = new StringBuilder();
        x.append("<DescribePendingMaintenanceActionsResponse xmlns=\"").append(NAMESPACE).append("\">\n");
        x.append("  <DescribePendingMaintenanceActionsResult>\n");
        x.append("    <PendingMaintenanceActions>\n");
        for (Resource r : resources) {
            x.append("      <ResourcePendingMaintenanceActions>\n");
            x.append("        <ResourceIdentifier>").append(escape(r.arn())).append("</ResourceIdentifier>\n");
            x.append("        <PendingMaintenanceActionDetails>\n");
            for (Action a : r.actions()) {
                x.append("          <PendingMaintenanceAction>\n");
                element(x, "Action", a.action());
                element(x, "AutoAppliedAfterDate", a.autoAppliedAfter());
                element(x, "ForcedApplyDate", a.forcedApply());
                element(x, "CurrentApplyDate", a.currentApply());
                element(x, "OptInStatus", a.optInStatus());
                element(x, "Description", a.description());
                x.append("          </PendingMaintenanceAction>\n");
            }
            x.append("        </PendingMaintenanceActionDetails>\n");
            x.append("      </ResourcePendingMaintenanceActions>\n");
        }
        x.append("    </PendingMaintenanceActions>\n");
        if (marker != null) {
            x.append("    <Marker>").append(escape(marker)).append("</Marker>\n");
        }
        x.append("  </DescribePendingMaintenanceActionsResult>\n");
        x.append("  <ResponseMetadata>\n    <RequestId>").append(UUID.randomUUID()).append("</RequestId>\n  </ResponseMetadata>\n");
        x.append("</DescribePendingMaintenanceActionsResponse>\n");
        return x.toString();
    }

    /** The Query protocol's error: throttling is 400 Sender Throttling "Rate exceeded". */
    public static ResponseDefinitionBuilder throttling() {
        return error(400, "Throttling", "Rate exceeded");
    }

    /** What a role without rds:DescribePendingMaintenanceActions gets. */
    public static ResponseDefinitionBuilder accessDenied() {
        return error(403, "AccessDenied", "User: arn:aws:sts::123456789012:assumed-role/shirase-scan/shirase is not "
                + "authorized to perform: rds:DescribePendingMaintenanceActions because no identity-based policy "
                + "allows the rds:DescribePendingMaintenanceActions action");
    }

    public static ResponseDefinitionBuilder error(int status, String code, String message) {
        // RequestId is a child of ErrorResponse here, not of a ResponseMetadata element.
        return xml(status, "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n    <Type>Sender</Type>\n    <Code>" + escape(code) + "</Code>\n"
                + "    <Message>" + escape(message) + "</Message>\n  </Error>\n"
                + "  <RequestId>" + UUID.randomUUID() + "</RequestId>\n"
                + "</ErrorResponse>\n");
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "text/xml")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody(body);
    }

    private static void element(StringBuilder x, String name, Object value) {
        if (value != null) {
            x.append("            <").append(name).append('>').append(escape(value.toString()))
                    .append("</").append(name).append(">\n");
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
