package dev.shirase.aws;

import dev.shirase.budget.Budget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The one place that builds SDK clients, each once, on first use. Region, credentials and HTTP client are set
 * explicitly, so nothing is discovered at run time; {@code AWS_ENDPOINT_URL_<SERVICE>} or {@code AWS_ENDPOINT_URL}
 * points a client at a local emulator (moto) with the same code that talks to AWS.
 *
 * <p>Every client has explicit timeouts, so no call can outlast the invocation: connecting, reading, each attempt and
 * the whole call are bounded here, and each request made for an invocation is bounded by its {@link Budget} through
 * {@link #within(Budget)}. Reads retry adaptively (throttling slows the client down); sends retry only when the
 * request certainly did not reach the service, so a notice is never published twice by a retry.
 *
 * <p>Member accounts are read through a role there ({@link #asRole}): clients of their own, per account and region,
 * that share the HTTP client and sign with the role's credentials.
 */
public final class AwsClients {
    /** Establishing a TCP connection to an AWS endpoint takes milliseconds; more means the network is broken. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Waiting for the next bytes of an answer. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** One attempt of a call, retries excluded. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Waiting for a model's answer: Converse sends nothing until the model has written the whole translation, which can
     * take longer than {@link #READ_TIMEOUT}. The call's budget still bounds it.
     */
    public static final Duration MODEL_READ_TIMEOUT = Duration.ofSeconds(60);
    /** A whole call with its retries, when no budget is given (the command line); invocations pass tighter ones. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Attempts of a read (Describe*, ReceiveMessage): throttling is retried until the budget says stop. */
    static final int READ_ATTEMPTS = 6;
    /** Attempts of a translation request (TranslateText, Converse): the notice waits for it. */
    static final int TRANSLATION_ATTEMPTS = 3;
    /** Attempts of a send (Publish, SendEmail), retried only when the request never reached the service. */
    static final int SEND_ATTEMPTS = 3;

    private final Map<String, String> env;
    private final Supplier<Region> region;
    private final Supplier<AwsCredentialsProvider> credentials;
    /** The function's own credentials, which a restore from a snapshot renews; null for a role's clients. */
    private final RenewableCredentials own;
    /** The role these clients act as, or null for the function's own credentials. */
    private final AssumedRole role;
    private final Supplier<SdkHttpClient> http;
    /** The HTTP client of calls that wait for a model ({@link #MODEL_READ_TIMEOUT}). */
    private final Supplier<SdkHttpClient> modelHttp;
    private final Supplier<StsClient> sts;
    private final Map<String, AwsClients> byRole;
    private final Supplier<SesV2Client> ses;
    private final Supplier<SqsClient> sqs;
    private final Supplier<DynamoDbClient> dynamoDb;
    private final Supplier<OrganizationsClient> organizations;
    private final Supplier<TranslateClient> translate;
    private final Supplier<BedrockRuntimeClient> bedrockRuntime;
    private final Map<Region, SnsClient> snsByRegion = new ConcurrentHashMap<>();
    private final Map<Region, RdsClient> rdsByRegion = new ConcurrentHashMap<>();
    private final Map<Region, Ec2Client> ec2ByRegion = new ConcurrentHashMap<>();
    /** How to build again each client these clients built: SnapStart priming builds the real ones like a rehearsal's. */
    private final Map<String, Consumer<AwsClients>> built = new ConcurrentHashMap<>();

    public AwsClients(Map<String, String> env) {
        this(Map.copyOf(env), null, null, null);
    }

    /**
     * Clients configured as {@code env} says whose every request {@code http} answers, signed with made-up keys: a
     * rehearsal of the real clients that reaches no network and uses no real credentials (SnapStart priming).
     */
    public static AwsClients answeredBy(SdkHttpClient http, Map<String, String> env) {
        return new AwsClients(Map.copyOf(env), null, null, http);
    }

    /**
     * The function's own clients when {@code own} is null (over {@code answering} when it is not null); else clients of
     * {@code role}, sharing what {@code own} built.
     */
    private AwsClients(Map<String, String> env, AwsClients own, AssumedRole role, SdkHttpClient answering) {
        this.env = env;
        this.role = role;
        if (own == null) {
            this.region = once(this::regionFromEnvironment);
            this.own = new RenewableCredentials(answering == null ? this::credentialsFor
                    : () -> StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAPRIMING", "priming")));
            this.credentials = () -> this.own;
            this.http = answering != null ? () -> answering : once(() -> new DeferredTlsHttpClient(CONNECT_TIMEOUT,
                    READ_TIMEOUT, !env.getOrDefault("AWS_ENDPOINT_URL", "https:").startsWith("http:")));
            this.modelHttp = answering != null ? () -> answering : once(() -> new DeferredTlsHttpClient(CONNECT_TIMEOUT,
                    MODEL_READ_TIMEOUT, false));
            // The region's own STS endpoint (the SDK's default outside aws-global), with the function's credentials.
            this.sts = once(() -> configure(StsClient.builder(), "STS", region.get(), readRetries()).build());
            this.byRole = new ConcurrentHashMap<>();
        } else {
            this.region = own.region;
            this.own = null;
            this.credentials = () -> role;
            this.http = own.http;
            this.modelHttp = own.modelHttp;
            this.sts = own.sts;
            this.byRole = own.byRole;
        }
        this.ses = once(() -> configure(SesV2Client.builder(), "SESV2", region.get(), sendRetries()).build());
        this.sqs = once(() -> configure(SqsClient.builder(), "SQS", region.get(), readRetries()).build());
        // Conditional writes are safe to retry: a repeated write that already happened fails its condition.
        this.dynamoDb = once(() -> configure(DynamoDbClient.builder(), "DYNAMODB", region.get(), readRetries()).build());
        // A global service: the SDK sends every commercial region's call to its us-east-1 endpoint.
        this.organizations = once(() -> configure(OrganizationsClient.builder(), "ORGANIZATIONS", region.get(),
                readRetries()).build());
        this.translate = once(() -> configure(TranslateClient.builder(), "TRANSLATE", region.get(),
                translationRetries()).build());
        this.bedrockRuntime = once(() -> configure(BedrockRuntimeClient.builder(), "BEDROCK_RUNTIME", region.get(),
                translationRetries()).httpClient(modelHttp.get()).build());
    }

    /**
     * Clients that act as the role {@code roleArn} (a member account's reader role), assumed with the function's own
     * credentials as session {@code sessionName}; built once per role, each of its clients once per region.
     */
    public AwsClients asRole(String roleArn, String sessionName) {
        built.putIfAbsent("sts", clients -> clients.sts.get());
        return byRole.computeIfAbsent(roleArn + " " + sessionName, key -> new AwsClients(env, this,
                new AssumedRole(sts, roleArn, sessionName, Clock.systemUTC()), null));
    }

    /**
     * Builds every client of the function's own that {@code rehearsal} built (the same service in the same region), so
     * that under SnapStart their cost is paid before the snapshot rather than in the first invocation, and sets TLS up
     * for them (the rehearsal needed none). A member account's clients are left to be built when used: they need that
     * account's credentials.
     */
    public void buildClientsUsedBy(AwsClients rehearsal) {
        rehearsal.built.values().forEach(build -> build.accept(this));
        if (!rehearsal.built.isEmpty() && http.get() instanceof DeferredTlsHttpClient deferred) {
            deferred.tlsClient();
        }
        if (rehearsal.built.containsKey("bedrock-runtime") && modelHttp.get() instanceof DeferredTlsHttpClient deferred) {
            deferred.tlsClient();
        }
    }

    /**
     * Builds a client ({@code build} asks for it) on a thread of its own, so that its start-up (a few hundred
     * milliseconds on a cold JVM) overlaps what this thread does meanwhile; the one who asks for it then waits only for
     * what is left. A failure (no region, say) is left for that first real use to meet and report.
     */
    public void buildAhead(Consumer<AwsClients> build) {
        Thread.ofPlatform().daemon().name("client-build").start(() -> {
            try {
                build.accept(this);
            } catch (RuntimeException leftForTheFirstUse) {
                // The same failure reaches the caller when it uses the client.
            }
        });
    }

    /**
     * Runs one request through the real HTTP client, answered over loopback by this process (SnapStart priming: the
     * rehearsal's answers come from within the SDK, so the JDK's HTTP code would otherwise first run after the restore).
     */
    public void rehearseHttp() throws IOException {
        LoopbackExchange.run(http.get(), Duration.ofSeconds(2));
    }

    /** Whether the HTTP client has set TLS up. */
    boolean tlsReady() {
        return http.get() instanceof DeferredTlsHttpClient deferred && deferred.tlsReady();
    }

    /** The services (and regions) of the clients built so far, e.g. {@code sns ap-northeast-1}. */
    public Set<String> builtClients() {
        return new TreeSet<>(built.keySet());
    }

    /**
     * After a restore from a snapshot, nothing taken before it is used again: the function's own credentials are
     * fetched anew (Lambda gives each restored environment its own), and member accounts' role sessions are taken
     * again. The HTTP client keeps no connections of its own (the JDK's keep-alive cache holds those, and the one
     * loopback connection priming opens is closed by its answer); region and endpoints stay.
     */
    public void renewAfterRestore() {
        if (own != null) {
            own.renew();
        }
        byRole.clear();
    }

    /** The ARN of the role {@code roleName} in {@code account}, in the partition of the function's region. */
    public String roleArn(String account, String roleName) {
        return "arn:" + partition(region()) + ":iam::" + account + ":role/" + roleName;
    }

    static String partition(Region in) {
        RegionMetadata metadata = in.metadata();
        return metadata == null ? PartitionMetadata.of(in).id() : metadata.partition().id();
    }

    /**
     * Has the credentials of these clients at hand within {@code budget}: a role's are taken (AssumeRole) when none are
     * held that stay good for the next minutes; the function's own need nothing. Call it before the calls of a unit of
     * work, so that assuming the role is bounded by that work's budget and its failure told apart from the calls'.
     *
     * @throws AssumedRole.RoleNotAssumedException when the role could not be assumed
     */
    public void credentialsWithin(Budget budget) {
        if (role != null) {
            role.within(budget);
        }
    }

    public static AwsClients fromEnvironment() {
        return new AwsClients(System.getenv());
    }

    public Region region() {
        return region.get();
    }

    public SnsClient sns() {
        return sns(region.get());
    }

    /** SNS in the region given, built once per region: a topic takes Publish only in its own region. */
    public SnsClient sns(Region inRegion) {
        built.putIfAbsent("sns " + inRegion, clients -> clients.sns(inRegion));
        return snsByRegion.computeIfAbsent(inRegion, r -> configure(SnsClient.builder(), "SNS", r, sendRetries()).build());
    }

    public SesV2Client sesV2() {
        built.putIfAbsent("sesv2", AwsClients::sesV2);
        return ses.get();
    }

    /** SQS, for reading the failure queue back ({@code shirase replay}). */
    public SqsClient sqs() {
        built.putIfAbsent("sqs", AwsClients::sqs);
        return sqs.get();
    }

    /** An RDS client for the region given (the scan covers several), built once per region. */
    public RdsClient rds(Region inRegion) {
        built.putIfAbsent("rds " + inRegion, clients -> clients.rds(inRegion));
        return rdsByRegion.computeIfAbsent(inRegion, r -> configure(RdsClient.builder(), "RDS", r, readRetries()).build());
    }

    public RdsClient rds() {
        return rds(region.get());
    }

    /** EC2, for the scan's check of scheduled instance events in the region given, built once per region. */
    public Ec2Client ec2(Region inRegion) {
        built.putIfAbsent("ec2 " + inRegion, clients -> clients.ec2(inRegion));
        return ec2ByRegion.computeIfAbsent(inRegion, r -> configure(Ec2Client.builder(), "EC2", r, readRetries()).build());
    }

    /** DynamoDB, for the state table ({@code SHIRASE_STATE_TABLE}). */
    public DynamoDbClient dynamoDb() {
        built.putIfAbsent("dynamodb", AwsClients::dynamoDb);
        return dynamoDb.get();
    }

    /** AWS Organizations, for account names and the OUs that hold an account (organization mode). */
    public OrganizationsClient organizations() {
        built.putIfAbsent("organizations", AwsClients::organizations);
        return organizations.get();
    }

    /** Amazon Translate, for the notice's optional Japanese translation ({@code SHIRASE_TRANSLATION}). */
    public TranslateClient translate() {
        built.putIfAbsent("translate", AwsClients::translate);
        return translate.get();
    }

    /** Amazon Bedrock's runtime (Converse), for the notice's optional Japanese translation by a model. */
    public BedrockRuntimeClient bedrockRuntime() {
        built.putIfAbsent("bedrock-runtime", AwsClients::bedrockRuntime);
        return bedrockRuntime.get();
    }

    /**
     * Bounds one request by {@code budget}: the call with its retries ends when the budget does. Fails at once with
     * {@link BudgetSpentException} when nothing is left, rather than making a call that is bound to time out.
     */
    public static Consumer<AwsRequestOverrideConfiguration.Builder> within(Budget budget) {
        Duration left = leftFor(budget);
        Duration attempt = left.compareTo(ATTEMPT_TIMEOUT) < 0 ? left : ATTEMPT_TIMEOUT;
        return o -> o.apiCallTimeout(left).apiCallAttemptTimeout(attempt);
    }

    /**
     * As {@link #within(Budget)}, with one attempt allowed the whole budget: for a call whose answer takes long to come
     * (a model writing a translation), where a shorter attempt would only be cut off and paid for again.
     */
    public static Consumer<AwsRequestOverrideConfiguration.Builder> withinWhole(Budget budget) {
        Duration left = leftFor(budget);
        return o -> o.apiCallTimeout(left).apiCallAttemptTimeout(left);
    }

    /** What is left of {@code budget} for a call; none is made when that is under a millisecond. */
    private static Duration leftFor(Budget budget) {
        Duration left = budget.remaining();
        if (left.toMillis() < 1) {
            throw new BudgetSpentException("no time left in the invocation's budget for this call");
        }
        return left;
    }

    /** Thrown instead of a call when the budget is spent. */
    public static final class BudgetSpentException extends RuntimeException {
        public BudgetSpentException(String message) {
            super(message);
        }
    }

    /**
     * Reads are idempotent: the SDK's adaptive strategy (its retryable errors, client-side rate limiting), with short
     * backoffs. Under steady throttling the six attempts take about 12 s (the rate limiter spaces them out), well
     * inside a scan region's share; a shorter budget ends the call first.
     */
    static RetryStrategy readRetries() {
        return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(READ_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(250), Duration.ofSeconds(3)))
                .build();
    }

    /**
     * Translations are optional and the notice waits for them: a throttled or failing service is given up on after a
     * second of retries, so that the notice is not held for the whole of the translation's share.
     */
    static RetryStrategy translationRetries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(TRANSLATION_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofMillis(500)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofMillis(800)))
                .build();
    }

    /**
     * A send is retried only when AWS certainly did not act on it: throttling (the service refused it) or a connection
     * that was never made. A timeout, a reset or a 5xx may come after the message went out, so it is not retried: a
     * channel that failed is reported, a channel that published is never published to twice.
     */
    static RetryStrategy sendRetries() {
        return DefaultRetryStrategy.adaptiveStrategyBuilder()
                .maxAttempts(SEND_ATTEMPTS)
                .retryOnException(AwsClients::certainlyNotSent)
                .treatAsThrottling(AwsClients::isThrottling)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500), Duration.ofSeconds(5)))
                .useClientDefaults(false)
                .build();
    }

    static boolean certainlyNotSent(Throwable t) {
        return isThrottling(t) || neverConnected(t);
    }

    private static boolean isThrottling(Throwable t) {
        return t instanceof SdkException e && RetryUtils.isThrottlingException(e);
    }

    /**
     * The call ran out of time: its budget was spent before it was made, the SDK's call or attempt timeout ended it, or
     * the answer stopped coming.
     */
    public static boolean timedOut(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BudgetSpentException || c instanceof ApiCallTimeoutException
                    || c instanceof ApiCallAttemptTimeoutException || c instanceof SocketTimeoutException) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /**
     * AWS's error code and message, without the SDK's suffix (service, status code, request id); the exception's own
     * message when AWS gave no code.
     */
    public static String errorWords(Throwable failure) {
        if (failure instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorCode() != null) {
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** Refused, unresolvable or unreachable: the request never left this machine. */
    static boolean neverConnected(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException) {
                return true;
            }
            // HttpURLConnection reports a connect timeout as a SocketTimeoutException too; only its message tells.
            if (c instanceof SocketTimeoutException && String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT)
                    .contains("connect timed out")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String serviceId,
            Region clientRegion, RetryStrategy retries) {
        builder.region(clientRegion).credentialsProvider(credentials.get()).httpClient(http.get())
                .overrideConfiguration(o -> o.retryStrategy(retries)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT));
        String endpoint = endpointFor(serviceId);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    /** The SDK's own variables: the service-specific one first, then the global one. */
    String endpointFor(String serviceId) {
        String specific = env.get("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT));
        if (specific != null && !specific.isBlank()) {
            return specific;
        }
        String global = env.get("AWS_ENDPOINT_URL");
        return global == null || global.isBlank() ? null : global;
    }

    private Region regionFromEnvironment() {
        String name = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set: set it to the region the notifier runs in");
        }
        return Region.of(name);
    }

    /**
     * Keys in the environment (Lambda without SnapStart, tests, a shell with exported keys) are used as they are.
     * Lambda with SnapStart passes no keys but a container credentials endpoint, so keys taken from the snapshot
     * never go stale. Anywhere else (a developer's machine), the SDK's usual chain: profiles, SSO ...
     */
    private AwsCredentialsProvider credentialsFor() {
        String keyId = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (keyId != null && secret != null) {
            String token = env.get("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(keyId, secret)
                    : AwsSessionCredentials.create(keyId, secret, token));
        }
        if (env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return ContainerCredentialsProvider.builder().build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * One provider for every client, behind which the provider that fetches the credentials can be replaced: the
     * clients keep this one, and a renewed one caches nothing from before.
     */
    private static final class RenewableCredentials implements AwsCredentialsProvider {
        private final Supplier<AwsCredentialsProvider> factory;
        private AwsCredentialsProvider current;

        RenewableCredentials(Supplier<AwsCredentialsProvider> factory) {
            this.factory = factory;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return current().resolveCredentials();
        }

        private synchronized AwsCredentialsProvider current() {
            if (current == null) {
                current = factory.get();
            }
            return current;
        }

        synchronized void renew() {
            if (current instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
            current = null;
        }
    }

    private static <T> Supplier<T> once(Supplier<T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }
}
