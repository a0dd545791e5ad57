package dev.shirase.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * WireMock on a free loopback port, started, for the SDK to be pointed at in place of an AWS endpoint. Subclasses speak
 * one protocol family: {@link QueryApiStub} (RDS, EC2, STS), {@link BedrockRuntimeStub} (REST-JSON), {@link TranslateJsonStub}
 * (JSON 1.1).
 */
public abstract class AwsApiStub implements AutoCloseable {
    private final WireMockServer server;

    protected AwsApiStub() {
        this(options());
    }

    /** @param options WireMock's, with what a stub adds (its extensions); the address and port are set here */
    protected AwsApiStub(WireMockConfiguration options) {
        this.server = new WireMockServer(options.bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    /** Forgets every stub and recorded request. */
    public void reset() {
        server.resetAll();
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
