package dev.shirase.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A moto_server on a free loopback port, started on first use and stopped when the test JVM exits. Tests call
 * {@link #reset()} to start from an empty account. A missing moto_server fails the tests that need it: it is a
 * documented test prerequisite, not an optional extra.
 */
public final class MotoServer {
    public static final String REGION = "ap-northeast-1";
    public static final String ACCOUNT = "123456789012";
    private static MotoServer instance;

    private final Process process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static synchronized MotoServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /**
     * A moto of its own, stopped when the JVM ends: for a test that must read what one service holds while another
     * holds models moto cannot list (its data.json fails once an RDS instance was made).
     */
    public static MotoServer separate() {
        MotoServer server = start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Environment variables that point the SDK (and the notifier) at this server with test credentials. */
    public Map<String, String> awsEnvironment() {
        return Map.of(
                "AWS_REGION", REGION,
                "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_ENDPOINT_URL", endpoint.toString());
    }

    /** Forgets every resource, so each test starts from an empty account. */
    public void reset() {
        post("/moto-api/reset");
    }

    /** moto's record of everything it holds, e.g. the emails SES v2 sent. */
    public String data() {
        return get("/moto-api/data.json");
    }

    private static MotoServer start() {
        int port = freePort();
        List<String> command = new ArrayList<>(serverCommand());
        command.addAll(List.of("-H", "127.0.0.1", "-p", String.valueOf(port)));
        Process process;
        Path log;
        try {
            log = Files.createTempFile("moto-server", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // A developer's AWS profile means nothing to moto, and a missing one makes it fail every request.
            builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("moto_server is required for these tests and could not be started ("
                    + String.join(" ", command) + "): install it with pip install 'moto[server]'", e);
        }
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        server.awaitReady(log);
        return server;
    }

    /**
     * moto's server, one request at a time. moto applies a conditional write without a lock, so two concurrent requests
     * could both pass a condition that DynamoDB evaluates atomically for each item; served one at a time, moto keeps
     * DynamoDB's guarantee, which the state table's tests rely on. The Python that runs moto_server from PATH (its
     * shebang), else python3.
     */
    private static List<String> serverCommand() {
        String python = "python3";
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path script = Path.of(dir, "moto_server");
            if (Files.isExecutable(script)) {
                python = interpreter(script).orElse(python);
                break;
            }
        }
        return List.of(python, "-c", """
                import sys
                import moto.server as server
                serve = server.run_simple
                server.run_simple = lambda *args, **kwargs: serve(*args, **{**kwargs, "threaded": False})
                server.main(sys.argv[1:])
                """);
    }

    private static java.util.Optional<String> interpreter(Path script) {
        try (var lines = Files.lines(script)) {
            return lines.findFirst().filter(line -> line.startsWith("#!") && line.contains("python") && !line.contains(" "))
                    .map(line -> line.substring(2).strip());
        } catch (IOException | UncheckedIOException notText) {
            return java.util.Optional.empty();
        }
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server is required for these tests and exited at start-up "
                        + "(install it with pip install 'moto[server]'); its output:\n" + read(log));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        stop();
        throw new IllegalStateException("moto_server did not answer within 60 s; its output:\n" + read(log));
    }

    private void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(String path) {
        send(HttpRequest.newBuilder(endpoint.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(endpoint.resolve(path)).GET().build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
