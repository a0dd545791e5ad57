package dev.shirase.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The SDK's URLConnection client, without making every start pay for TLS before it is needed. That client sets up its
 * TLS context when it is built (JSSE and the JDK's trust store: about a quarter of a cold {@code shirase invoke}); here it
 * is built on a thread of its own, started at once when the endpoints are AWS's (https) so that it overlaps the SDK's
 * own start-up, and waited for by the first https request only. Plain http requests, which only a local emulator such
 * as moto answers, go through a client without TLS and without a proxy, with the same timeouts.
 */
final class DeferredTlsHttpClient implements SdkHttpClient {
    private final SdkHttpClient plain;
    private final FutureTask<SdkHttpClient> tls;

    /**
     * @param startTlsNow whether to set TLS up at once (the endpoints are https) rather than on the first https request
     */
    DeferredTlsHttpClient(Duration connectTimeout, Duration readTimeout, boolean startTlsNow) {
        this.plain = UrlConnectionHttpClient.create(uri -> {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
                connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
                return connection;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        this.tls = new FutureTask<>(() -> UrlConnectionHttpClient.builder()
                .connectionTimeout(connectTimeout)
                .socketTimeout(readTimeout)
                .build());
        if (startTlsNow) {
            Thread.ofPlatform().daemon().name("tls-setup").start(tls);
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        boolean https = "https".equalsIgnoreCase(request.httpRequest().protocol());
        return (https ? tlsClient() : plain).prepareRequest(request);
    }

    /** The https client, set up now if nothing has started setting it up, else when its set-up ends. */
    SdkHttpClient tlsClient() {
        tls.run(); // does nothing when the set-up has already started or ended
        try {
            return tls.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("TLS could not be set up: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLS was being set up", e);
        }
    }

    /** Whether TLS is set up (or its set-up failed). */
    boolean tlsReady() {
        return tls.isDone();
    }

    @Override
    public String clientName() {
        return "UrlConnection";
    }

    @Override
    public void close() {
        // Neither client holds anything: the JDK's keep-alive cache holds the connections.
    }
}
