package dev.shirase.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WireMock in front of moto's STS: AssumeRole passes through to moto, which grants any role and signs the requests made
 * with the credentials it returns as the role's account, except for the accounts a test makes refuse or hang. It also
 * tells which account signed a request (by the access key id in its SigV4 Authorization header), so that stubs of the
 * calls moto does not emulate can answer per account ({@link #signedBy}).
 */
public final class StsQueryStub extends QueryApiStub {
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    public static final String ACTION = "AssumeRole";
    /** The account moto gives requests signed with its plain test keys ("testing"). */
    public static final String HOME = MotoServer.ACCOUNT;
    private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([^/,\\s]+)/");
    private static final Pattern ISSUED_KEY = Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>");
    private static final Pattern ROLE_ACCOUNT = Pattern.compile("^arn:[^:]+:iam::(\\d{12}):role/");

    private StsQueryStub(MotoServer moto) {
        super(moto);
    }

    public static StsQueryStub start(MotoServer moto) {
        return new StsQueryStub(moto);
    }

    /** AssumeRole of a role in {@code account}. */
    public static MappingBuilder assumeRoleIn(String account) {
        return call(ACTION).withFormParam("RoleArn", containing(":iam::" + account + ":role/"));
    }

    /** AssumeRole of any role in {@code account} is refused, as it is when the role does not trust the caller. */
    public void denyIn(String account, String caller) {
        server().stubFor(assumeRoleIn(account).willReturn(errorResponse(NAMESPACE, 403, "AccessDenied", "User: "
                + caller + " is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::" + account
                + ":role/ShiraseReader")));
    }

    /** AssumeRole of any role in {@code account} gets no answer for {@code millis}. */
    public void hangIn(String account, int millis) {
        server().stubFor(assumeRoleIn(account).willReturn(aResponse().withFixedDelay(millis)));
    }

    /** The AssumeRole requests received, in order. */
    public List<LoggedRequest> assumeRoleRequests() {
        return requests(ACTION);
    }

    /** A form parameter of a request. */
    public static String form(LoggedRequest request, String name) {
        FormParameter parameter = request.formParameter(name);
        return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
    }

    /**
     * Matches the requests signed by {@code account}: with moto's plain test keys for {@link #HOME}, or with credentials
     * that AssumeRole of a role in {@code account} returned through this stub.
     */
    public ValueMatcher<Request> signedBy(String account) {
        return request -> MatchResult.of(account.equals(accountOf(request).orElse(null)));
    }

    /**
     * The account that signed {@code request}, when it is known. A key just issued may not be in WireMock's journal yet
     * when the first request signed with it arrives: it is looked for again for a moment.
     */
    public Optional<String> accountOf(Request request) {
        String authorization = request.getHeader("Authorization");
        Matcher key = authorization == null ? null : ACCESS_KEY.matcher(authorization);
        if (key == null || !key.find()) {
            return Optional.empty();
        }
        String keyId = key.group(1);
        if (keyId.equals("testing")) {
            return Optional.of(HOME);
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<String> found = issuedFor(keyId);
            if (found.isPresent()) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    private Optional<String> issuedFor(String keyId) {
        for (ServeEvent served : server().getAllServeEvents()) {
            LoggedRequest assumed = served.getRequest();
            if (!ACTION.equals(form(assumed, "Action")) || served.getResponse() == null) {
                continue;
            }
            Matcher issued = ISSUED_KEY.matcher(served.getResponse().getBodyAsString());
            Matcher role = ROLE_ACCOUNT.matcher(String.valueOf(form(assumed, "RoleArn")));
            if (issued.find() && issued.group(1).equals(keyId) && role.find()) {
                return Optional.of(role.group(1));
            }
        }
        return Optional.empty();
    }
}
