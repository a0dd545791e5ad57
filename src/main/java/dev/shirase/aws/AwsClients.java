package dev.shirase.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The one place that builds SDK clients, each once, on first use. Region, credentials and HTTP client are set
 * explicitly, so nothing is discovered at run time; {@code AWS_ENDPOINT_URL_<SERVICE>} or {@code AWS_ENDPOINT_URL}
 * points a client at a local emulator (moto) with the same code that talks to AWS.
 */
public final class AwsClients {
    private final Map<String, String> env;
    private final Supplier<Region> region;
    private final Supplier<AwsCredentialsProvider> credentials;
    private final Supplier<SdkHttpClient> http;
    private final Supplier<SnsClient> sns;
    private final Supplier<SesV2Client> ses;
    private final Map<Region, RdsClient> rdsByRegion = new ConcurrentHashMap<>();

    public AwsClients(Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.region = once(this::regionFromEnvironment);
        this.credentials = once(this::credentialsFor);
        this.http = once(() -> UrlConnectionHttpClient.builder().build());
        this.sns = once(() -> configure(SnsClient.builder(), "SNS", region.get()).build());
        this.ses = once(() -> configure(SesV2Client.builder(), "SESV2", region.get()).build());
    }

    public static AwsClients fromEnvironment() {
        return new AwsClients(System.getenv());
    }

    public Region region() {
        return region.get();
    }

    public SnsClient sns() {
        return sns.get();
    }

    public SesV2Client sesV2() {
        return ses.get();
    }

    /** An RDS client for the region given (the scan covers several), built once per region. */
    public RdsClient rds(Region inRegion) {
        return rdsByRegion.computeIfAbsent(inRegion, r -> configure(RdsClient.builder(), "RDS", r).build());
    }

    public RdsClient rds() {
        return rds(region.get());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String serviceId,
            Region clientRegion) {
        builder.region(clientRegion).credentialsProvider(credentials.get()).httpClient(http.get());
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
