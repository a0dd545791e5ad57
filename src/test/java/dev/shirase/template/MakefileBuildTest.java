package dev.shirase.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import dev.shirase.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code sam build} does with the functions' {@code BuildMethod: makefile}: it copies the project to a scratch
 * folder and runs {@code make --makefile <project>/Makefile build-<function>} there with {@code ARTIFACTS_DIR} set
 * (aws-lambda-builders' custom_make workflow). Here the default java and JAVA_HOME are a JDK 17, and the package must
 * still be built, with a JDK 21+ found elsewhere, and be what Lambda's Java runtime loads.
 */
class MakefileBuildTest {
    private static final List<String> FUNCTIONS = List.of("NotifyFunction", "ScanFunction");
    /** What sam build copies: the whole folder but .git and .aws-sam; target/ is left out here to keep it small. */
    private static final List<String> PROJECT_FILES = List.of("pom.xml", "mvnw", ".mvn", "src/main", "build", "Makefile");

    @TempDir
    Path work;

    @Test
    void everyFunctionIsBuiltByItsOwnMakefileTarget() throws IOException {
        SamTemplate template = SamTemplate.load();
        String makefile = Files.readString(SamTemplate.PROJECT.resolve("Makefile"));

        assertThat(template.resourcesOfType("AWS::Serverless::Function")).containsExactlyElementsOf(FUNCTIONS);
        for (String function : FUNCTIONS) {
            assertThat(template.resource(function).at("/Metadata/BuildMethod").asText()).as(function).isEqualTo("makefile");
            assertThat(makefile).as("Makefile target for %s", function).containsPattern("(?m)^(?![#\\s])[^:=]*\\bbuild-" + function + "\\b[^:=]*:");
        }
    }

    @Test
    void bothTargetsRunTheSameBuild() throws Exception {
        Map<String, String> env = Map.of("ARTIFACTS_DIR", work.resolve("artifacts").toString());

        Result notify = run(List.of("make", "--dry-run", "build-NotifyFunction"), SamTemplate.PROJECT, env, Duration.ofSeconds(30));
        Result scan = run(List.of("make", "--dry-run", "build-ScanFunction"), SamTemplate.PROJECT, env, Duration.ofSeconds(30));

        assertThat(notify.status()).as(notify.output()).isZero();
        assertThat(scan.output().replace("ScanFunction", "NotifyFunction")).isEqualTo(notify.output());
        assertThat(notify.output()).contains(" compile ").doesNotContain(" verify ");
    }

    /** The build with the tests is asked for by name, and the test run then is the whole suite's. */
    @Test
    void testsRunOnlyWhenAskedFor() throws Exception {
        Map<String, String> env = Map.of("ARTIFACTS_DIR", work.resolve("artifacts").toString(), "SHIRASE_BUILD_TESTS", "1");

        Result withTests = run(List.of("make", "--dry-run", "build-NotifyFunction"), SamTemplate.PROJECT, env,
                Duration.ofSeconds(30));

        assertThat(withTests.output()).contains(" verify ").doesNotContain(" compile ");
    }

    @Test
    void withJdk17AsTheDefaultAJdk21IsFoundAndThePackageIsWhatLambdaLoads() throws Exception {
        Path artifacts = work.resolve("artifacts");

        // The JDK running this test (21 or newer) is found only by searching, as an installed JDK would be.
        Result build = buildWithJdk17AsTheDefault(System.getenv("PATH"), System.getProperty("java.home"),
                Duration.ofMinutes(8));

        assertThat(build.status()).as("make build-NotifyFunction:%n%s", build.output()).isZero();
        Path handler = artifacts.resolve("dev/shirase/handler/NotifyHandler.class");
        assertThat(handler).exists();
        assertThat(artifacts.resolve("dev/shirase/handler/ScanHandler.class")).exists();
        // Class file version 65: compiled for Java 21, Lambda's runtime.
        assertThat(Files.readAllBytes(handler)[7]).isEqualTo((byte) 65);
        assertThat(artifacts.resolve("dev/shirase/template")).as("no test classes").doesNotExist();
        List<String> jars = names(artifacts.resolve("lib"));
        assertThat(jars).allMatch(j -> j.endsWith(".jar"))
                .anyMatch(j -> j.startsWith("com.amazonaws.aws-lambda-java-core-"))
                .anyMatch(j -> j.startsWith("com.fasterxml.jackson.core.jackson-databind-"))
                .anyMatch(j -> j.startsWith("software.amazon.awssdk.sns-"))
                .noneMatch(j -> j.contains("junit") || j.contains("wiremock") || j.contains("assertj"));
        assertThat(names(artifacts)).containsExactlyInAnyOrder("dev", "lib");

        // The package alone runs the handler the template names, as Lambda would (the CLI's invoke is in it too).
        String classpath = artifacts + ":" + artifacts.resolve("lib") + "/*";
        ChildJvm.Run invoke = ChildJvm.cli(classpath, Map.of(), "invoke", "events/health-ec2-instance-reboot.json");
        assertThat(invoke.status()).as(invoke.stderr()).isZero();
        assertThat(invoke.stdout()).contains("件名: 【要対応・必須】EC2 インスタンス再起動");
        // With an SNS client built, the SDK's logging finds its binding: no SLF4J warning in the function's log.
        ChildJvm.Run sdk = ChildJvm.cli(classpath, ChildJvm.snsNowhere(), "invoke", "events/health-ec2-instance-reboot.json");
        assertThat(sdk.stderr()).contains("Connection refused").doesNotContain("SLF4J");
    }

    @Test
    void withoutAJdk21TheBuildStopsAtOnceSayingWhatToInstall() throws Exception {
        Instant start = Instant.now();

        Result build = buildWithJdk17AsTheDefault(toolsWithoutJava(),
                Files.createDirectories(work.resolve("no-jdks")) + "/*", Duration.ofMinutes(1));

        assertThat(build.status()).isNotZero();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
        assertThat(build.output())
                .contains("a JDK 21 or newer is needed to build Shirase, and none was found")
                .contains("looked at: " + work.resolve("jdk-17") + " (Java 17)")
                .contains("export JAVA_HOME=")
                .doesNotContain("[INFO]");
        assertThat(work.resolve("artifacts/lib")).doesNotExist();
    }

    /**
     * make build-NotifyFunction as aws-lambda-builders runs it: in a copy of the project, the project's Makefile named
     * by path, ARTIFACTS_DIR set; here JAVA_HOME and the first java on PATH are a JDK 17.
     */
    private Result buildWithJdk17AsTheDefault(String restOfPath, String jdkSearch, Duration timeout) throws Exception {
        Path copy = copyOfProject();
        Path jdk17 = fakeJdk17();
        Map<String, String> env = Map.of(
                "ARTIFACTS_DIR", work.resolve("artifacts").toString(),
                "JAVA_HOME", jdk17.toString(),
                "PATH", jdk17.resolve("bin") + ":" + restOfPath,
                "SHIRASE_JDK_SEARCH", jdkSearch);
        return run(List.of("make", "--makefile", copy.resolve("Makefile").toString(), "build-NotifyFunction"), copy,
                env, timeout);
    }

    private Path copyOfProject() throws IOException {
        Path copy = work.resolve("scratch");
        for (String name : PROJECT_FILES) {
            copyTree(SamTemplate.PROJECT.resolve(name), copy.resolve(name));
        }
        return copy;
    }

    /** A JDK home whose java says it is 17, as the finder asks, and does nothing else. */
    private Path fakeJdk17() throws IOException {
        Path home = work.resolve("jdk-17");
        Path bin = Files.createDirectories(home.resolve("bin"));
        String java = """
                #!/bin/sh
                case "$*" in
                  *-XshowSettings:properties*) printf '%s\\n' 'Property settings:' '    java.specification.version = 17' >&2
                    echo 'openjdk version "17.0.15" 2025-04-15' >&2; exit 0 ;;
                esac
                echo "this is Java 17: $*" >&2
                exit 1
                """;
        for (String tool : List.of("java", "javac")) {
            executable(bin.resolve(tool), java);
        }
        return home;
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A folder of the tools make and the build scripts use, and no java, to be the whole PATH. */
    private String toolsWithoutJava() throws IOException {
        Path tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : List.of("make", "sh", "bash", "env", "rm", "mkdir", "cp", "dirname", "readlink", "awk",
                "grep", "cat", "test")) {
            Path found = onPath(tool);
            if (found != null) {
                executable(tools.resolve(tool), "#!/bin/sh\nexec '" + found + "' \"$@\"\n");
            }
        }
        return tools.toString();
    }

    private static Path onPath(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private record Result(int status, String output) {
    }

    /** Runs a command with only the given variables changed (and no SHIRASE_ or AWS_ settings of this JVM's own). */
    private static Result run(List<String> command, Path directory, Map<String, String> env, Duration timeout)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        // SHIRASE_BUILD_TESTS above all: a build run by a test must not run the tests, this one among them, again.
        builder.environment().keySet().removeIf(name -> name.startsWith("SHIRASE_") || name.startsWith("AWS_")
                || name.equals("JAVA_HOME") || name.equals("MAKEFLAGS") || name.equals("MAKELEVEL"));
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            fail(command.get(0) + " is required to test the SAM build and could not be started: " + e.getMessage());
            return null;
        }
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), output.get(1, TimeUnit.MINUTES));
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(all::add);
        }
        for (Path source : all) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
