package dev.shirase.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** The HTTP client every SDK client uses, against a local server on http and on https (with its own certificate). */
class DeferredTlsHttpClientTest {
    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .dynamicHttpsPort());

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(get("/").willReturn(aResponse().withStatus(200).withBody("answered")));
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static HttpExecuteResponse execute(DeferredTlsHttpClient client, String url) throws IOException {
        SdkHttpRequest request = SdkHttpRequest.builder().uri(URI.create(url)).method(SdkHttpMethod.GET).build();
        return client.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call();
    }

    @Test
    void plainHttpIsAnsweredWithoutSettingTlsUp() throws IOException {
        DeferredTlsHttpClient client = new DeferredTlsHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(2), false);

        HttpExecuteResponse response = execute(client, "http://127.0.0.1:" + server.port() + "/");

        assertThat(response.httpResponse().statusCode()).isEqualTo(200);
        assertThat(new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("answered");
        assertThat(client.tlsReady()).isFalse();
    }

    @Test
    void plainHttpKeepsTheReadTimeout() {
        DeferredTlsHttpClient client = new DeferredTlsHttpClient(Duration.ofSeconds(2), Duration.ofMillis(300), false);
        long started = System.nanoTime();

        assertThatThrownBy(() -> execute(client, "http://127.0.0.1:" + server.port() + "/slow")).isInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void httpsSetsTlsUpOnFirstUseAndStillVerifiesTheCertificate() {
        DeferredTlsHttpClient client = new DeferredTlsHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(2), false);

        // WireMock's certificate is its own, trusted by no one: the handshake must fail.
        assertThatThrownBy(() -> execute(client, "https://127.0.0.1:" + server.httpsPort() + "/"))
                .isInstanceOf(SSLException.class);
        assertThat(client.tlsReady()).isTrue();
    }

    @Test
    void whenAskedTlsIsSetUpAtOnceWithoutARequest() throws InterruptedException {
        DeferredTlsHttpClient client = new DeferredTlsHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(2), true);

        for (int i = 0; i < 200 && !client.tlsReady(); i++) {
            Thread.sleep(50);
        }
        assertThat(client.tlsReady()).isTrue();
        assertThat(client.tlsClient().clientName()).isEqualTo("UrlConnection");
    }
}
