package dev.shirase.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** WireMock started on a free loopback port in place of an AWS endpoint: what every stub of an AWS API shares. */
public abstract class LoopbackStub implements AutoCloseable {
    private final WireMockServer server;

    protected LoopbackStub() {
        this(options());
    }

    /** @param options WireMock's, with what a stub adds (its extensions); the address and port are set here */
    protected LoopbackStub(WireMockConfiguration options) {
        this.server = new WireMockServer(options.bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    /** The URL to give the SDK as {@code AWS_ENDPOINT_URL_<SERVICE>}. */
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
}
