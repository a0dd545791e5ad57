package dev.shirase.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * One request through an HTTP client, answered over loopback by a server socket of this process. SnapStart priming
 * rehearses every call on answers made in-process, which leaves the JDK's HTTP and socket code unrun; a cold first
 * request pays about 60 ms for it. This runs it without leaving the machine, and the answer closes the connection, so
 * no socket is left open in the snapshot.
 */
final class LoopbackExchange {
    private static final byte[] ANSWER_BODY = "<PrimeResponse/>".getBytes(StandardCharsets.US_ASCII);

    private LoopbackExchange() {
    }

    /** Sends one POST through {@code http} and reads the answer; throws when it fails or takes longer than {@code timeout}. */
    static void run(SdkHttpClient http, Duration timeout) throws IOException {
        int millis = Math.toIntExact(timeout.toMillis());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(millis);
            Thread answering = Thread.ofPlatform().daemon().name("loopback-answer").start(() -> answerOnce(server, millis));
            byte[] body = "Action=Prime".getBytes(StandardCharsets.US_ASCII);
            SdkHttpRequest request = SdkHttpRequest.builder()
                    .uri(URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                            + server.getLocalPort() + "/"))
                    .method(SdkHttpMethod.POST)
                    .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .putHeader("Content-Length", String.valueOf(body.length))
                    .build();
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(request)
                    .contentStreamProvider(() -> new ByteArrayInputStream(body)).build()).call();
            try (InputStream answer = response.responseBody().orElseThrow(() -> new IOException("no answer body"))) {
                answer.readAllBytes();
            }
            if (response.httpResponse().statusCode() != 200) {
                throw new IOException("loopback answered " + response.httpResponse().statusCode());
            }
            answering.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Reads one request (headers, then as many bytes as its Content-Length says) and answers 200, closing. */
    private static void answerOnce(ServerSocket server, int millis) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(millis);
            InputStream in = socket.getInputStream();
            StringBuilder headers = new StringBuilder();
            while (headers.indexOf("\r\n\r\n") < 0) {
                int next = in.read();
                if (next < 0) {
                    return;
                }
                headers.append((char) next);
            }
            int length = 0;
            for (String line : headers.toString().split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            in.readNBytes(length);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + ANSWER_BODY.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(ANSWER_BODY);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // The request then fails on its side, and says why.
        }
    }
}
