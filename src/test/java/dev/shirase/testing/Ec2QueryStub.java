package dev.shirase.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.shirase.ec2.ScheduledEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * WireMock speaking EC2's DescribeInstanceStatus as the real EC2 Query API does: lowercase elements, lists as
 * {@code <item>}s of a {@code ...Set}, errors as {@code <Response><Errors><Error>}, and {@code InstanceId.N} form
 * parameters in the request.
 */
public final class Ec2QueryStub extends QueryApiStub {
    public static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    public static final String ACTION = "DescribeInstanceStatus";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern INSTANCE_ID_PARAM = Pattern.compile("InstanceId\\.(\\d+)");

    private Ec2QueryStub() {
        super(null);
    }

    /** Nothing passes through: a call no stub takes gets WireMock's 404, and the test sees it. */
    public static Ec2QueryStub start() {
        return new Ec2QueryStub();
    }

    // ---- request matching ---------------------------------------------------------------------------------------

    public static MappingBuilder describeStatus() {
        return call(ACTION);
    }

    /** The calls that ask for {@code instanceId} (as one of their {@code InstanceId.N}). */
    public static MappingBuilder asking(MappingBuilder call, String instanceId) {
        return call.withRequestBody(matching("(.*&)?InstanceId\\.\\d+=" + Pattern.quote(instanceId) + "(&.*)?"));
    }

    public List<LoggedRequest> statusRequests() {
        return requests(ACTION);
    }

    /** The form parameters of a request, decoded. */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    /** The instance ids a request asked for, in their {@code InstanceId.N} order. */
    public static List<String> askedIds(LoggedRequest request) {
        Map<Integer, String> byIndex = new TreeMap<>();
        form(request).forEach((name, value) -> {
            var m = INSTANCE_ID_PARAM.matcher(name);
            if (m.matches()) {
                byIndex.put(Integer.parseInt(m.group(1)), value);
            }
        });
        return List.copyOf(byIndex.values());
    }

    // ---- responses ----------------------------------------------------------------------------------------------

    /** An instance as DescribeInstanceStatus lists it: its state and its events. */
    public record Instance(String id, String state, List<ScheduledEvent> events) {
        public static Instance of(String id, String state, ScheduledEvent... events) {
            return new Instance(id, state, Arrays.asList(events));
        }
    }

    /** A 200 answer with one page; {@code nextToken} null on the last. */
    public static ResponseDefinitionBuilder page(String nextToken, Instance... instances) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<DescribeInstanceStatusResponse xmlns=\"").append(NAMESPACE).append("\">\n");
        x.append("    <requestId>").append(UUID.randomUUID()).append("</requestId>\n");
        x.append("    <instanceStatusSet>\n");
        for (Instance i : instances) {
            x.append("        <item>\n");
            x.append("            <instanceId>").append(escape(i.id())).append("</instanceId>\n");
            x.append("            <availabilityZone>ap-northeast-1a</availabilityZone>\n");
            if (!i.events().isEmpty()) {
                x.append("            <eventsSet>\n");
                for (ScheduledEvent e : i.events()) {
                    x.append("                <item>\n");
                    element(x, "instanceEventId", e.instanceEventId());
                    element(x, "code", e.code());
                    element(x, "description", e.description());
                    element(x, "notBefore", e.notBefore());
                    element(x, "notAfter", e.notAfter());
                    element(x, "notBeforeDeadline", e.notBeforeDeadline());
                    x.append("                </item>\n");
                }
                x.append("            </eventsSet>\n");
            }
            x.append("            <instanceState>\n                <code>").append(stateCode(i.state()))
                    .append("</code>\n                <name>").append(escape(i.state())).append("</name>\n");
            x.append("            </instanceState>\n");
            String status = i.state().equals("running") ? "ok" : "not-applicable";
            x.append("            <systemStatus><status>").append(status).append("</status></systemStatus>\n");
            x.append("            <instanceStatus><status>").append(status).append("</status></instanceStatus>\n");
            x.append("        </item>\n");
        }
        x.append("    </instanceStatusSet>\n");
        if (nextToken != null) {
            x.append("    <nextToken>").append(escape(nextToken)).append("</nextToken>\n");
        }
        x.append("</DescribeInstanceStatusResponse>\n");
        return xml(200, x.toString());
    }

    /** EC2's answer when any id asked is unknown, worded as EC2 words it for one id and for several. */
    public static ResponseDefinitionBuilder notFound(String... ids) {
        return error(400, "InvalidInstanceID.NotFound", ids.length == 1
                ? "The instance ID '" + ids[0] + "' does not exist"
                : "The instance IDs '" + String.join(", ", ids) + "' do not exist");
    }

    /** EC2's answer to an id that is not an instance id. */
    public static ResponseDefinitionBuilder malformed(String id) {
        return error(400, "InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\"");
    }

    /** EC2 throttles with 503 RequestLimitExceeded (not RDS's 400 Throttling). */
    public static ResponseDefinitionBuilder throttling() {
        return error(503, "RequestLimitExceeded", "Request limit exceeded.");
    }

    /** What a role without ec2:DescribeInstanceStatus gets. */
    public static ResponseDefinitionBuilder unauthorized() {
        return error(403, "UnauthorizedOperation", "You are not authorized to perform this operation. User: "
                + "arn:aws:sts::123456789012:assumed-role/shirase-scan/shirase is not authorized to perform: "
                + "ec2:DescribeInstanceStatus because no identity-based policy allows the ec2:DescribeInstanceStatus action");
    }

    /** EC2's error shape: Response/Errors/Error, and RequestID (so spelt) beside Errors. */
    public static ResponseDefinitionBuilder error(int status, String code, String message) {
        return xml(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Response><Errors><Error><Code>" + escape(code) + "</Code><Message>" + escape(message)
                + "</Message></Error></Errors><RequestID>" + UUID.randomUUID() + "</RequestID></Response>\n");
    }

    private static int stateCode(String state) {
        return switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            case "stopped" -> 80;
            default -> throw new IllegalArgumentException("not an instance state: " + state);
        };
    }

    private static void element(StringBuilder x, String name, Object value) {
        element(x, 20, name, value == null ? null : value instanceof Instant at ? TIMESTAMP.format(at) : value.toString());
    }
}
