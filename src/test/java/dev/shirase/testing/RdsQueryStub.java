package dev.shirase.testing;

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
 * DescribeDBClusters) through to moto. Stubs added with {@link #call} win over the pass-through.
 */
public final class RdsQueryStub extends QueryApiStub {
    public static final String NAMESPACE = "http://rds.amazonaws.com/doc/2014-10-31/";
    public static final String ACTION = "DescribePendingMaintenanceActions";

    private RdsQueryStub(MotoServer moto) {
        super(moto);
    }

    /** Starts WireMock on a free loopback port, passing every request no stub takes to moto. */
    public static RdsQueryStub start(MotoServer moto) {
        return new RdsQueryStub(moto);
    }

    // ---- request matching ---------------------------------------------------------------------------------------

    /** A DescribePendingMaintenanceActions call, as the Query protocol sends it (form-encoded POST to /). */
    public static MappingBuilder describePending() {
        return call(ACTION);
    }

    /** Matches the requests signed for {@code region}. */
    public static MappingBuilder inRegion(MappingBuilder call, String region) {
        return inRegion(call, "rds", region);
    }

    /** For verification: DescribePendingMaintenanceActions requests. */
    public static RequestPatternBuilder describePendingRequested() {
        return requested(ACTION);
    }

    /** The DescribePendingMaintenanceActions requests WireMock received, in order. */
    public List<LoggedRequest> pendingRequests() {
        return requests(ACTION);
    }

    /** Answers every DescribePendingMaintenanceActions call with one page (no Marker) of these resources. */
    public void pendingActions(Resource... resources) {
        server().stubFor(describePending().willReturn(page(null, resources)));
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
        return errorResponse(NAMESPACE, status, code, message);
    }

    private static void element(StringBuilder x, String name, Object value) {
        element(x, 12, name, value == null ? null : value.toString());
    }
}
