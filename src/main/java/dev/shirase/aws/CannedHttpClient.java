package dev.shirase.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client that answers every AWS request itself, with a success shaped as the service's protocol answers: the
 * SDK marshals, signs and unmarshals as it does with AWS, and nothing leaves the process. SnapStart priming runs the
 * notifier's whole path on it before the snapshot, so that the classes are loaded and the code compiled without a
 * network, a credential or a side effect.
 *
 * <p>The answer is the body given for the operation, if any (so that a rehearsal can find something to report), or an
 * empty success: {@code {}} for the JSON protocols, an empty result element for the Query and EC2 protocols.
 */
public final class CannedHttpClient implements SdkHttpClient {
    /** The service a request was signed for, from the credential scope of its SigV4 Authorization header. */
    private static final Pattern SIGNED_SERVICE = Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([^/]+)/aws4_request");
    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([^&]*)");

    private final Map<String, String> bodies;

    /** {@code bodies}: response bodies by operation name ({@code DescribePendingMaintenanceActions}, {@code GetItem}). */
    public CannedHttpClient(Map<String, String> bodies) {
        this.bodies = Map.copyOf(bodies);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        Answer answer = answer(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", answer.contentType())
                                .putHeader("Content-Length", String.valueOf(body.length))
                                .putHeader("x-amzn-RequestId", "primed")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
                // Answered at once: nothing to abort.
            }
        };
    }

    /** The operation, the protocol and so the answer, from what the SDK sent. */
    Answer answer(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        Optional<String> target = http.firstMatchingHeader("X-Amz-Target");
        if (target.isPresent()) {
            // JSON 1.0/1.1 (DynamoDB, Organizations): the operation follows the service's prefix.
            String operation = target.get().substring(target.get().lastIndexOf('.') + 1);
            return new Answer(bodies.getOrDefault(operation, "{}"), "application/x-amz-json-1.0");
        }
        String form = http.firstMatchingHeader("Content-Type").orElse("");
        if (form.startsWith("application/x-www-form-urlencoded")) {
            String operation = action(request);
            String service = signedService(http);
            String body = bodies.get(operation);
            if (body == null) {
                body = service.equals("ec2")
                        ? "<" + operation + "Response><requestId>primed</requestId></" + operation + "Response>"
                        : "<" + operation + "Response><" + operation + "Result/><ResponseMetadata><RequestId>primed"
                                + "</RequestId></ResponseMetadata></" + operation + "Response>";
            }
            return new Answer(body, "text/xml");
        }
        // REST-JSON (SES v2): the operation is in the path, which no rehearsal needs to tell apart.
        return new Answer(bodies.getOrDefault(http.encodedPath(), "{}"), "application/json");
    }

    private static String action(HttpExecuteRequest request) {
        String form = request.contentStreamProvider().map(provider -> {
            try (InputStream in = provider.newStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse("");
        Matcher m = ACTION.matcher(form);
        return m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : "Unknown";
    }

    private static String signedService(SdkHttpRequest http) {
        Matcher m = SIGNED_SERVICE.matcher(http.firstMatchingHeader("Authorization").orElse(""));
        return m.find() ? m.group(1) : "";
    }

    @Override
    public String clientName() {
        return "canned";
    }

    @Override
    public void close() {
        // Holds nothing.
    }

    /** A response body and its content type. */
    record Answer(String body, String contentType) {
    }
}
