package dev.shirase.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/** The loopback request SnapStart priming sends through the real HTTP client. */
class LoopbackExchangeTest {

    /** The real client, recording what it was asked to send. */
    private static final class Recording implements SdkHttpClient {
        final DeferredTlsHttpClient real = new DeferredTlsHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(2), false);
        final List<String> sent = new ArrayList<>();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            sent.add(request.httpRequest().method() + " " + request.httpRequest().getUri());
            return real.prepareRequest(request);
        }

        @Override
        public String clientName() {
            return "recording";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void oneRequestGoesOverLoopbackAndIsAnsweredWithoutTls() throws IOException {
        Recording http = new Recording();

        LoopbackExchange.run(http, Duration.ofSeconds(2));

        assertThat(http.sent).singleElement().asString().matches("POST http://127\\.0\\.0\\.1:\\d+/");
        assertThat(http.real.tlsReady()).isFalse();
    }

    @Test
    void aClientThatCannotSendSaysSo() {
        SdkHttpClient broken = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                throw new IllegalStateException("no sockets here");
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> LoopbackExchange.run(broken, Duration.ofSeconds(1))).hasMessageContaining("no sockets");
    }
}
