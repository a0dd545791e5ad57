package dev.shirase.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command line ({@code dev.shirase.handler.Cli}) in a JVM of its own, as {@code ./shirase} or Lambda starts one:
 * what it prints at start-up (on standard error above all) is only seen there.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    public record Run(int status, String stdout, String stderr) {
    }

    /**
     * Runs the CLI with {@code args} on {@code classpath}, in the project folder, with this JVM's environment less its
     * {@code AWS_} and {@code SHIRASE_} variables, plus {@code env}.
     */
    public static Run cli(String classpath, Map<String, String> env, String... args) throws Exception {
        return run(List.of("-cp", classpath, "dev.shirase.handler.Cli"), env, args);
    }

    /** The same with {@code java -jar jar}, as {@code ./shirase} runs the CLI. */
    public static Run jar(Path jar, Map<String, String> env, String... args) throws Exception {
        return run(List.of("-jar", jar.toString()), env, args);
    }

    /**
     * The jar the build packages (target/shirase.jar, shrunk), for the tests that run after {@code package}; they fail
     * without it rather than test something else.
     */
    public static Path packagedJar() {
        return packaged("shirase.jar");
    }

    /** The shaded jar before it is shrunk (target/shirase-unshrunk.jar): what ProGuard was given. */
    public static Path unshrunkJar() {
        return packaged("shirase-unshrunk.jar");
    }

    private static Path packaged(String name) {
        Path jar = Path.of("target", name).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the tests of the packaged jar run after mvn package"
                    + " (failsafe, in verify)");
        }
        return jar;
    }

    private static Run run(List<String> launch, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(launch);
        command.addAll(List.of(args));
        return process(command, env, Duration.ofMinutes(2));
    }

    /**
     * Runs {@code command} in the project folder with this JVM's environment less its {@code AWS_} and {@code SHIRASE_}
     * variables, plus {@code env}, no input, and fails when it does not finish within {@code timeout}.
     */
    public static Run process(List<String> command, Map<String, String> env, Duration timeout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("SHIRASE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + timeout.toMinutes() + " minutes");
        }
        return new Run(process.exitValue(), stdout.get(1, TimeUnit.MINUTES), stderr.get(1, TimeUnit.MINUTES));
    }

    /**
     * Settings that make the notifier build an SNS client and publish to a loopback port where nothing listens: the
     * SDK starts up (and logs, if it logs) and the publish fails at once with "connection refused".
     */
    public static Map<String, String> snsNowhere() throws IOException {
        return Map.of("AWS_REGION", "ap-northeast-1", "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_ENDPOINT_URL", nowhere(), "SHIRASE_TOPIC_ARN", "arn:aws:sns:ap-northeast-1:123456789012:shirase");
    }

    /** An endpoint on a loopback port where nothing listens: a call to it fails at once, and reaches no one. */
    public static String nowhere() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
